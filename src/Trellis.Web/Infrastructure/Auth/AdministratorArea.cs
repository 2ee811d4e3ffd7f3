using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Trellis.Web.Infrastructure.Auth;

public static class Roles
{
    /// <summary>Site administrators: read reported items, hide content, suspend accounts. Granted with
    /// <c>trellis admin grant &lt;email&gt;</c>.</summary>
    public const string Administrator = "Administrator";
}

/// <summary>
/// A signed-in member who is not an administrator gets 404 from the admin area, not 403 or a redirect:
/// the area is not advertised. Anyone else is answered as usual (sign-in redirect, 401).
/// </summary>
public sealed class AdministratorArea : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && policy.Requirements.OfType<RolesAuthorizationRequirement>().Any(r => r.AllowedRoles.Contains(Roles.Administrator)))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
