using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Messages;

public static class MessagesApi
{
    public static void MapMessages(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/mentorships/{id:guid}/messages").WithTags("Messages").RequireAuthorization(Policies.Member)
            .RequireRateLimiting(RateLimits.Messages);
        group.MapGet("", List).WithName("ListMessages")
            .WithSummary("The conversation, newest first, limit (1–100, default 30) at a time; pass the response's next as before= for older messages.");
        group.MapGet("/{messageId:guid}", Get).WithName("GetMessage")
            .WithSummary("One message of the conversation.");
        group.MapPost("", Post).WithName("PostMessage")
            .WithSummary("Send a message (Markdown, at most 20,000 characters). Needs an active mentorship; the other member sees it live.");
        group.MapPut("/{messageId:guid}", Edit).WithName("EditMessage")
            .WithSummary("Edit my own message within the edit window (15 minutes by default). 409 after that, or if version is stale.");
        group.MapDelete("/{messageId:guid}", Delete).WithName("DeleteMessage")
            .WithSummary("Delete my own message: its text is erased and both members see \"message deleted\".");
        group.MapPost("/read", Read).WithName("MarkMessagesRead")
            .WithSummary("Mark the whole conversation as read (opening the messages page does this too).");
    }

    private static async Task<Results<Ok<MessagePage>, ProblemHttpResult>> List(Guid id, string? before, int? limit, HttpContext http, MessageHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.ListAsync(http.User.MemberId(), id, before, limit, ct));

    private static async Task<Results<Ok<MessageView>, ProblemHttpResult>> Get(Guid id, Guid messageId, HttpContext http, MessageHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.GetAsync(http.User.MemberId(), id, messageId, ct));

    private static async Task<Results<Created<MessageView>, ProblemHttpResult>> Post(Guid id, PostMessageRequest request, HttpContext http, MessageHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.PostAsync(http.User.MemberId(), id, request, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/mentorships/{id}/messages/{result.Value.Id}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<MessageView>, ProblemHttpResult>> Edit(Guid id, Guid messageId, EditMessageRequest request, HttpContext http, MessageHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.EditAsync(http.User.MemberId(), id, messageId, request, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, Guid messageId, HttpContext http, MessageHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.DeleteAsync(http.User.MemberId(), id, messageId, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Read(Guid id, HttpContext http, MessageHandlers handlers, CancellationToken ct) =>
        await handlers.MarkReadAsync(http.User.MemberId(), id, ct) ? TypedResults.NoContent() : new NotFoundError("No such mentorship.").ToProblem();

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
}
