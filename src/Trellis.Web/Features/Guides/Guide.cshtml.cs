using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Guides;

/// <summary>One guide. A guide the visitor may not read is the 404 page, whether it exists or not.</summary>
[AllowAnonymous]
public sealed class GuideModel(GuideHandlers handlers) : TrellisPageModel
{
    public GuideView Guide { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var found = await handlers.GetBySlugAsync(User.MemberIdOrNull(), slug, ct);
        if (!found.IsSuccess) return NotFound();
        Guide = found.Value;
        return Page();
    }
}
