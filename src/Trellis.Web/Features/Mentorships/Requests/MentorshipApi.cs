using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Features.Mentorships.Lifecycle;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Mentorships.Requests;

public static class MentorshipApi
{
    public static void MapMentorships(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/mentorships").WithTags("Mentorships").RequireAuthorization(Policies.Member);
        group.MapGet("", List).WithName("ListMentorships")
            .WithSummary("My mentorships and requests, as mentee and as mentor (role=Mentee or role=Mentor to filter); those waiting for my answer first.");
        group.MapGet("/templates", Templates).WithName("ListAgreementTemplates")
            .WithSummary("Starting points for a proposal, with a start date a week from today.");
        group.MapPost("", Propose).WithName("ProposeMentorship")
            .WithSummary("Ask a member to be my mentor, with my proposed agreement.");
        group.MapGet("/{id:guid}", Get).WithName("GetMentorship")
            .WithSummary("One mentorship with every agreement version and question. Only its two members can see it.");
        group.MapGet("/{id:guid}/diff", Diff).WithName("DiffAgreementVersions")
            .WithSummary("What changed between two agreement versions (from, to), in plain words.");
        group.MapPost("/{id:guid}/counter", Counter).WithName("CounterProposeAgreement")
            .WithSummary("Answer the current version with a changed agreement. 409 if basedOnVersion is not the current version.");
        group.MapPost("/{id:guid}/edit", Edit).WithName("EditProposal")
            .WithSummary("Change my own proposal before the other member has answered it.");
        group.MapPost("/{id:guid}/accept", Accept).WithName("AcceptAgreement")
            .WithSummary("Accept a version; the mentorship becomes active. 409 if it is not the current version or the mentor has no room.");
        group.MapPost("/{id:guid}/decline", Decline).WithName("DeclineMentorship")
            .WithSummary("The mentor declines the request, with a kind reason.");
        group.MapPost("/{id:guid}/withdraw", Withdraw).WithName("WithdrawMentorship")
            .WithSummary("The mentee withdraws the request.");
        group.MapPost("/{id:guid}/questions", Ask).WithName("AskAboutMentorship")
            .WithSummary("Ask for more information without accepting or declining.");
        group.MapLifecycle();
    }

    private static async Task<Ok<IReadOnlyList<MentorshipSummary>>> List(Party? role, HttpContext http, MentorshipHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.ListAsync(http.User.MemberId(), role, ct));

    private static async Task<Ok<IReadOnlyList<TemplateView>>> Templates(HttpContext http, MentorshipHandlers handlers, CancellationToken ct)
    {
        var start = (await handlers.TodayForAsync(http.User.MemberId(), ct)).AddDays(7);
        return TypedResults.Ok<IReadOnlyList<TemplateView>>(AgreementTemplates.All.Select(t => new TemplateView(t.Key, t.Name, t.Description, t.Build(start))).ToList());
    }

    private static async Task<Results<Created<MentorshipView>, ProblemHttpResult>> Propose(ProposeRequest request, HttpContext http, MentorshipHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.ProposeAsync(http.User.MemberId(), request, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/mentorships/{result.Value.Id}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<MentorshipView>, ProblemHttpResult>> Get(Guid id, HttpContext http, MentorshipHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.GetAsync(http.User.MemberId(), id, ct));

    private static async Task<Results<Ok<DiffView>, ProblemHttpResult>> Diff(Guid id, int? from, int? to, HttpContext http, MentorshipHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.DiffAsync(http.User.MemberId(), id, from, to, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<MentorshipView>, ProblemHttpResult>> Counter(Guid id, ChangeRequest request, HttpContext http, MentorshipHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.CounterAsync(http.User.MemberId(), id, request, ct));

    private static async Task<Results<Ok<MentorshipView>, ProblemHttpResult>> Edit(Guid id, ChangeRequest request, HttpContext http, MentorshipHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.EditAsync(http.User.MemberId(), id, request, ct));

    private static async Task<Results<Ok<MentorshipView>, ProblemHttpResult>> Accept(Guid id, AcceptRequest request, HttpContext http, MentorshipHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.AcceptAsync(http.User.MemberId(), id, request, ct));

    private static async Task<Results<Ok<MentorshipView>, ProblemHttpResult>> Decline(Guid id, DeclineRequest request, HttpContext http, MentorshipHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.DeclineAsync(http.User.MemberId(), id, request, ct));

    private static async Task<Results<Ok<MentorshipView>, ProblemHttpResult>> Withdraw(Guid id, HttpContext http, MentorshipHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.WithdrawAsync(http.User.MemberId(), id, ct));

    private static async Task<Results<Ok<MentorshipView>, ProblemHttpResult>> Ask(Guid id, QuestionRequest request, HttpContext http, MentorshipHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.AskAsync(http.User.MemberId(), id, request, ct));

    private static Results<Ok<MentorshipView>, ProblemHttpResult> Answer(Result<MentorshipView> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
}
