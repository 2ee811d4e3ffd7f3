using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Features.Mentorships.Requests;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Mentorships.Revisions;

public static class RevisionApi
{
    public static void MapRevisions(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/mentorships/{id:guid}/revisions").WithTags("Mentorships").RequireAuthorization(Policies.Member);
        group.MapPost("", Propose).WithName("ProposeRevision")
            .WithSummary("Propose a revised agreement while the mentorship is active or paused; the agreement in force stays until both accept. basedOnVersion is the version in force; 409 if stale or a revision is already on the table.");
        group.MapPost("/counter", Counter).WithName("CounterRevision")
            .WithSummary("Answer the revision on the table with a changed agreement. 409 if basedOnVersion is not the version on the table.");
        group.MapPost("/accept", Accept).WithName("AcceptRevision")
            .WithSummary("Accept the revision on the table; it becomes the agreement in force.");
        group.MapPost("/withdraw", Withdraw).WithName("WithdrawRevision")
            .WithSummary("Take back my revision on the table; the agreement in force stays.");
        group.MapPost("/decline", Decline).WithName("DeclineRevision")
            .WithSummary("Decline the other member's revision; the agreement in force stays.");
    }

    private static async Task<Results<Ok<MentorshipView>, ProblemHttpResult>> Propose(Guid id, ChangeRequest request, HttpContext http, RevisionHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.ProposeAsync(http.User.MemberId(), id, request, ct));

    private static async Task<Results<Ok<MentorshipView>, ProblemHttpResult>> Counter(Guid id, ChangeRequest request, HttpContext http, RevisionHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.CounterAsync(http.User.MemberId(), id, request, ct));

    private static async Task<Results<Ok<MentorshipView>, ProblemHttpResult>> Accept(Guid id, AcceptRequest request, HttpContext http, RevisionHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.AcceptAsync(http.User.MemberId(), id, request, ct));

    private static async Task<Results<Ok<MentorshipView>, ProblemHttpResult>> Withdraw(Guid id, HttpContext http, RevisionHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.WithdrawAsync(http.User.MemberId(), id, ct));

    private static async Task<Results<Ok<MentorshipView>, ProblemHttpResult>> Decline(Guid id, HttpContext http, RevisionHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.DeclineAsync(http.User.MemberId(), id, ct));

    private static Results<Ok<MentorshipView>, ProblemHttpResult> Answer(Result<MentorshipView> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
}
