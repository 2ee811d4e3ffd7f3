using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Guides;

/// <summary>Editing a guide: its programme's coordinators, or administrators for a site-wide one; 404 for anyone else.
/// The version read travels with the form, so an edit over someone else's is refused instead of lost.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class EditModel(GuideHandlers handlers) : TrellisPageModel
{
    [BindProperty] public EditGuide Input { get; set; } = new(null, null, null, null);
    public GuideView Guide { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await WritableAsync(slug, ct) is not { } guide) return NotFound();
        Guide = guide;
        Input = new EditGuide(guide.Title, guide.Body, guide.Visibility.ToString(), guide.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await WritableAsync(slug, ct) is not { } guide) return NotFound();
        Guide = guide;
        if (!await ValidAsync(Input, ct)) return Page();
        var edited = await handlers.EditAsync(Me, guide.Id, Input, ct);
        if (!edited.IsSuccess)
        {
            if (edited.Error is NotFoundError) return NotFound();
            AddErrors(edited.Error);
            return Page();
        }
        TempData["Status"] = "The guide is saved.";
        return Redirect($"/Guides/{edited.Value.Slug}");
    }

    private async Task<GuideView?> WritableAsync(string slug, CancellationToken ct) =>
        await handlers.GetBySlugAsync(Me, slug, ct) is { IsSuccess: true, Value: { CanEdit: true } guide } ? guide : null;
}
