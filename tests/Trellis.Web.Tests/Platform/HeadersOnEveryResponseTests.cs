using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Messages;

namespace Trellis.Web.Tests.Platform;

/// <summary>The app, where a request carrying <see cref="Header"/> fails at its first database query after signing in
/// (the session and account lookups pass, and so does the error page): a real 500 through the real pipeline
/// (exception handler, error page), for what no endpoint does on purpose.</summary>
public sealed class FaultyApp : TrellisApp
{
    public const string Header = "X-Test-Fault";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.ConfigureDbContext<SqliteTrellisDbContext>(o => o.AddInterceptors(new FailWhenAsked()));
            s.ConfigureDbContext<PostgresTrellisDbContext>(o => o.AddInterceptors(new FailWhenAsked()));
        });
    }

    private sealed class FailWhenAsked : DbCommandInterceptor
    {
        // HttpContextAccessor keeps the current request in a static AsyncLocal: any instance sees it.
        private readonly HttpContextAccessor _request = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            _request.HttpContext is { } http && http.Request.Headers.ContainsKey(Header) && !http.Request.Path.StartsWithSegments("/Error")
            && !command.CommandText.Contains("\"MemberSessions\"", StringComparison.Ordinal) && !command.CommandText.Contains("\"AspNetUsers\"", StringComparison.Ordinal)
                ? throw new InvalidOperationException("the database fell over (test)")
                : ValueTask.FromResult(result);
    }
}

/// <summary>
/// Issue 16 item 6: the security headers are on every response — successes, problem documents, 404s, 500s — and
/// nothing a signed-in member is answered may be stored (<c>no-store</c>), API included. The API's part is every GET
/// of the authorization inventory, called as a member of a real mentorship so most of them answer with data.
/// </summary>
public sealed class HeadersOnEveryResponseTests(FaultyApp app) : IClassFixture<FaultyApp>
{
    [Fact]
    public async Task EveryApiGet_AsAMember_CarriesTheHeaders_AndIsNotStored()
    {
        var pair = await app.PairAsync("Hedda Headers", "Stig Nostore");
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.Trim('/'))
            .Where(r => r.StartsWith("/api/v1/", StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.True(routes.Count > 30, $"only {routes.Count} API GETs found");

        var answered = new List<string>();
        foreach (var route in routes)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(route, "{([^}:]+)[^}]*}", m => m.Groups[1].Value switch
            {
                "memberId" => pair.Mentor.Id.ToString(),
                "id" when route.StartsWith("/api/v1/members/", StringComparison.Ordinal) => pair.Mentor.Id.ToString(),
                "id" or "mentorshipId" => pair.Id.ToString(),
                _ => Guid.NewGuid().ToString(),
            });
            var response = await pair.Mentee.Api.GetAsync(path);
            Assert.True((int)response.StatusCode < 500, $"{path}: {(int)response.StatusCode}");
            AssertSecurityHeaders(response, path);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path} ({(int)response.StatusCode}): Cache-Control {response.Headers.CacheControl}");
            answered.Add($"{(int)response.StatusCode} {path}");
        }
        // Many answer with data (the rest are 404s for ids that do not exist or are not the member's, and the
        // administrators' 404s): the enumeration is not a list of errors.
        Assert.True(answered.Count(a => a.StartsWith('2')) >= 25, string.Join("\n", answered));
    }

    [Fact]
    public async Task SignedInPages_AndTheirErrors_AreNotStored()
    {
        var member = await app.SignedInAsync("Pia Pagestore");
        foreach (var path in new[] { "/Dashboard", "/Settings", "/Profile/Edit", $"/Mentorships/{Guid.NewGuid()}", "/No/Such/Page" })
        {
            var response = await member.Browser.GetAsync(path);
            AssertSecurityHeaders(response, path);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path} ({(int)response.StatusCode}): Cache-Control {response.Headers.CacheControl}");
        }
    }

    public static TheoryData<string, string, string?, int> Errors => new()
    {
        { "POST", "/api/v1/auth/login", "{\"email\": ", 400 }, // malformed JSON: the API's exception handler answers
        { "POST", "/api/v1/auth/login", "not json at all", 400 },
        { "GET", "/api/v1/no-such-thing", null, 401 },
        { "GET", "/api/v1/me/profile", null, 401 },
        { "GET", "/No/Such/Page", null, 302 }, // to sign in first
        { "GET", "/Error/404", null, 404 }, // the error page
        { "GET", $"/Members/{Guid.Empty}", null, 404 },
        { "GET", "/metrics", null, 404 },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task ErrorResponses_CarryTheSecurityHeaders(string method, string path, string? body, int status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await app.Anonymous().SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        AssertSecurityHeaders(response, path);
    }

    [Theory]
    [InlineData("/api/v1/me/profile", "application/problem+json")]
    [InlineData("/Dashboard", "text/html")]
    public async Task A500_ForTheApiOrAPage_CarriesTheSecurityHeaders_AndIsNotStored(string path, string type)
    {
        var member = await app.SignedInAsync("Fritz Fault");
        var client = path.StartsWith("/api", StringComparison.Ordinal) ? await app.ApiAsync(member) : member.Browser;
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { FaultyApp.Header, "1" } } };

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("fell over", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertSecurityHeaders(response, path);
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"Cache-Control {response.Headers.CacheControl}");
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response, string path)
    {
        string One(string name) => response.Headers.TryGetValues(name, out var v) ? v.Single() : throw new Xunit.Sdk.XunitException($"{path} ({(int)response.StatusCode}): no {name}");
        Assert.Equal("nosniff", One("X-Content-Type-Options"));
        Assert.Equal("DENY", One("X-Frame-Options"));
        Assert.Equal("same-origin", One("Referrer-Policy"));
        Assert.Contains("camera=()", One("Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", One("Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Contains("max-age=31536000", One("Strict-Transport-Security"), StringComparison.Ordinal);
    }
}
