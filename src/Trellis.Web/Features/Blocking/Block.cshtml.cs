using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Blocking;

/// <summary>The confirmation step before blocking, reached from a profile or a mentorship.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class BlockModel(BlockHandlers handlers) : TrellisPageModel
{
    public string Name { get; private set; } = "";
    public bool AlreadyBlocked { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await handlers.NameOfAsync(Me, id, ct) is not { } name) return NotFound();
        Name = name;
        AlreadyBlocked = await handlers.HaveBlockedAsync(Me, id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await handlers.BlockAsync(Me, id, ct);
        if (result.IsSuccess)
        {
            TempData["Status"] = $"You blocked {result.Value.DisplayName}.";
            return Redirect("/Settings/Blocked");
        }
        if (result.Error is NotFoundError or Invalid) return NotFound();
        AddErrors(result.Error);
        return await OnGetAsync(id, ct);
    }
}
