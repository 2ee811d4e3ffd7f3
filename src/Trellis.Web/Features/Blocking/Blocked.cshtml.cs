using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Blocking;

/// <summary>Settings → the members I blocked, each with "Unblock".</summary>
[Authorize(Policy = Policies.Member)]
public sealed class BlockedModel(BlockHandlers handlers) : TrellisPageModel
{
    public IReadOnlyList<BlockView> Blocks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Blocks = await handlers.ListAsync(Me, ct);

    public async Task<IActionResult> OnPostUnblockAsync(Guid memberId, CancellationToken ct)
    {
        var result = await handlers.UnblockAsync(Me, memberId, ct);
        if (!result.IsSuccess) return NotFound();
        TempData["Status"] = "The block is lifted.";
        return Redirect("/Settings/Blocked");
    }
}
