using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Lifecycle;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Platform;

/// <summary>
/// Issue 16 item 4: another site can make a signed-in member's browser send any request with the session cookie
/// (a bodiless POST, a form, a no-cors fetch), but cannot read the antiforgery token. So EVERY state-changing API
/// endpoint (found in the EndpointDataSource, so a new one is covered automatically) is sent by a signed-in
/// member's browser with a foreign Origin and no token, and must be refused with a 403 problem document while
/// not one row of any table changes. With the token the same browser may call the API; bearer tokens need none.
/// </summary>
public sealed class CrossSiteRequestTests(LifecycleApp app) : IClassFixture<LifecycleApp>
{
    private const string Attacker = "https://attacker.example";

    [Fact]
    public async Task EveryStateChangingApiCall_ByTheCookieFromAForeignOrigin_WithoutTheToken_IsRefused_AndChangesNothing()
    {
        var pair = await app.ActivePairAsync("Maria Forged", "Tom Forged");
        var browser = pair.Mentee.Member.Browser;
        var calls = StateChangingApiCalls();
        Assert.True(calls.Count > 100, $"only {calls.Count} state-changing API calls found: is the enumeration still finding them?");
        var before = await app.OfEveryTableAsync();

        var problems = new List<string>();
        foreach (var (route, method) in calls)
        {
            using var request = Forged(method, Fill(route, pair));
            using var response = await browser.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Forbidden || !body.Contains(CookieApiForgery.RefusedTitle, StringComparison.Ordinal))
                problems.Add($"{method} {route}: {(int)response.StatusCode} {(body.Length > 200 ? body[..200] : body)}");
        }

        TestContext.Current.SendDiagnosticMessage($"cross-site: {calls.Count} state-changing API calls sent with the cookie and no token, {calls.Count - problems.Count} refused");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(before, await app.OfEveryTableAsync());
        Assert.Equal(MentorshipStatus.Active, await StatusAsync(pair.Id)); // blocking the mentor would have ended it
    }

    [Fact]
    public async Task WithTheTokenOfItsOwnSession_TheBrowserMayCallTheApi_ButNotWithAnotherMembersToken()
    {
        var pair = await app.ActivePairAsync("Maria Token", "Tom Token");
        var browser = pair.Mentee.Member.Browser;
        var mine = await TokenAsync(browser);
        var theirs = await TokenAsync(pair.Mentor.Member.Browser);
        var block = $"/api/v1/members/{pair.Mentor.Id}/block";

        using (var withoutToken = new HttpRequestMessage(HttpMethod.Post, block))
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.SendAsync(withoutToken)).StatusCode);
        using (var withTheirs = new HttpRequestMessage(HttpMethod.Post, block) { Headers = { { CookieApiForgery.HeaderName, theirs } } })
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.SendAsync(withTheirs)).StatusCode);
        Assert.Equal(MentorshipStatus.Active, await StatusAsync(pair.Id));

        using var withMine = new HttpRequestMessage(HttpMethod.Post, block) { Headers = { { CookieApiForgery.HeaderName, mine } } };
        var blocked = await browser.SendAsync(withMine);
        Assert.True(blocked.IsSuccessStatusCode, $"{(int)blocked.StatusCode} {await blocked.Content.ReadAsStringAsync()}");
        Assert.NotEqual(MentorshipStatus.Active, await StatusAsync(pair.Id));
    }

    [Fact]
    public async Task BearerTokenCalls_NeedNoAntiforgeryToken_AndAnonymousCallsAreNotRefusedForIt()
    {
        var member = await app.MenteeAsync("Tom Bearer");
        using var request = Forged("POST", "/api/v1/me/calendar");
        request.Content = null;
        var feed = await member.Api.SendAsync(request);
        Assert.True(feed.IsSuccessStatusCode, $"{(int)feed.StatusCode} {await feed.Content.ReadAsStringAsync()}");

        // Signing in has no session to ride on: a wrong password is the ordinary 401, not the forgery 403.
        var login = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Member.Email, password = "not the password" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    private static HttpRequestMessage Forged(string method, string url)
    {
        // What a cross-site form sends: the browser adds the cookie; the attacker chooses a "simple" content type.
        var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = method == "DELETE" ? null : new FormUrlEncodedContent([new("text", "forged")]),
        };
        request.Headers.Add("Origin", Attacker);
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        return request;
    }

    private static async Task<string> TokenAsync(HttpClient browser)
    {
        var json = await browser.GetFromJsonAsync<JsonObject>("/api/v1/auth/antiforgery");
        Assert.Equal(CookieApiForgery.HeaderName, (string?)json!["headerName"]);
        return (string)json["token"]!;
    }

    private Task<MentorshipStatus> StatusAsync(Guid id) =>
        app.WithDbAsync(async db => (await db.Mentorships.AsNoTracking().SingleAsync(m => m.Id == id)).Status);

    /// <summary>Every (route, method) of the API that is not a GET or HEAD.</summary>
    private List<(string Route, string Method)> StateChangingApiCalls() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null)
            .Select(e => (Route: "/" + (e.RoutePattern.RawText ?? "").Trim('/'), e))
            .Where(x => x.Route.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(x => (x.e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["POST", "PUT", "PATCH", "DELETE"])
                .Where(m => m is not ("GET" or "HEAD")).Select(m => (x.Route, m)))
            .Distinct().OrderBy(x => x.Route, StringComparer.Ordinal).ThenBy(x => x.m, StringComparer.Ordinal)];

    /// <summary>Real targets where the route names them (the pair's mentorship, the other member), so that without
    /// the check the forged call would have done something; any other parameter gets a fresh id.</summary>
    private static string Fill(string route, Pair pair) => Regex.Replace(route, @"\{\*{0,2}([^}:?=]+)[^}]*\}", p =>
        p.Groups[1].Value == "id" && route.StartsWith("/api/v1/mentorships/", StringComparison.Ordinal) ? pair.Id.ToString()
        : p.Groups[1].Value == "id" && route.StartsWith("/api/v1/members/", StringComparison.Ordinal) ? pair.Mentor.Id.ToString()
        : p.Value.Contains(":guid", StringComparison.Ordinal) || p.Value.Contains("id", StringComparison.OrdinalIgnoreCase) ? Guid.NewGuid().ToString()
        : "x");
}
