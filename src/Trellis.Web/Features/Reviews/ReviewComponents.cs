using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Reviews;

/// <summary>On the mentorship page: the review open now, or when the next one is due, and the last summary.</summary>
public sealed class ReviewsSummaryViewComponent(ReviewHandlers handlers, MentorshipAccess access) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid mentorshipId)
    {
        var ct = HttpContext.RequestAborted;
        var current = await access.FindAsync(UserClaimsPrincipal.MemberId(), mentorshipId, ct) is { } membership
            ? await handlers.CurrentAsync(membership, ct)
            : null;
        return View("/Features/Reviews/Components/ReviewsSummary.cshtml", (mentorshipId, current));
    }
}

/// <summary>On the dashboard: reviews waiting for my answer, overdue ones first.</summary>
public sealed class ReviewsDashboardViewComponent(ReviewHandlers handlers) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var waiting = await handlers.WaitingForMeAsync(UserClaimsPrincipal.MemberId(), HttpContext.RequestAborted);
        return View("/Features/Reviews/Components/ReviewsDashboard.cshtml", waiting);
    }
}
