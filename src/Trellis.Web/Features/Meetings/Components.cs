using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Meetings;

/// <summary>The next meeting of one mentorship, for its overview page.</summary>
public sealed class MeetingsSummaryViewComponent(MeetingHandlers handlers) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid mentorshipId)
    {
        var me = UserClaimsPrincipal.MemberId();
        var all = (await handlers.ListAsync(me, mentorshipId, HttpContext.RequestAborted)).Value ?? [];
        var next = all.FirstOrDefault(m => m.Status != MeetingStatus.Cancelled && !m.Started);
        return View("/Features/Meetings/Components/MeetingsSummary.cshtml", (mentorshipId, next));
    }
}

/// <summary>My next meetings across all my mentorships, for the dashboard.</summary>
public sealed class MeetingsDashboardViewComponent(MeetingHandlers handlers) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("/Features/Meetings/Components/MeetingsDashboard.cshtml", await handlers.UpcomingAsync(UserClaimsPrincipal.MemberId(), 5, HttpContext.RequestAborted));
}
