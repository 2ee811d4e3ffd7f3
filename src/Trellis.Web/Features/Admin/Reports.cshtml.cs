using Microsoft.AspNetCore.Authorization;
using Trellis.Web.Features.Moderation;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class ReportsModel(ModerationHandlers handlers) : TrellisPageModel
{
    public IReadOnlyList<ReportSummary> Open { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Open = await handlers.OpenReportsAsync(ct);
}
