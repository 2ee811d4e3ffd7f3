using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Resources;

public static class ResourcesApi
{
    public static void MapResources(this RouteGroupBuilder api)
    {
        var group = api.MapMentorshipGroup("/resources", "Resources");
        group.MapGet("", List).WithName("ListResources")
            .WithSummary("Articles and books shared in the mentorship: the mentee's reading list with status and reflections, newest first.");
        group.MapPost("/articles", ShareArticle).WithName("ShareArticle")
            .WithSummary("Either member shares an article: url (http/https, never fetched by Trellis), title, note.");
        group.MapPost("/books", ShareBook).WithName("ShareBook")
            .WithSummary("Either member shares a book: title, author, optional isbn (ISBN-10 or ISBN-13, checked, stored as ISBN-13), note, sendingCopy.");
        group.MapPut("/{rid:guid}/reading", UpdateReading).WithName("UpdateReading")
            .RequireChild("rid", (db, mentorshipId, rid) => db.Resources.Where(r => r.Id == rid && r.MentorshipId == mentorshipId))
            .WithSummary("The mentee sets an item's status (ToRead, Reading, Done) and reflection (Markdown, visible to both members).");
    }

    private static async Task<Ok<IReadOnlyList<ResourceView>>> List(MentorshipMembership m, ResourceHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.ListAsync(m, ct));

    private static Task<Results<Created<ResourceView>, ProblemHttpResult>> ShareArticle(
        MentorshipMembership m, ShareArticle request, ResourceHandlers handlers, CancellationToken ct) =>
        handlers.ShareArticleAsync(m, request, ct).ToCreated(r => Location(m, r));

    private static Task<Results<Created<ResourceView>, ProblemHttpResult>> ShareBook(
        MentorshipMembership m, ShareBook request, ResourceHandlers handlers, CancellationToken ct) =>
        handlers.ShareBookAsync(m, request, ct).ToCreated(r => Location(m, r));

    private static Task<Results<Ok<ResourceView>, ProblemHttpResult>> UpdateReading(
        MentorshipMembership m, Guid rid, UpdateReading request, ResourceHandlers handlers, CancellationToken ct) =>
        handlers.UpdateReadingAsync(m, rid, request, ct).ToOk();

    private static string Location(MentorshipMembership m, ResourceView r) => $"/api/v1/mentorships/{m.MentorshipId}/resources/{r.Id}";
}
