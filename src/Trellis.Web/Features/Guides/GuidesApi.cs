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
}
