using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Guides;

public static class GuidesApi
{
    public static void MapGuides(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/guides").WithTags("Guides").RequireAuthorization(Policies.Member);
        // Public guides are public: reading is open to anyone, and GuideAccess finds only what the caller may see.
        group.MapGet("", List).AllowAnonymous().WithName("ListGuides")
            .WithSummary("The guides the caller may read: public ones to anyone, members-only ones when signed in, a programme's own to its participants and coordinators.");
        group.MapGet("/{id:guid}", Get).AllowAnonymous().WithName("GetGuide")
            .WithSummary("A guide with its Markdown body and its safe HTML. 404 for a guide the caller may not read.");
        group.MapGet("/places", Places).WithName("ListGuidePlaces")
            .WithSummary("Where the caller may write a guide: site-wide (administrators) and the programmes they coordinate.");
        group.MapPost("", Create).WithName("CreateGuide")
            .WithSummary("Write a guide: title, body (Markdown), visibility (Public, MembersOnly, ProgrammeOnly) and programmeId (a programme the caller coordinates; none = site-wide, administrators only).");
        group.MapPut("/{id:guid}", Edit).WithName("EditGuide")
            .WithSummary("Edit a guide (its programme's coordinators; administrators for site-wide ones) from the version read. 409 if someone else edited it since; 404 for anyone who may not edit it.");

        // Writing what other members read counts towards the same limit as messages (only writes count).
        var thread = group.MapGroup("/{id:guid}").RequireRateLimiting(RateLimits.Messages);
        thread.MapGet("/questions", Thread).AllowAnonymous().WithName("ListGuideQuestions")
            .WithSummary("The questions under a guide with their answers, to whoever reads the guide; hidden ones only to its moderators (flagged).");
        thread.MapPost("/questions", Ask).WithName("AskGuideQuestion")
            .WithSummary("Ask a question under a guide you read (text, Markdown). Its author is told (administrators, for Trellis's own guides).");
        thread.MapPost("/questions/{questionId:guid}/answers", Answer).WithName("AnswerGuideQuestion")
            .WithSummary("Answer a question (text, Markdown). Whoever asked is told.");
        thread.MapPut("/questions/{questionId:guid}/answer", Mark).WithName("MarkGuideAnswer")
            .WithSummary("The guide's author or its programme's coordinators mark one answer (answerId) as the answer; marking another replaces it. Whoever asked is told.");
        thread.MapPost("/questions/{questionId:guid}/hide", HideQuestion).WithName("HideGuideQuestion")
            .WithSummary("The guide's coordinators (administrators) hide a question and so its whole thread from members.");
        thread.MapDelete("/questions/{questionId:guid}", DeleteQuestion).WithName("DeleteGuideQuestion")
            .WithSummary("The guide's coordinators (administrators) delete a question and its answers.");
        thread.MapPost("/answers/{answerId:guid}/hide", HideAnswer).WithName("HideGuideAnswer")
            .WithSummary("The guide's coordinators (administrators) hide an answer from members; if it was the answer, it no longer is.");
        thread.MapDelete("/answers/{answerId:guid}", DeleteAnswer).WithName("DeleteGuideAnswer")
            .WithSummary("The guide's coordinators (administrators) delete an answer.");
    }

    private static async Task<Ok<IReadOnlyList<GuideSummary>>> List(HttpContext http, GuideHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.ListAsync(http.User.MemberIdOrNull(), ct));

    private static Task<Results<Ok<GuideView>, ProblemHttpResult>> Get(Guid id, HttpContext http, GuideHandlers handlers, CancellationToken ct) =>
        handlers.GetAsync(http.User.MemberIdOrNull(), id, ct).ToOk();

    private static async Task<Ok<GuidePlaces>> Places(HttpContext http, GuideHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.PlacesAsync(http.User.MemberId(), ct));

    private static Task<Results<Created<GuideView>, ProblemHttpResult>> Create(WriteGuide request, HttpContext http,
        GuideHandlers handlers, CancellationToken ct) =>
        handlers.CreateAsync(http.User.MemberId(), request, ct).ToCreated(g => $"/api/v1/guides/{g.Id}");

    private static Task<Results<Ok<GuideView>, ProblemHttpResult>> Edit(Guid id, EditGuide request, HttpContext http,
        GuideHandlers handlers, CancellationToken ct) =>
        handlers.EditAsync(http.User.MemberId(), id, request, ct).ToOk();

    private static Task<Results<Ok<ThreadView>, ProblemHttpResult>> Thread(Guid id, HttpContext http, QuestionHandlers handlers, CancellationToken ct) =>
        handlers.ThreadAsync(http.User.MemberIdOrNull(), id, ct).ToOk();

    private static Task<Results<Created<QuestionView>, ProblemHttpResult>> Ask(Guid id, AskQuestion request, HttpContext http,
        QuestionHandlers handlers, CancellationToken ct) =>
        handlers.AskAsync(http.User.MemberId(), id, request, ct).ToCreated(q => $"/api/v1/guides/{id}/questions#{q.Id}");

    private static Task<Results<Created<QuestionView>, ProblemHttpResult>> Answer(Guid id, Guid questionId, AnswerQuestion request,
        HttpContext http, QuestionHandlers handlers, CancellationToken ct) =>
        handlers.AnswerAsync(http.User.MemberId(), id, questionId, request, ct).ToCreated(_ => $"/api/v1/guides/{id}/questions#{questionId}");

    private static Task<Results<Ok<QuestionView>, ProblemHttpResult>> Mark(Guid id, Guid questionId, MarkAnswer request,
        HttpContext http, QuestionHandlers handlers, CancellationToken ct) =>
        handlers.MarkAsync(http.User.MemberId(), id, questionId, request, ct).ToOk();

    private static Task<Results<NoContent, ProblemHttpResult>> HideQuestion(Guid id, Guid questionId, HttpContext http,
        QuestionHandlers handlers, CancellationToken ct) => handlers.HideQuestionAsync(http.User.MemberId(), id, questionId, ct).ToNoContent();

    private static Task<Results<NoContent, ProblemHttpResult>> DeleteQuestion(Guid id, Guid questionId, HttpContext http,
        QuestionHandlers handlers, CancellationToken ct) => handlers.DeleteQuestionAsync(http.User.MemberId(), id, questionId, ct).ToNoContent();

    private static Task<Results<NoContent, ProblemHttpResult>> HideAnswer(Guid id, Guid answerId, HttpContext http,
        QuestionHandlers handlers, CancellationToken ct) => handlers.HideAnswerAsync(http.User.MemberId(), id, answerId, ct).ToNoContent();

    private static Task<Results<NoContent, ProblemHttpResult>> DeleteAnswer(Guid id, Guid answerId, HttpContext http,
        QuestionHandlers handlers, CancellationToken ct) => handlers.DeleteAnswerAsync(http.User.MemberId(), id, answerId, ct).ToNoContent();
}
