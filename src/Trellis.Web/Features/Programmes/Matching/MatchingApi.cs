using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Matching;

public static class MatchingApi
{
    /// <summary>The coordinators' side, under /programmes/{id}: 404 for anyone who does not coordinate it.</summary>
    public static void MapMatching(this RouteGroupBuilder one)
    {
        one.MapGet("/board", Board).WithName("MatchingBoard")
            .WithSummary("By hand: unmatched mentees (paged), each with the engine's best candidates among mentors with places left, " +
                         "with score and the reasons Find a mentor gives.");
        one.MapGet("/compare", Compare).WithName("CompareParticipants")
            .WithSummary("A mentee and a mentor of the programme side by side, with what they share marked, and their score and reasons.");
        one.MapPost("/runs", StartRun).WithName("StartBulkRun")
            .WithSummary("Bulk: ask the engine to match the remainder (done in the background; 409 if a run is under way or the mode is not bulk).");
        one.MapGet("/runs/latest", LatestRun).WithName("LatestBulkRun").WithSummary("The latest run: stage, percentage, outcome, unmatched and why.");
        one.MapGet("/runs/{runId:guid}", Run).WithName("BulkRun").WithSummary("One run: stage, percentage, outcome, unmatched and why.");
        one.MapGet("/pair-rules", Rules).WithName("ListPairRules").WithSummary("Pins and forbids the next bulk run follows.");
        one.MapPost("/pair-rules", AddRule).WithName("AddPairRule")
            .WithSummary("Pin (the run must make it) or forbid (never) a pair; 400 naming each bad field, 409 if the pair or the mentee has one.");
        one.MapDelete("/pair-rules/{ruleId:guid}", RemoveRule).WithName("RemovePairRule").WithSummary("Remove a pin or forbid.");
        one.MapPost("/drafts/approve", ApproveMany).WithName("ApproveDraftMatches")
            .WithSummary("Approve all or some drafts ({ drafts: [{ id, version }] }); each approved or refused on its own, with why.");
        one.MapPost("/drafts/swap", Swap).WithName("SwapDraftMatches")
            .WithSummary("Swap the mentors of two drafts ({ first: { id, version }, second: { id, version } }), each new pair " +
                         "checked and scored afresh; 409 if a draft changed since it was read or a pair breaks a rule.");
        one.MapGet("/export/matches.csv", Export).WithName("ExportMatches")
            .WithSummary("Draft and approved matches as CSV: mentee, mentor, status, source, score, the pair's status.");
        one.MapGet("/drafts", List).WithName("ListDraftMatches")
            .WithSummary("Draft and approved matches with their score and reasons, oldest first (status to filter; paged: page, " +
                         "pageSize up to 500, 50 if not given). Never what happens inside a mentorship.");
        one.MapPost("/drafts", Create).WithName("CreateDraftMatch")
            .WithSummary("By hand: pair an enrolled mentee with an enrolled mentor; 400 naming each bad field, 409 if they cannot be paired.");
        one.MapDelete("/drafts/{draftId:guid}", Discard).WithName("DiscardDraftMatch").WithSummary("Remove a draft match.");
        one.MapPost("/drafts/{draftId:guid}/approve", Approve).WithName("ApproveDraftMatch")
            .WithSummary("Approve a draft: the programme's agreement goes to the mentor as the mentee's proposal, both get the " +
                         "introduction e-mail. 409 if it was approved or changed already.");
    }

    private static Task<Results<Ok<BoardPage>, ProblemHttpResult>> Board(Guid id, HttpContext http, MatchBoard board,
        CancellationToken ct, int page = 1, int pageSize = 20) => board.PageAsync(http.User.MemberId(), id, page, pageSize, ct).ToOk();

    private static Task<Results<Ok<Comparison>, ProblemHttpResult>> Compare(Guid id, Guid menteeId, Guid mentorId, HttpContext http,
        ProfileComparison comparison, CancellationToken ct) =>
        comparison.CompareAsync(http.User.MemberId(), id, menteeId, mentorId, ct).ToOk();

