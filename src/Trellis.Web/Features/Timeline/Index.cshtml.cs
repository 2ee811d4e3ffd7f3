using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Timeline;

/// <summary>/Mentorships/{id}/Timeline: everything that happened, newest first, in the viewer's time zone.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class IndexModel(TimelineQueries queries, MentorshipAccess access, TrellisDbContext db) : TrellisPageModel
{
    public MentorshipMembership Membership { get; private set; } = null!;
    public TimelinePage Entries { get; private set; } = new([], null);
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync(Guid id, string? before, CancellationToken ct)
    {
        if (await access.FindAsync(Me, id, ct) is not { HasWorkspace: true } membership) return NotFound();
        var page = await queries.PageAsync(Me, id, before, null, ct);
        if (!page.IsSuccess) return page.Error is NotFoundError ? NotFound() : BadRequest();
        (Membership, Entries, Zone) = (membership, page.Value, await db.ZoneOfAsync(Me, ct));
        return Page();
    }
}
