using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace Trellis.Web.Infrastructure;

public static class SecurityHeaders
{
    // No inline script anywhere: every page's JavaScript comes from /lib or /js.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The API reference (Scalar) is a third-party page with an inline bootstrap script and holds no
    // member data; it alone gets inline scripts and styles.
    private const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The first middleware after the forwarded headers. The headers are written as the response starts, not as the
    /// request arrives: the exception handlers clear every header when they turn a failure into a problem document or
    /// the error page, so headers set on the way in were lost on exactly the responses an attacker provokes. HSTS is
    /// written here too (this replaces <c>UseHsts</c>, with its options and rules) for the same reason. A response to a
    /// signed-in request is never stored by a browser or proxy (<c>no-store</c>), API included.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var hsts = app.ApplicationServices.GetRequiredService<IOptions<HstsOptions>>().Value;
        var strictTransport = $"max-age={(long)hsts.MaxAge.TotalSeconds}" + (hsts.IncludeSubDomains ? "; includeSubDomains" : "") + (hsts.Preload ? "; preload" : "");
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Write(context, hsts, strictTransport);
                return Task.CompletedTask;
            });
            await next();
        });
    }

    private static void Write(HttpContext context, HstsOptions hsts, string strictTransport)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar") ? ApiReferencePolicy : ContentSecurityPolicy;
        if (context.Request.IsHttps && !hsts.ExcludedHosts.Contains(context.Request.Host.Host, StringComparer.OrdinalIgnoreCase))
            headers.StrictTransportSecurity = strictTransport;
        if (context.User.Identity?.IsAuthenticated == true)
        {
            // An endpoint that already said no-store (a download's "private, no-store") keeps its own words.
            if (!headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase))
                headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
    }
}
