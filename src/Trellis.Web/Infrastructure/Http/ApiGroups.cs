using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Infrastructure.Http;

/// <summary>
/// The route groups every feature maps its endpoints on. What holds for a whole group — who may call it, its tag
/// in the OpenAPI document — is declared here once, so a feature writes one line per group and a new endpoint cannot
/// come without them. A group's rate limit is one more call where it is mapped (<see cref="RateLimits"/>).
/// </summary>
public static class ApiGroups
{
    /// <summary>Endpoints for signed-in members (cookie or bearer token).</summary>
    public static RouteGroupBuilder MapMemberGroup(this IEndpointRouteBuilder api, string prefix, string tag) =>
        api.MapGroup(prefix).WithTags(tag).RequireAuthorization(Policies.Member);

    /// <summary>Endpoints for site administrators; anyone else gets 404.</summary>
    public static RouteGroupBuilder MapAdministratorGroup(this IEndpointRouteBuilder api, string prefix, string tag) =>
        api.MapGroup(prefix).WithTags(tag).RequireAuthorization(Policies.Administrator);
}
