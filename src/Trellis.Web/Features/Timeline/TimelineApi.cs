using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Timeline;

public static class TimelineApi
{
    public static void MapTimeline(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/mentorships/{id:guid}/timeline").WithTags("Timeline").RequireAuthorization(Policies.Member);
        group.MapGet("", Page).WithName("GetMentorshipTimeline")
            .WithSummary("What happened in the mentorship, newest first; pass the page's 'next' as 'before' for older entries (size 1–100, default 25).");
    }

    private static async Task<Results<Ok<TimelinePage>, ProblemHttpResult>> Page(Guid id, string? before, int? size, HttpContext http, TimelineQueries queries, CancellationToken ct)
    {
        var result = await queries.PageAsync(http.User.MemberId(), id, before, size, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
