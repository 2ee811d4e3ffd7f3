using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Programmes.Enrolment;

namespace Trellis.Web.Features.Programmes.Pages;

/// <summary>Everyone in the programme, filtered and paged; each links to their answers.</summary>
public sealed class ParticipantsModel(ProgrammeAccess access, ParticipantHandlers handlers) : CoordinatorPage(access)
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public ProgrammeRole? Role { get; set; }
    [BindProperty(SupportsGet = true)] public ParticipantStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1; // "page" alone would bind the Razor page's route value

    public ParticipantPage Found { get; private set; } = new(0, 1, PageSize, []);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var found = await handlers.ParticipantsAsync(Me, Programme.Id, Role, Status, Q, Math.Max(1, PageNumber), PageSize, ct);
        if (found.IsSuccess) Found = found.Value;
    }

    public string PageLink(int page) =>
        $"?role={Role}&status={Status}&q={Uri.EscapeDataString(Q ?? "")}&page={page}";
}
