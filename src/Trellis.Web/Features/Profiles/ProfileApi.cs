using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Profiles;

public static class ProfileApi
{
    public static void MapProfiles(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me/profile").WithTags("Profiles").RequireAuthorization(Policies.Member);
        me.MapGet("", GetMine).WithName("GetMyProfile");
        me.MapPut("", UpdateMine).WithName("UpdateMyProfile");

        api.MapGet("/members/{id:guid}", GetMember).WithTags("Profiles").WithName("GetMember")
            .AllowAnonymous() // public profiles are public; visibility is enforced in ViewAsync
            .WithSummary("A member's profile, if its visibility allows the caller to see it; 404 otherwise.");
    }

    private static async Task<Ok<ProfileView>> GetMine(HttpContext http, ProfileHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.GetOwnAsync(http.User.MemberId(), ct));

    private static async Task<Results<Ok<ProfileView>, ProblemHttpResult>> UpdateMine(
        ProfileInput input, HttpContext http, ProfileHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.UpdateAsync(http.User.MemberId(), input, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<ProfileView>, ProblemHttpResult>> GetMember(Guid id, HttpContext http, ProfileHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.ViewAsync(http.User.MemberIdOrNull(), id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
