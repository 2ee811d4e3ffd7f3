using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Endorsements;

/// <summary>On the mentorship page: the endorsement (or whether the mentee may write one now).</summary>
public sealed class EndorsementSummaryViewComponent(EndorsementHandlers handlers, MentorshipAccess access) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid mentorshipId)
    {
        var ct = HttpContext.RequestAborted;
        var view = await access.FindAsync(UserClaimsPrincipal.MemberId(), mentorshipId, ct) is { } membership
            ? await handlers.GetAsync(membership, ct)
            : null;
        return View("/Features/Endorsements/Components/EndorsementSummary.cshtml", (mentorshipId, view));
    }
}

/// <summary>On the dashboard: the difference I have made as a mentor, once I have mentored anyone.</summary>
public sealed class ImpactDashboardViewComponent(ImpactStats impact) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("/Features/Endorsements/Components/ImpactDashboard.cshtml", await impact.ForMentorAsync(UserClaimsPrincipal.MemberId(), HttpContext.RequestAborted));
}

/// <summary>On a member's profile: their impact as a mentor and the endorsements they chose to show. The
/// profile page has already decided the viewer may see the profile.</summary>
public sealed class TrackRecordViewComponent(ImpactStats impact, EndorsementHandlers handlers) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid memberId) =>
        View("/Features/Endorsements/Components/TrackRecord.cshtml",
            new TrackRecordView(memberId, await impact.ForMentorAsync(memberId, HttpContext.RequestAborted), await handlers.PublishedAsync(memberId, HttpContext.RequestAborted)));
}
