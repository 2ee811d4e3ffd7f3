using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Infrastructure.Http;
using Trellis.Web.Infrastructure.Validation;

namespace Trellis.Web.Infrastructure.Auth;

public sealed record RefreshRequest([property: Needed] string RefreshToken);

public sealed record RegisterRequest([property: Needed] string Email, [property: Needed] string Password);

/// <summary>
/// <c>/api/v1/auth</c>: Identity's endpoints (login, confirm, reset, manage), except that Trellis answers
/// <c>/refresh</c> itself — Identity's accepts a used refresh token again until it expires — and <c>/register</c>
/// (Identity's says when an address is taken), and adds <c>/logout</c>.
/// </summary>
public static class AuthApi
{
    private static readonly string[] OwnRoutes = ["/refresh", "/register"];

    /// <summary>Identity's routes and the rate limit each counts towards (<see cref="RateLimits"/>). <c>/manage/info</c>
    /// changes the e-mail address (and the password, which also counts towards <see cref="SignInThrottle"/>);
    /// <c>/manage/2fa</c> checks a two-factor code.</summary>
    private static readonly (string Route, string Policy)[] IdentityLimits =
    [
        ("/login", RateLimits.SignIn), ("/manage/2fa", RateLimits.SignIn),
        ("/resendConfirmationEmail", RateLimits.Registration),
        ("/forgotPassword", RateLimits.PasswordReset), ("/resetPassword", RateLimits.PasswordReset),
        ("/manage/info", RateLimits.EmailChange),
    ];

    public static void MapTrellisAuth(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Accounts");
        // Identity's endpoints carry no authorization metadata of their own except /manage; the rest
        // (register, login, refresh, confirm, reset) are for people who are not signed in yet.
        ((IEndpointConventionBuilder)auth).Add(e =>
        {
            if (e is not RouteEndpointBuilder r) return;
            var route = r.RoutePattern.RawText ?? "";
            if (route.Contains("/manage", StringComparison.Ordinal))
                e.Metadata.Add(new AuthorizeAttribute(Policies.Member));
            else
                e.Metadata.Add(new AllowAnonymousAttribute());
            if (route.EndsWith("/manage/info", StringComparison.Ordinal) || route.EndsWith("/manage/2fa", StringComparison.Ordinal))
                r.FilterFactories.Add((_, next) => invocation => ManageThrottle.InvokeAsync(invocation, next));
            foreach (var (suffix, policy) in IdentityLimits)
                if (route.EndsWith(suffix, StringComparison.Ordinal))
                    e.Metadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(policy));
        });
        auth.AddEndpointFilter(RequiredFieldsOfIdentity);
        var routes = (IEndpointRouteBuilder)auth;
        var before = routes.DataSources.ToList();
        auth.MapIdentityApi<Member>();
        foreach (var identity in routes.DataSources.Except(before).ToList())
        {
            routes.DataSources.Remove(identity);
            routes.DataSources.Add(new WithoutRoutes(identity, OwnRoutes));
        }

        // A group of their own: the convention above would mark /logout anonymous too.
        var own = api.MapGroup("/auth").WithTags("Accounts");
        own.MapPost("/refresh", Refresh).AllowAnonymous().WithName("Refresh")
            .WithSummary("A new access and refresh token for a refresh token. Each refresh token works once: using one again ends the sign-in everywhere.");
        own.MapPost("/register", Register).AllowAnonymous().RequireRateLimiting(RateLimits.Registration).WithName("Register")
            .WithSummary("Creates an account and sends a confirmation link. The answer is the same when the address already has an account (its owner is told by e-mail).");
        own.MapPost("/logout", Logout).RequireAuthorization(Policies.Member).WithName("Logout")
            .WithSummary("Signs out the session making the call: its access and refresh tokens (or cookie) stop working at once.");
        own.MapGet("/antiforgery", Antiforgery).RequireAuthorization(Policies.Member).WithName("AntiforgeryToken")
            .WithSummary($"For scripts signed in by the session cookie: the token to send in the {CookieApiForgery.HeaderName} header " +
                "with every POST, PUT, PATCH or DELETE (calls with a bearer token need none).");
    }

    public sealed record AntiforgeryToken(string HeaderName, string Token);

    /// <summary>A GET: another site can make a browser send it but cannot read the answer, so the token stays here.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.Ok<AntiforgeryToken> Antiforgery(HttpContext context, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        TypedResults.Ok(new AntiforgeryToken(CookieApiForgery.HeaderName, antiforgery.GetAndStoreTokens(context).RequestToken!));

    private static async Task<IResult> Refresh(RefreshRequest request, ApiSessions sessions, SignInManager<Member> signIn,
        IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time, CancellationToken ct)
    {
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { IsSuspended: false, IsDeleted: false } member
            || await sessions.RotateAsync(ticket.Principal, ct) is not { } claims)
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "This refresh token is no longer valid.");
        var principal = await signIn.CreateUserPrincipalAsync(member);
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaims(claims);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<IResult> Register(RegisterRequest request, Registration registration, CancellationToken ct)
    {
        var problems = await registration.RegisterAsync("", request.Email, request.Password, ct);
        return problems.Count == 0
            ? TypedResults.Ok()
            : TypedResults.ValidationProblem(problems.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
    }

    private static async Task<IResult> Logout(HttpContext context, ApiSessions sessions, CancellationToken ct)
    {
        await sessions.CloseAsync(context.User, ct);
        if (context.Request.Headers.Authorization.Count == 0)
            await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignOutAsync(context, IdentityConstants.ApplicationScheme);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// What Identity's endpoints take for granted (issue 16's 500s): its request records (LoginRequest,
    /// ResetPasswordRequest, …) declare their fields <c>required</c>, but JSON <c>null</c> still reaches the endpoint,
    /// which then fails; a missing field is a 400 naming it, like everywhere else in the API, and says nothing about
    /// any account. <c>/confirmEmail?userId=</c> that is not an id would fail in the user store; it gets the answer of
    /// an unknown member (401).
    /// </summary>
    private static async ValueTask<object?> RequiredFieldsOfIdentity(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.Request.Query.TryGetValue("userId", out var userId) && !Guid.TryParse(userId, out _))
            return TypedResults.Unauthorized();
        var errors = new Dictionary<string, string[]>();
        foreach (var argument in context.Arguments)
        {
            if (argument?.GetType() is not { Namespace: "Microsoft.AspNetCore.Identity.Data" } type) continue;
            foreach (var property in type.GetProperties().Where(p => p.IsDefined(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute), false)))
                if (property.GetValue(argument) is null or string { Length: 0 })
                    errors[System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = ["This field is required."];
        }
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : await next(context);
    }

    /// <summary>Identity's endpoint source without the routes Trellis answers itself (the two would be ambiguous).</summary>
    private sealed class WithoutRoutes(EndpointDataSource inner, string[] routes) : EndpointDataSource
    {
        public override IReadOnlyList<Endpoint> Endpoints => Keep(inner.Endpoints);

        public override IReadOnlyList<Endpoint> GetGroupedEndpoints(RouteGroupContext context) => Keep(inner.GetGroupedEndpoints(context));

        public override Microsoft.Extensions.Primitives.IChangeToken GetChangeToken() => inner.GetChangeToken();

        private List<Endpoint> Keep(IReadOnlyList<Endpoint> endpoints) =>
            endpoints.Where(e => e is not RouteEndpoint r || !routes.Any(route => r.RoutePattern.RawText?.EndsWith(route, StringComparison.Ordinal) == true)).ToList();
    }
}
