using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Blocking;

public static class BlockingApi
{
    public static void MapBlocking(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Blocking").RequireAuthorization(Policies.Member);
        group.MapPost("/members/{id:guid}/block", Block).WithName("BlockMember")
            .WithSummary("Block a member: any mentorship or open request between you ends, and neither of you can request, message or find the other. They are not told they were blocked.");
        group.MapDelete("/members/{id:guid}/block", Unblock).WithName("UnblockMember")
            .WithSummary("Lift a block I made. Nothing that ended comes back.");
        group.MapGet("/me/blocks", List).WithName("ListMyBlocks")
            .WithSummary("The members I have blocked.");
    }

    private static async Task<Results<Ok<BlockView>, ProblemHttpResult>> Block(Guid id, HttpContext http, BlockHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.BlockAsync(http.User.MemberId(), id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Unblock(Guid id, HttpContext http, BlockHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.UnblockAsync(http.User.MemberId(), id, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    private static async Task<Ok<IReadOnlyList<BlockView>>> List(HttpContext http, BlockHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.ListAsync(http.User.MemberId(), ct));
}
