using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Programmes.Matching;

namespace Trellis.Web.Features.Programmes.Pages;

/// <summary>A mentee and a mentor side by side, what they share marked; from the matching board.</summary>
public sealed class CompareModel(ProgrammeAccess access, ProfileComparison comparison) : CoordinatorPage(access)
{
    [BindProperty(SupportsGet = true)] public Guid Mentee { get; set; }
    [BindProperty(SupportsGet = true)] public Guid Mentor { get; set; }

    public Comparison Found { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var found = await comparison.CompareAsync(Me, Programme.Id, Mentee, Mentor, ct);
        if (!found.IsSuccess) return NotFound();
        Found = found.Value;
        return Page();
    }
}
