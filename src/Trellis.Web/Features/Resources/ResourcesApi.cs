using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Resources;

public static class ResourcesApi
{
    public static void MapResources(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/mentorships/{id:guid}/resources").WithTags("Resources").RequireAuthorization(Policies.Member);
        group.MapGet("", List).WithName("ListResources")
            .WithSummary("Articles and books shared in the mentorship: the mentee's reading list with status and reflections, newest first.");
        group.MapPost("/articles", ShareArticle).WithName("ShareArticle")
            .WithSummary("Either member shares an article: url (http/https, never fetched by Trellis), title, note.");
        group.MapPost("/books", ShareBook).WithName("ShareBook")
            .WithSummary("Either member shares a book: title, author, optional isbn (ISBN-10 or ISBN-13, checked, stored as ISBN-13), note, sendingCopy.");
        group.MapPut("/{rid:guid}/reading", UpdateReading).WithName("UpdateReading")
            .WithSummary("The mentee sets an item's status (ToRead, Reading, Done) and reflection (Markdown, visible to both members).");
    }

    private static async Task<Results<Ok<IReadOnlyList<ResourceView>>, ProblemHttpResult>> List(Guid id, HttpContext http, ResourceHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.ListAsync(http.User.MemberId(), id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Created<ResourceView>, ProblemHttpResult>> ShareArticle(Guid id, ShareArticle request, HttpContext http, ResourceHandlers handlers, CancellationToken ct) =>
        Created(id, await handlers.ShareArticleAsync(http.User.MemberId(), id, request, ct));

    private static async Task<Results<Created<ResourceView>, ProblemHttpResult>> ShareBook(Guid id, ShareBook request, HttpContext http, ResourceHandlers handlers, CancellationToken ct) =>
        Created(id, await handlers.ShareBookAsync(http.User.MemberId(), id, request, ct));

    private static async Task<Results<Ok<ResourceView>, ProblemHttpResult>> UpdateReading(Guid id, Guid rid, UpdateReading request, HttpContext http, ResourceHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.UpdateReadingAsync(http.User.MemberId(), id, rid, request, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static Results<Created<ResourceView>, ProblemHttpResult> Created(Guid id, Result<ResourceView> result) =>
        result.IsSuccess ? TypedResults.Created($"/api/v1/mentorships/{id}/resources/{result.Value.Id}", result.Value) : result.Error.ToProblem();
}
