using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Resources.Components;

/// <summary>On the mentorship page: the latest articles and books and how far the reading list is.</summary>
public sealed class ResourcesSummaryViewComponent(ResourceHandlers handlers, MentorshipAccess access) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid mentorshipId)
    {
        var ct = HttpContext.RequestAborted;
        return await access.FindAsync(UserClaimsPrincipal.MemberId(), mentorshipId, ct) is { } membership
            ? View("/Features/Resources/Components/ResourcesSummary.cshtml", (mentorshipId, await handlers.ListAsync(membership, ct)))
            : Content("");
    }
}
