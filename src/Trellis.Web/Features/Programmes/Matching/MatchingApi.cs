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
        one.MapGet("/drafts", List).WithName("ListDraftMatches")
            .WithSummary("Draft and approved matches with their score and reasons (never what happens inside a mentorship).");
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

    private static Task<Results<Ok<IReadOnlyList<DraftView>>, ProblemHttpResult>> List(Guid id, HttpContext http, MatchHandlers h,
        CancellationToken ct) => h.ListAsync(http.User.MemberId(), id, ct).ToOk();

    private static Task<Results<Ok<DraftView>, ProblemHttpResult>> Create(Guid id, DraftInput input, HttpContext http, MatchHandlers h,
        CancellationToken ct) => h.CreateAsync(http.User.MemberId(), id, input, ct).ToOk();

    private static Task<Results<Ok<DraftView>, ProblemHttpResult>> Discard(Guid id, Guid draftId, HttpContext http, MatchHandlers h,
        CancellationToken ct) => h.DiscardAsync(http.User.MemberId(), id, draftId, ct).ToOk();

    private static Task<Results<Ok<DraftView>, ProblemHttpResult>> Approve(Guid id, Guid draftId, ApproveInput input, HttpContext http,
        MatchHandlers h, CancellationToken ct) => h.ApproveAsync(http.User.MemberId(), id, draftId, input, ct).ToOk();
}
