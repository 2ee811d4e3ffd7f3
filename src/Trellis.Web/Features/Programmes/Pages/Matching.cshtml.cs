using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Programmes.Matching;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Pages;

/// <summary>
/// The matching board: unmatched mentees with the engine's best candidates, making, removing and approving draft
/// matches (the same handlers as the API).
/// </summary>
public sealed class MatchingModel(ProgrammeAccess access, MatchBoard board, MatchHandlers matches, BulkHandlers bulk, DraftSwap swap)
    : CoordinatorPage(access)
{
    public const int PageSize = 10, DraftsPageSize = 100;

    // From the query only: "page" is also the route value naming the Razor page, which a plain binding reads first
    // (and asp-route-page makes an empty form action), so the board's forms carry it in their action themselves.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    /// <summary>The page of drafts shown (a bulk run writes as many as the programme has mentees).</summary>
    [BindProperty(SupportsGet = true, Name = "drafts")] public int DraftsPage { get; set; } = 1;

    public BoardPage Board { get; private set; } = new(0, 1, PageSize, 0, []);
    public IReadOnlyList<DraftView> Drafts { get; private set; } = [];
    public DraftCounts Counts { get; private set; } = new(0, 0, 0, 0);
    public IReadOnlyList<PairRuleView> Rules { get; private set; } = [];
    public RunView? Run { get; private set; }
    public bool Bulk => Programme.MatchingMode == MatchingMode.Bulk;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Board = (await board.PageAsync(Me, Programme.Id, Math.Max(1, PageNumber), PageSize, ct)).Value ?? Board;
        Counts = (await matches.CountsAsync(Me, Programme.Id, ct)).Value ?? Counts;
        DraftsPage = Math.Clamp(DraftsPage, 1, Math.Max(1, (Counts.Drafts + DraftsPageSize - 1) / DraftsPageSize));
        Drafts = (await matches.ListAsync(Me, Programme.Id, DraftStatus.Draft, DraftsPage, DraftsPageSize, ct)).Value ?? [];
        Rules = (await bulk.RulesAsync(Me, Programme.Id, ct)).Value ?? [];
        Run = (await bulk.LatestAsync(Me, Programme.Id, ct)).Value;
    }

    /// <summary>The latest run's stage and percentage, for the page's script to follow.</summary>
    public async Task<IActionResult> OnGetProgressAsync(CancellationToken ct)
    {
        var run = (await bulk.LatestAsync(Me, Programme.Id, ct)).Value;
        return run is null ? NotFound() : new JsonResult(new { status = run.Status.ToString(), stageText = StageText(run.Stage), percent = run.Percent });
    }

    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        var started = await bulk.StartAsync(Me, Programme.Id, ct);
        if (started.Error is NotFoundError) return NotFound();
        TempData["Status"] = started.IsSuccess ? "The engine is matching the remainder; its progress is shown below." : started.Error!.Detail;
        return Redirect(ManagePath("/Matching"));
    }

    public async Task<IActionResult> OnPostRuleAsync(Guid menteeId, Guid mentorId, PairRuleKind kind, CancellationToken ct)
    {
        var added = await bulk.AddRuleAsync(Me, Programme.Id, new PairRuleInput(menteeId, mentorId, kind), ct);
        if (added.Error is NotFoundError) return NotFound();
        TempData["Status"] = added.IsSuccess
            ? $"{(kind == PairRuleKind.Pin ? "Pinned" : "Forbidden")}: {added.Value.MenteeName} with {added.Value.MentorName}, for the next run."
            : added.Error!.Detail;
        return Redirect(ManagePath($"/Matching?page={Math.Max(1, PageNumber)}"));
    }

    public async Task<IActionResult> OnPostRemoveRuleAsync(Guid ruleId, CancellationToken ct)
    {
        var removed = await bulk.RemoveRuleAsync(Me, Programme.Id, ruleId, ct);
        if (removed.Error is NotFoundError && removed.Error.Detail == "No such programme.") return NotFound();
        TempData["Status"] = removed.IsSuccess ? "The rule is removed." : removed.Error!.Detail;
        return Redirect(ManagePath("/Matching"));
    }

    /// <summary>Approves every draft as listed on the page (each with the version shown), one by one.</summary>
    public async Task<IActionResult> OnPostApproveAllAsync(List<Guid> draftIds, List<Guid> versions, CancellationToken ct)
    {
        var drafts = draftIds.Zip(versions, (id, version) => new DraftVersion(id, version)).ToList();
        var done = await matches.ApproveManyAsync(Me, Programme.Id, new ApproveManyInput(drafts), ct);
        if (done.Error is NotFoundError) return NotFound();
        TempData["Status"] = done.IsSuccess
            ? $"{done.Value.Approved.Count} approved" + (done.Value.Refused.Count > 0
                ? $"; {done.Value.Refused.Count} not: {string.Join(" ", done.Value.Refused.Select(r => r.Reason).Distinct())}" : ".")
            : done.Error!.Detail;
        return Redirect(ManagePath("/Matching"));
    }

    /// <summary>Where a form beside a mentee or a draft posts: its handler, and the board's page to come back to.</summary>
    public string FormAction(string handler) => ManagePath($"/Matching?handler={handler}&page={Board.Page}");

    public static string StageText(BulkStage stage) => stage switch
    {
        BulkStage.Waiting => "Waiting to start",
        BulkStage.Loading => "Loading the participants",
        BulkStage.Candidates => "Finding candidates",
        BulkStage.Solving => "Choosing the best pairs",
        BulkStage.Explaining => "Explaining each pair",
        BulkStage.Writing => "Writing the drafts",
        _ => "Finished",
    };

    public async Task<IActionResult> OnPostDraftAsync(Guid menteeId, Guid mentorId, CancellationToken ct) =>
        After(await matches.CreateAsync(Me, Programme.Id, new DraftInput(menteeId, mentorId), ct),
            d => $"Draft match made: {d.MenteeName} with {d.MentorName}. Approve it when you are sure.");

    public async Task<IActionResult> OnPostRemoveAsync(Guid draftId, CancellationToken ct) =>
        After(await matches.DiscardAsync(Me, Programme.Id, draftId, ct), d => $"Draft removed: {d.MenteeName} is unmatched again.");

    public async Task<IActionResult> OnPostApproveAsync(Guid draftId, Guid version, CancellationToken ct) =>
        After(await matches.ApproveAsync(Me, Programme.Id, draftId, new ApproveInput(version), ct),
            d => Programme.StartDirectly
                ? $"Approved: {d.MenteeName} and {d.MentorName} each have the match to accept, and the introduction e-mail."
                : $"Approved: {d.MentorName} has {d.MenteeName}'s proposal, and both have the introduction e-mail.");

    /// <summary>Swaps the mentors of this draft and the chosen one ("id/version", both as the page showed them).</summary>
    public async Task<IActionResult> OnPostSwapAsync(Guid draftId, Guid version, string? with, CancellationToken ct)
    {
        var other = (with ?? "").Split('/');
        DraftVersion? second = other.Length == 2 && Guid.TryParse(other[0], out var otherId) && Guid.TryParse(other[1], out var otherVersion)
            ? new DraftVersion(otherId, otherVersion) : null;
        var swapped = await swap.SwapAsync(Me, Programme.Id, new SwapInput(new DraftVersion(draftId, version), second), ct);
        if (swapped.Error is NotFoundError && swapped.Error.Detail == "No such programme.") return NotFound();
        TempData["Status"] = swapped.IsSuccess
            ? $"Swapped: {string.Join(" and ", swapped.Value.Select(d => $"{d.MenteeName} with {d.MentorName}"))}."
            : swapped.Error is Invalid invalid ? string.Join(" ", invalid.Errors.Values.SelectMany(m => m)) : swapped.Error!.Detail;
        return Redirect(ManagePath($"/Matching?page={Math.Max(1, PageNumber)}"));
    }

    private IActionResult After(Result<DraftView> result, Func<DraftView, string> done)
    {
        if (result.Error is NotFoundError) return NotFound();
        TempData["Status"] = result.IsSuccess ? done(result.Value) : result.Error!.Detail;
        return Redirect(ManagePath($"/Matching?page={Math.Max(1, PageNumber)}"));
    }
}
