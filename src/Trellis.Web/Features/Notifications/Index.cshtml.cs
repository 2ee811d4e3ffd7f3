using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Notifications;

[Authorize(Policy = Policies.Member)]
public sealed class IndexModel(NotificationCentre centre) : TrellisPageModel
{
    public NotificationPage List { get; private set; } = new(0, []);

    public async Task OnGetAsync(CancellationToken ct) => List = await centre.ListAsync(Me, 100, ct);

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken ct)
    {
        if (!await centre.MarkReadAsync(Me, id, ct)) return NotFound();
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await centre.MarkAllReadAsync(Me, ct);
        return RedirectToPage();
    }
}
