using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Programmes.Pages;

/// <summary>Site administrators see every programme (names and states) and create new ones.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AdminModel(ProgrammeHandlers handlers) : TrellisPageModel
{
    public IReadOnlyList<ProgrammeSummary> Programmes { get; private set; } = [];

    [BindProperty] public CreateProgrammeInput Input { get; set; } = new() { Kind = ProgrammeKind.Cohort };

    public async Task OnGetAsync(CancellationToken ct) => Programmes = await handlers.ListAllAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var created = await handlers.CreateAsync(Input, ct);
        if (created.IsSuccess)
        {
            TempData["Status"] = $"{created.Value.Name} is created as a draft; its owner was told.";
            return Redirect("/Admin/Programmes");
        }
        AddErrors(created.Error);
        Programmes = await handlers.ListAllAsync(ct);
        return Page();
    }
}
