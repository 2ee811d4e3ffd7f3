using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Programmes.Matching;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Pages;

/// <summary>
/// The matching board: unmatched mentees with the engine's best candidates, making, removing and approving draft
/// matches (the same handlers as the API).
/// </summary>
public sealed class MatchingModel(ProgrammeAccess access, MatchBoard board, MatchHandlers matches) : CoordinatorPage(access)
{
    public const int PageSize = 10;

    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public BoardPage Board { get; private set; } = new(0, 1, PageSize, 0, []);
    public IReadOnlyList<DraftView> Drafts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Board = (await board.PageAsync(Me, Programme.Id, Math.Max(1, PageNumber), PageSize, ct)).Value ?? Board;
        Drafts = (await matches.ListAsync(Me, Programme.Id, ct)).Value ?? [];
    }

    public async Task<IActionResult> OnPostDraftAsync(Guid menteeId, Guid mentorId, CancellationToken ct) =>
        After(await matches.CreateAsync(Me, Programme.Id, new DraftInput(menteeId, mentorId), ct),
            d => $"Draft match made: {d.MenteeName} with {d.MentorName}. Approve it when you are sure.");

    public async Task<IActionResult> OnPostRemoveAsync(Guid draftId, CancellationToken ct) =>
        After(await matches.DiscardAsync(Me, Programme.Id, draftId, ct), d => $"Draft removed: {d.MenteeName} is unmatched again.");

    public async Task<IActionResult> OnPostApproveAsync(Guid draftId, Guid version, CancellationToken ct) =>
        After(await matches.ApproveAsync(Me, Programme.Id, draftId, new ApproveInput(version), ct),
            d => $"Approved: {d.MentorName} has {d.MenteeName}'s proposal, and both have the introduction e-mail.");

    private IActionResult After(Result<DraftView> result, Func<DraftView, string> done)
    {
        if (result.Error is NotFoundError) return NotFound();
        TempData["Status"] = result.IsSuccess ? done(result.Value) : result.Error!.Detail;
        return Redirect(ManagePath($"/Matching?page={Math.Max(1, PageNumber)}"));
    }
}
