using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.CheckIns.Components;

/// <summary>On the mentorship page: how many check-ins are open, and whether any is overdue.</summary>
public sealed class CheckInsSummaryViewComponent(CheckInHandlers handlers, MentorshipAccess access) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid mentorshipId)
    {
        var ct = HttpContext.RequestAborted;
        return await access.FindAsync(UserClaimsPrincipal.MemberId(), mentorshipId, ct) is { } membership
            ? View("/Features/CheckIns/Components/CheckInsSummary.cshtml", await handlers.ListAsync(membership, ct))
            : Content("");
    }
}

/// <summary>On the dashboard: check-ins waiting on me across all my mentorships, overdue first.</summary>
public sealed class CheckInsDashboardViewComponent(CheckInHandlers handlers, TrellisDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var me = UserClaimsPrincipal.MemberId();
        var waiting = await handlers.WaitingOnAsync(me, HttpContext.RequestAborted);
        var zone = await db.ZoneOfAsync(me, HttpContext.RequestAborted);
        return View("/Features/CheckIns/Components/CheckInsDashboard.cshtml", (waiting, zone));
    }
}
