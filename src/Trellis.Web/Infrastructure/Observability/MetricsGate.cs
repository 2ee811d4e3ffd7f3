using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Trellis.Web.Infrastructure.Observability;

/// <summary>
/// <c>/metrics</c> tells how busy Trellis is and where: only a scraper on this machine (a loopback connection that no
/// proxy forwarded) or one that sends <c>Authorization: Bearer {Metrics:Token}</c> may read it; anyone else gets 404.
/// "Forwarded" is checked on both headers because, behind a proxy (App:BehindProxy), the forwarded-headers middleware
/// has already replaced the connection's address and moved <c>X-Forwarded-For</c> to <c>X-Original-For</c>: a
/// client that sends <c>X-Forwarded-For: 127.0.0.1</c> through the proxy is still not on this machine.
/// </summary>
public static class MetricsGate
{
    public const string Path = "/metrics";

    public static IApplicationBuilder UseMetricsGate(this IApplicationBuilder app)
    {
        var token = app.ApplicationServices.GetRequiredService<IConfiguration>()["Metrics:Token"];
        return app.UseWhen(c => c.Request.Path.StartsWithSegments(Path), gate => gate.Use(async (context, next) =>
        {
            if (MayRead(context, token)) await next();
            else context.Response.StatusCode = StatusCodes.Status404NotFound;
        }));
    }

    internal static bool MayRead(HttpContext context, string? token)
    {
        var forwarded = context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Request.Headers.ContainsKey("X-Original-For");
        if (context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote) && !forwarded) return true;
        if (string.IsNullOrEmpty(token)) return false;
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header["Bearer ".Length..]), Encoding.UTF8.GetBytes(token));
    }
}
