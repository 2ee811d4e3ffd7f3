using System.Net;
using System.Runtime.CompilerServices;

namespace Trellis.Web.Tests.Infrastructure;

/// <summary>
/// A browser's cookie store that tests can read, e.g. to replay a copied session cookie after sign-out.
/// </summary>
public sealed class CookieJar : DelegatingHandler
{
    private static readonly ConditionalWeakTable<HttpClient, CookieJar> Jars = new();

    public CookieContainer Cookies { get; } = new();

    public static HttpClient Attach(Func<DelegatingHandler, HttpClient> create)
    {
        var jar = new CookieJar();
        var client = create(jar);
        Jars.Add(client, jar);
        return client;
    }

    /// <summary>The Cookie header this browser sends.</summary>
    public static string Of(HttpClient client) =>
        Jars.TryGetValue(client, out var jar) ? jar.Cookies.GetCookieHeader(client.BaseAddress!) : "";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var header = Cookies.GetCookieHeader(uri);
        if (header.Length > 0) request.Headers.TryAddWithoutValidation("Cookie", header);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            foreach (var value in setCookies)
                Cookies.SetCookies(uri, value);
        return response;
    }
}