    private static Task<Results<Created<RunView>, ProblemHttpResult>> StartRun(Guid id, HttpContext http, BulkHandlers h, CancellationToken ct) =>
        h.StartAsync(http.User.MemberId(), id, ct).ToCreated(r => $"/api/v1/programmes/{id}/runs/{r.Id}");

    private static Task<Results<Ok<RunView>, ProblemHttpResult>> LatestRun(Guid id, HttpContext http, BulkHandlers h, CancellationToken ct) =>
        h.LatestAsync(http.User.MemberId(), id, ct).ToOk();

    private static Task<Results<Ok<RunView>, ProblemHttpResult>> Run(Guid id, Guid runId, HttpContext http, BulkHandlers h, CancellationToken ct) =>
        h.RunAsync(http.User.MemberId(), id, runId, ct).ToOk();

    private static Task<Results<Ok<IReadOnlyList<PairRuleView>>, ProblemHttpResult>> Rules(Guid id, HttpContext http, BulkHandlers h,
        CancellationToken ct) => h.RulesAsync(http.User.MemberId(), id, ct).ToOk();

    private static Task<Results<Ok<PairRuleView>, ProblemHttpResult>> AddRule(Guid id, PairRuleInput input, HttpContext http, BulkHandlers h,
        CancellationToken ct) => h.AddRuleAsync(http.User.MemberId(), id, input, ct).ToOk();

    private static Task<Results<NoContent, ProblemHttpResult>> RemoveRule(Guid id, Guid ruleId, HttpContext http, BulkHandlers h,
        CancellationToken ct) => h.RemoveRuleAsync(http.User.MemberId(), id, ruleId, ct).ToNoContent();

    private static Task<Results<Ok<ApproveManyResult>, ProblemHttpResult>> ApproveMany(Guid id, ApproveManyInput input, HttpContext http,
        MatchHandlers h, CancellationToken ct) => h.ApproveManyAsync(http.User.MemberId(), id, input, ct).ToOk();

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(Guid id, HttpContext http, MatchExport export,
        CancellationToken ct)
    {
        var result = await export.MatchesAsync(http.User.MemberId(), id, ct);
        return result.IsSuccess ? TypedResults.File(result.Value, "text/csv; charset=utf-8", "matches.csv") : result.Error.ToProblem();
    }

    private static Task<Results<Ok<IReadOnlyList<DraftView>>, ProblemHttpResult>> Swap(Guid id, SwapInput input, HttpContext http,
        DraftSwap h, CancellationToken ct) => h.SwapAsync(http.User.MemberId(), id, input, ct).ToOk();

    private static Task<Results<Ok<IReadOnlyList<DraftView>>, ProblemHttpResult>> List(Guid id, DraftStatus? status, int? page,
        int? pageSize, HttpContext http, MatchHandlers h, CancellationToken ct) =>
        h.ListAsync(http.User.MemberId(), id, status, page ?? 1, pageSize ?? 50, ct).ToOk();

    private static Task<Results<Ok<DraftView>, ProblemHttpResult>> Create(Guid id, DraftInput input, HttpContext http, MatchHandlers h,
        CancellationToken ct) => h.CreateAsync(http.User.MemberId(), id, input, ct).ToOk();

    private static Task<Results<Ok<DraftView>, ProblemHttpResult>> Discard(Guid id, Guid draftId, HttpContext http, MatchHandlers h,
        CancellationToken ct) => h.DiscardAsync(http.User.MemberId(), id, draftId, ct).ToOk();

    private static Task<Results<Ok<DraftView>, ProblemHttpResult>> Approve(Guid id, Guid draftId, ApproveInput input, HttpContext http,
        MatchHandlers h, CancellationToken ct) => h.ApproveAsync(http.User.MemberId(), id, draftId, input, ct).ToOk();
}
