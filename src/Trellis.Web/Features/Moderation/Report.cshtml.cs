using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Moderation;

/// <summary>Report one item for abuse. The item must be one the member can see; the reported member is never told.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class FileReportModel(ReportHandlers handlers, IEnumerable<IReportTarget> targets) : TrellisPageModel
{
    [BindProperty]
    public ReportForm Input { get; set; } = new();

    public ReportKind Kind { get; private set; }

    public sealed class ReportForm
    {
        public ReportReason? Reason { get; set; }
        public string? Text { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string kind, Guid itemId, CancellationToken ct) =>
        await CanSeeAsync(kind, itemId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string kind, Guid itemId, CancellationToken ct)
    {
        if (!await CanSeeAsync(kind, itemId, ct)) return NotFound();
        var result = await handlers.FileAsync(Me, new ReportRequest(Kind, itemId, Input.Reason, Input.Text), ct);
        if (!result.IsSuccess)
        {
            AddErrors(result.Error);
            return Page();
        }
        TempData["Status"] = "Thank you for telling us. The site's administrators will look at it; the member you reported is not told who reported them.";
        return Redirect("/Dashboard");
    }

    private async Task<bool> CanSeeAsync(string kind, Guid itemId, CancellationToken ct)
    {
        if (!Enum.TryParse<ReportKind>(kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed)) return false;
        Kind = parsed;
        return targets.FirstOrDefault(t => t.Kind == parsed) is { } target && await target.FindAsync(itemId, Me, ct) is not null;
    }
}
