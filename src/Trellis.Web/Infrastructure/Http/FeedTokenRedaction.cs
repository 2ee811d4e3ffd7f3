using Microsoft.AspNetCore.Http.Features;

namespace Trellis.Web.Infrastructure.Http;

/// <summary>
/// Keeps calendar feed tokens out of logs and traces. ASP.NET Core's hosting layer puts every request's path
/// into a logging scope (printed with any log line written during the request) and into the "Request
/// starting" line and the trace, before any middleware runs. So the token is moved out of the path where the
/// HttpContext is made: the request continues as <c>/calendar/feed.ics</c>, and the feed endpoint reads the
/// real token from <see cref="HttpContext.Items"/>.
/// </summary>
public sealed class FeedTokenRedaction(IServiceProvider services) : IHttpContextFactory
{
    public const string TokenKey = "trellis.calendar-token";
    public const string RedactedPath = "/calendar/feed.ics";
    private const string Prefix = "/calendar/";

    private readonly DefaultHttpContextFactory _inner = new(services);

    public HttpContext Create(IFeatureCollection featureCollection)
    {
        var request = featureCollection.Get<IHttpRequestFeature>();
        string? token = null;
        if (request is not null && request.Path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            && request.Path.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) && request.Path.Length > Prefix.Length + 4)
        {
            token = request.Path[Prefix.Length..^4];
            request.Path = RedactedPath;
            request.RawTarget = RedactedPath;
        }
        var context = _inner.Create(featureCollection);
        if (token is not null) context.Items[TokenKey] = token;
        return context;
    }

    public void Dispose(HttpContext httpContext) => _inner.Dispose(httpContext);
}
