using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Guides;

/// <summary>The guides the visitor may read; public ones need no account (GuideAccess decides what is listed).</summary>
[AllowAnonymous]
public sealed class IndexModel(GuideHandlers handlers) : TrellisPageModel
{
    public IReadOnlyList<GuideSummary> Guides { get; private set; } = [];
    public bool CanWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = User.MemberIdOrNull();
        Guides = await handlers.ListAsync(viewer, ct);
        if (viewer is { } me)
        {
            var places = await handlers.PlacesAsync(me, ct);
            CanWrite = places.SiteWide || places.Programmes.Count > 0;
        }
        return Page();
    }
}
