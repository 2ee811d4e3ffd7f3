using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Goals.Components;

/// <summary>On the mentorship page: the goals shared with it and how far along they are.</summary>
public sealed class GoalsSummaryViewComponent(GoalHandlers handlers, MentorshipAccess access) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid mentorshipId)
    {
        var ct = HttpContext.RequestAborted;
        return await access.FindAsync(UserClaimsPrincipal.MemberId(), mentorshipId, ct) is { } membership
            ? View("/Features/Goals/Components/GoalsSummary.cshtml", await handlers.ListForMentorshipAsync(membership, ct))
            : Content("");
    }
}

/// <summary>On the dashboard: goals due in the next 30 days and milestones past their date, mine and my mentees'.</summary>
public sealed class GoalsDashboardViewComponent(GoalHandlers handlers) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("/Features/Goals/Components/GoalsDashboard.cshtml", await handlers.ComingUpAsync(UserClaimsPrincipal.MemberId(), HttpContext.RequestAborted));
}
