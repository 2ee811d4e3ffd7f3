using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Pages;

/// <summary>Who coordinates the programme; the owner adds, removes and promotes coordinators.</summary>
public sealed class CoordinatorsModel(ProgrammeAccess access, ProgrammeHandlers handlers) : CoordinatorPage(access)
{
    public IReadOnlyList<CoordinatorView> Coordinators { get; private set; } = [];
    public bool IAmOwner => Coordinators.Any(c => c.MemberId == Me && c.IsOwner);

    [BindProperty] public CoordinatorRequest Input { get; set; } = new(null);

    public async Task OnGetAsync(CancellationToken ct) =>
        Coordinators = (await handlers.CoordinatorsAsync(Me, Programme.Id, ct)).Value ?? [];

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        await AfterAsync(await handlers.AddCoordinatorAsync(Me, Programme.Id, Input, ct), "They coordinate the programme now.", ct);

    public async Task<IActionResult> OnPostRemoveAsync(Guid memberId, CancellationToken ct) =>
        await AfterAsync(await handlers.RemoveCoordinatorAsync(Me, Programme.Id, memberId, ct), "They no longer coordinate it.", ct);

    public async Task<IActionResult> OnPostOwnerAsync(Guid memberId, CancellationToken ct) =>
        await AfterAsync(await handlers.MakeOwnerAsync(Me, Programme.Id, memberId, ct), "They are an owner too.", ct);

    private async Task<IActionResult> AfterAsync(Result<IReadOnlyList<CoordinatorView>> result, string done, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            TempData["Status"] = done;
            return Redirect(ManagePath("/Coordinators"));
        }
        AddErrors(result.Error);
        await OnGetAsync(ct);
        return Page();
    }
}
