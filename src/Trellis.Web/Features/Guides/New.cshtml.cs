using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Guides;

/// <summary>Writing a guide: for a programme the member coordinates, or site-wide for administrators. The form binds the
/// API's own request record and checks it by its annotations before the handler runs.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class NewModel(GuideHandlers handlers) : TrellisPageModel
{
    [BindProperty] public WriteGuide Input { get; set; } = new(null, null, nameof(GuideVisibility.MembersOnly), null);
    public GuidePlaces Places { get; private set; } = new(false, []);

    public async Task<IActionResult> OnGetAsync(Guid? programme, CancellationToken ct)
    {
        Places = await handlers.PlacesAsync(Me, ct);
        if (programme is not null) Input = Input with { ProgrammeId = programme };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Places = await handlers.PlacesAsync(Me, ct);
        if (!await ValidAsync(Input, ct)) return Page();
        var created = await handlers.CreateAsync(Me, Input, ct);
        if (!created.IsSuccess)
        {
            AddErrors(created.Error is NotFoundError or ForbiddenError ? new Invalid("programmeId", created.Error.Detail) : created.Error);
            return Page();
        }
        TempData["Status"] = "The guide is published.";
        return Redirect($"/Guides/{created.Value.Slug}");
    }
}
