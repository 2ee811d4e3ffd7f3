using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.FindMentor;

public static class MentorsApi
{
    public static void MapMentors(this RouteGroupBuilder api)
    {
        api.MapGet("/mentors", Search).WithTags("Finding a mentor").WithName("FindMentors").RequireAuthorization(Policies.Member).RequireRateLimiting(RateLimits.Search)
            .WithSummary("Mentors for the signed-in member, best match first, each with the reasons in plain words.");
        api.MapGet("/me/recommendations", Recommend).WithTags("Finding a mentor").WithName("MyRecommendations").RequireAuthorization(Policies.Member)
            .WithSummary("The ten mentors who suit the signed-in member best, with explanations.");
    }

    private static async Task<Results<Ok<MentorResults>, ProblemHttpResult>> Search(
        HttpContext http, MentorSearch search, CancellationToken ct,
        string? q = null, string? field = null, string? skill = null,
        [FromQuery] string[]? languages = null, [FromQuery] string[]? formats = null,
        double? minOverlapHours = null, int? minYears = null, int? maxYears = null, bool? peerOrReverse = null,
        int page = 1, int pageSize = 20)
    {
        var query = new MentorQuery
        {
            Q = q, Field = field, Skill = skill, Languages = languages ?? [], Formats = formats ?? [],
            MinOverlapHours = minOverlapHours, MinYears = minYears, MaxYears = maxYears, PeerOrReverse = peerOrReverse ?? false,
            Page = page, PageSize = pageSize,
        };
        var result = await search.SearchAsync(http.User.MemberId(), query, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Ok<IReadOnlyList<MentorResult>>> Recommend(HttpContext http, MentorSearch search, CancellationToken ct) =>
        TypedResults.Ok(await search.RecommendAsync(http.User.MemberId(), 10, ct));
}
