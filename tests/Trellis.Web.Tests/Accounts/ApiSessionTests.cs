using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Accounts;

/// <summary>An API sign-in (a bearer token and its refresh token) ends when it should: on sign-out, on refresh
/// (the earlier pair), and entirely when a used refresh token comes back.</summary>
public sealed class ApiSessionTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    private sealed record Tokens(string AccessToken, string RefreshToken);

    private static async Task<Tokens> LoginAsync(HttpClient client, TestMember member)
    {
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return (await login.Content.ReadFromJsonAsync<Tokens>())!;
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        app.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });

    private async Task<HttpStatusCode> ProfileAsync(string accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me/profile");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return (await app.Anonymous().SendAsync(request)).StatusCode;
    }

    private Task<int> FamiliesAsync(Guid memberId) =>
        app.WithDbAsync(db => db.MemberSessions.CountAsync(s => s.MemberId == memberId && s.RefreshGeneration != null));

    [Fact]
    public async Task Logout_EndsThatSessionsBearerAndRefreshToken_AndNoOtherSession()
    {
        var member = await app.SignedInAsync("Api Logout");
        var tokens = await LoginAsync(app.Anonymous(), member);
        var other = await LoginAsync(app.Anonymous(), member);
        Assert.Equal(HttpStatusCode.OK, await ProfileAsync(tokens.AccessToken));
        Assert.Equal(2, await FamiliesAsync(member.Id));

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Anonymous().SendAsync(request)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await ProfileAsync(tokens.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(tokens.RefreshToken)).StatusCode);
        Assert.Equal(1, await FamiliesAsync(member.Id));
        // The other API client and the browser are still signed in.
        Assert.Equal(HttpStatusCode.OK, await ProfileAsync(other.AccessToken));
        Assert.Equal(HttpStatusCode.OK, (await member.Browser.GetAsync("/Dashboard")).StatusCode);
    }

    [Fact]
    public async Task Refresh_Rotates_AndAUsedRefreshTokenEndsTheWholeFamily()
    {
        var member = await app.SignedInAsync("Api Refresh");
        var first = await LoginAsync(app.Anonymous(), member);

        var refreshed = await RefreshAsync(first.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = (await refreshed.Content.ReadFromJsonAsync<Tokens>())!;
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, await ProfileAsync(second.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await ProfileAsync(first.AccessToken)); // replaced by the new pair
        Assert.Equal(1, await app.WithDbAsync(db => db.MemberSessions.Where(s => s.MemberId == member.Id && s.RefreshGeneration != null).Select(s => s.RefreshGeneration).SingleAsync()));

        // Someone replays the first refresh token: it fails, and so does everything of that family.
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(first.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await ProfileAsync(second.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(second.RefreshToken)).StatusCode);
        Assert.Equal(0, await FamiliesAsync(member.Id));
    }

    [Fact]
    public async Task Refresh_WithSomethingThatIsNotARefreshToken_Is401()
    {
        var member = await app.SignedInAsync("Api Bogus");
        var tokens = await LoginAsync(app.Anonymous(), member);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(tokens.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync("not-a-token")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await ProfileAsync(tokens.AccessToken));
    }
}
