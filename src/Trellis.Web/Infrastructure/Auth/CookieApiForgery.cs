using Microsoft.AspNetCore.Antiforgery;

namespace Trellis.Web.Infrastructure.Auth;

/// <summary>
/// Cross-site request forgery on the API (issue 16, ADR 0024). A browser attaches the session cookie to any
/// request another site makes it send — a bodiless POST, a form, a no-cors fetch — so an API call that the cookie
/// signs in must also carry the antiforgery token in the <see cref="HeaderName"/> header, which only a page of
/// this site can read. Without it (or with a wrong one) the call is refused with 403 before authorization, the
/// membership gate or binding run, so nothing of the endpoint happens.
/// Bearer-token calls are not affected: no browser adds a bearer token on its own. Anonymous calls neither: there
/// is no session to ride on. Only the header counts, never a form field, so the check never reads a body (an
/// upload's size limit is the endpoint's business).
/// </summary>
public static class CookieApiForgery
{
    /// <summary>The header the API reads the token from (the antiforgery options are set to it).</summary>
    public const string HeaderName = "RequestVerificationToken";

    public const string RefusedTitle = "The antiforgery token is missing or wrong.";

    public static IApplicationBuilder UseCookieApiForgeryCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (NeedsToken(context)
            && (context.Request.Headers[HeaderName].Count == 0
                || !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context)))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = RefusedTitle,
                    Detail = $"A call signed in by the session cookie must send the token in the {HeaderName} header " +
                        "(GET /api/v1/auth/antiforgery gives one); API clients sign in with a bearer token instead.",
                },
            });
            return;
        }
        await next();
    });

    private static bool NeedsToken(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
        && !HttpMethods.IsOptions(context.Request.Method) && !HttpMethods.IsTrace(context.Request.Method)
        && !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && context.User.Identity?.IsAuthenticated == true;
}
