using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Resources.Components;

/// <summary>On the mentorship page: the latest articles and books and how far the reading list is.</summary>
public sealed class ResourcesSummaryViewComponent(ResourceHandlers handlers) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid mentorshipId)
    {
        var result = await handlers.ListAsync(UserClaimsPrincipal.MemberId(), mentorshipId, HttpContext.RequestAborted);
        if (!result.IsSuccess) return Content("");
        return View("/Features/Resources/Components/ResourcesSummary.cshtml", (mentorshipId, result.Value));
    }
}
