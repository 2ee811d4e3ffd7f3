using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Accounts;

/// <summary>Issue 16 item 3: Identity's password change (<c>/manage/info</c>) and two-factor code (<c>/manage/2fa</c>)
/// count towards the sign-in throttle, like every other place a signed-in member re-enters a secret.</summary>
public sealed class ManageThrottleTests(ClientAddressApp app) : IClassFixture<ClientAddressApp>
{
    private static int _client;

    private static string NewAddress() => $"192.0.2.{Interlocked.Increment(ref _client)}";

    [Fact]
    public async Task WrongOldPasswords_OnIdentitysPasswordChange_MakeEvenTheRightOneWait_AndChangeNothing()
    {
        var member = await app.SignedInAsync("Paula Manage");
        var api = await app.ApiAsync(member);
        var address = NewAddress();
        api.DefaultRequestHeaders.Add(ClientAddressApp.Header, address);
        for (var i = 0; i < 6; i++)
        {
            var wrong = await api.PostAsJsonAsync("/api/v1/auth/manage/info", new { oldPassword = "guess " + i, newPassword = "a brand new passphrase " + i });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.True((await wrong.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("PasswordMismatch"));
        }

        // The right old password now gets the same answer, and the password stays as it was.
        var right = await api.PostAsJsonAsync("/api/v1/auth/manage/info", new { oldPassword = member.Password, newPassword = "a brand new passphrase" });
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.True((await right.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("PasswordMismatch"));
        // …and so does signing in from that client; from elsewhere the member signs in with the old password.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiAt(address).PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ApiAt(NewAddress()).PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password })).StatusCode);
    }

    [Fact]
    public async Task WrongTwoFactorCodes_CountTowardsTheSameThrottle()
    {
        var member = await app.SignedInAsync("Zeno Twofactor");
        var api = await app.ApiAsync(member);
        var address = NewAddress();
        api.DefaultRequestHeaders.Add(ClientAddressApp.Header, address);
        for (var i = 0; i < 6; i++)
        {
            var wrong = await api.PostAsJsonAsync("/api/v1/auth/manage/2fa", new { enable = true, twoFactorCode = (100000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiAt(address).PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password })).StatusCode);
        // Reading the two-factor state is no guess and still works.
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/api/v1/auth/manage/2fa", new { })).StatusCode);
    }
}
