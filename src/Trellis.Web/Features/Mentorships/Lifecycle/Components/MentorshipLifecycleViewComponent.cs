using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Mentorships.Lifecycle.Components;

/// <summary>On the mentorship page: paused until when, a completion waiting for my answer, the planned
/// end, and the way to the Manage page.</summary>
public sealed class MentorshipLifecycleViewComponent(LifecycleHandlers lifecycle) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid mentorshipId)
    {
        var result = await lifecycle.GetAsync(UserClaimsPrincipal.MemberId(), mentorshipId, HttpContext.RequestAborted);
        return result.IsSuccess ? View("/Features/Mentorships/Lifecycle/Components/MentorshipLifecycle.cshtml", result.Value) : Content("");
    }
}
