using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Platform;

/// <summary>
/// Every endpoint and page must say who may use it: an explicit policy, or [AllowAnonymous] and a
/// place on the short list below. A new feature that forgets fails here, before it ships.
/// </summary>
public sealed class AuthorizationInventoryTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    private static readonly HashSet<string> AnonymousAllowed =
    [
        "/", "/Error/{code:int?}",
        "/Accounts/Register", "/Accounts/RegisterConfirmation", "/Accounts/ConfirmEmail", "/Accounts/ConfirmEmailChange",
        "/Accounts/ResendConfirmation", "/Accounts/SignIn", "/Accounts/SignInTwoFactor", "/Accounts/SignInRecoveryCode",
        "/Accounts/ForgotPassword", "/Accounts/ResetPassword",
        "/Members/{id:guid}", "/api/v1/members/{id:guid}",
        "/health/live", "/health/ready", "/metrics",
        "/openapi/{documentName}.json", "/scalar/{documentName?}", "/scalar/scalar.js", "/scalar/scalar.aspnetcore.js", "/scalar/favicon.svg",
        "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/confirmEmail",
        "/api/v1/auth/resendConfirmationEmail", "/api/v1/auth/forgotPassword", "/api/v1/auth/resetPassword",
        // Private calendar feeds: calendar apps cannot sign in; the 256-bit token in the address is the credential (docs/meetings.md).
        "/calendar/{token}.ics",
        // Unsubscribing from one kind of e-mail: mail programs POST without signing in (RFC 8058); the signed,
        // encrypted token is the credential (docs/notifications in docs/ui.md).
        "/email/unsubscribe", "/Unsubscribe",
        // Public guides are public (ADR 0032); GuideAccess finds only what the visitor may read, 404 otherwise.
        "/Guides", "/Guides/{slug}", "/api/v1/guides", "/api/v1/guides/{id:guid}", "/api/v1/guides/{id:guid}/questions",
    ];

    [Fact]
    public void EveryEndpoint_HasAnExplicitPolicy_OrIsOnTheAnonymousList()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 40, $"only {endpoints.Count} endpoints found");
        var problems = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var route = Route(endpoint);
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Where(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles)).ToList();
            if (anonymous && !AnonymousAllowed.Contains(route)) problems.Add($"{route}: anonymous but not on the allow-list");
            if (!anonymous && policies.Count == 0) problems.Add($"{route}: no authorization policy");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public void TheInventory_SeesPagesAndApiEndpoints()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(Route).ToHashSet();
        Assert.Contains("/Profile/Edit", routes);
        Assert.Contains("/api/v1/me/profile", routes);
        Assert.Contains("/api/v1/me/notifications", routes);
        Assert.Contains("/Settings/Delete", routes);
        Assert.Contains("/api/v1/mentorships/{id:guid}/accept", routes);
        Assert.Contains("/Mentorships/{id:guid}", routes);
        Assert.Contains("/Mentorships/Ask/{mentorId:guid}", routes);
    }

    private static string Route(RouteEndpoint e) => "/" + (e.RoutePattern.RawText ?? "").Trim('/');
}
