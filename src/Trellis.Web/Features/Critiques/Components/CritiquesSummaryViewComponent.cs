using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Critiques.Components;

/// <summary>On the mentorship page: the requests for critique that are not closed.</summary>
public sealed class CritiquesSummaryViewComponent(CritiqueHandlers handlers) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid mentorshipId)
    {
        var result = await handlers.ListAsync(UserClaimsPrincipal.MemberId(), mentorshipId, HttpContext.RequestAborted);
        if (!result.IsSuccess) return Content("");
        var open = result.Value.Where(c => c.Status != CritiqueStatus.Closed).ToList();
        return View("/Features/Critiques/Components/CritiquesSummary.cshtml", (mentorshipId, open));
    }
}

/// <summary>On the dashboard: work waiting for my critique (as mentor, late ones flagged) and critiques waiting for me to read (as mentee).</summary>
public sealed class CritiquesDashboardViewComponent(CritiqueHandlers handlers) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var waiting = await handlers.WaitingOnAsync(UserClaimsPrincipal.MemberId(), HttpContext.RequestAborted);
        return waiting.Count == 0 ? Content("") : View("/Features/Critiques/Components/CritiquesDashboard.cshtml", waiting);
    }
}
