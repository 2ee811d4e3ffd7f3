using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Moderation;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Admin;

/// <summary>One report: the reported item alone, and what an administrator can do about it.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class ReviewReportModel(ModerationHandlers handlers) : TrellisPageModel
{
    public ReportDetails? Report { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostHideAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, async () => (await handlers.HideAsync(Me, id, new AdminDecision(Reason), ct)).Error, "The item is hidden.", ct);

    public Task<IActionResult> OnPostDismissAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, async () => (await handlers.DismissAsync(Me, id, new AdminDecision(Reason), ct)).Error, "The report is dismissed.", ct);

    public Task<IActionResult> OnPostSuspendAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, async () => await handlers.SuspendAsync(Me, Report!.Author.Id, new AdminDecision(Reason), id, ct), "The account is suspended and signed out everywhere.", ct);

    public Task<IActionResult> OnPostUnsuspendAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, async () => await handlers.UnsuspendAsync(Me, Report!.Author.Id, new AdminDecision(Reason), id, ct), "The suspension is lifted.", ct);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task<Error?>> act, string done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await act() is { } error)
        {
            AddErrors(error, prefix: "");
            return Page();
        }
        TempData["Status"] = done;
        return Redirect($"/Admin/Reports/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await handlers.GetAsync(id, ct);
        Report = result.Value;
        return result.IsSuccess;
    }
}
