using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Tests.Infrastructure;
using Xunit;

namespace Trellis.Web.Tests.Accounts;

/// <summary>The app with each test client at an address of its choosing (TestServer has none), as behind a proxy.</summary>
public class ClientAddressApp : TrellisApp
{
    public const string Header = "X-Test-Client";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, FromHeader>());
    }

    public HttpClient BrowserAt(string address)
    {
        var browser = Browser();
        browser.DefaultRequestHeaders.Add(Header, address);
        return browser;
    }

    public HttpClient ApiAt(string address)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    private sealed class FromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, then) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var ip)) context.Connection.RemoteIpAddress = ip;
                return then(context);
            });
            next(app);
        };
    }
}

/// <summary>Sign-in, registration and password reset tell a caller nothing about which addresses have accounts,
/// and wrong passwords from one place cannot lock the member out of another.</summary>
public sealed class SignInEnumerationTests(ClientAddressApp app) : IClassFixture<ClientAddressApp>
{
    private static int _client;

    private static string NewAddress() => $"198.51.100.{Interlocked.Increment(ref _client)}";

    private async Task<TestMember> UnconfirmedAsync()
    {
        var email = Members.NewEmail("unconfirmed");
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().PostAsync("/Accounts/Register", new { Input__Name = "Una Confirmed", Input__Email = email, Input__Password = Members.GoodPassword })).StatusCode);
        return new TestMember(email, Members.GoodPassword, Guid.Empty, app.Browser());
    }

    [Fact]
    public async Task UnknownUnconfirmedWrongAndThrottled_GetTheSameAnswer_OnThePageAndTheApi()
    {
        var member = await app.SignedInAsync("Known Member");
        var unconfirmed = await UnconfirmedAsync();
        var throttled = await app.SignedInAsync("Throttled Member");
        var attacker = NewAddress();
        for (var i = 0; i < 6; i++) await app.BrowserAt(attacker).SignInAsync(throttled.Email, "guess number " + i);

        var cases = new (string Email, string Password, string Client)[]
        {
            (throttled.Email, throttled.Password, attacker), // the right password, but from where the guesses came
            (Members.NewEmail("nobody"), "whatever it is", NewAddress()),
            (unconfirmed.Email, "a wrong password", NewAddress()),
            (unconfirmed.Email, unconfirmed.Password, NewAddress()),
            (member.Email, "a wrong password", NewAddress()),
        };
        var pages = new List<string>();
        var apis = new List<string>();
        foreach (var (email, password, client) in cases)
        {
            var page = await app.BrowserAt(client).SignInAsync(email, password);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            pages.Add(Forms.Summary(await page.Content.ReadAsStringAsync()) ?? "");
            var api = await app.ApiAt(client).PostAsJsonAsync("/api/v1/auth/login", new { email, password });
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
            apis.Add((string?)(await api.Content.ReadFromJsonAsync<JsonObject>())!["detail"] ?? "");
        }
        Assert.Single(pages.Distinct());
        Assert.Contains("do not match", pages[0], StringComparison.Ordinal);
        Assert.All(apis, a => Assert.Equal("Failed", a));
        // The unconfirmed member who typed the right password was sent a new link rather than told.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (app.Mail.To(unconfirmed.Email).Count < 3 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(3, app.Mail.To(unconfirmed.Email).Count); // registration, page, API
    }

    [Fact]
    public async Task WrongPasswordsFromElsewhere_DoNotLockTheMemberOut_AndNothingIsLocked()
    {
        var member = await app.SignedInAsync("Not Locked");
        var attacker = NewAddress();
        // Ten wrong passwords: the client is made to wait for minutes; the account (all clients) not yet.
        for (var i = 0; i < 5; i++) await app.BrowserAt(attacker).SignInAsync(member.Email, "wrong password " + i);
        for (var i = 0; i < 5; i++)
            await app.ApiAt(attacker).PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = "api guess " + i });

        // The attacker's own right guess is refused while it waits; the member, from their own device, signs in.
        Assert.Equal(HttpStatusCode.OK, (await app.BrowserAt(attacker).SignInAsync(member.Email, member.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.BrowserAt(NewAddress()).SignInAsync(member.Email, member.Password)).StatusCode);
        var login = await app.ApiAt(NewAddress()).PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var stored = await app.WithDbAsync(db => db.Users.Where(u => u.Id == member.Id).Select(u => new { u.LockoutEnd, u.AccessFailedCount }).SingleAsync());
        Assert.Null(stored.LockoutEnd);
        Assert.Equal(0, stored.AccessFailedCount);
    }

    [Fact]
    public async Task ReenteringThePassword_CountsTowardsTheThrottle_SoASessionCannotGuessIt()
    {
        var member = await app.SignedInAsync("Borrowed Session");
        var api = await app.ApiAsync(member);
        api.DefaultRequestHeaders.Add(ClientAddressApp.Header, NewAddress());
        for (var i = 0; i < 6; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync("/api/v1/me/delete", new { password = "guess " + i })).StatusCode);

        // Now even the right password waits, and nothing is deleted.
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync("/api/v1/me/delete", new { password = member.Password })).StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == member.Id).Select(u => u.DeletedAt).SingleAsync()));
    }

    [Theory]
    [InlineData("{\"email\":\"{known}\",\"password\":null}")]
    [InlineData("{\"email\":null,\"password\":\"something\"}")]
    [InlineData("{\"email\":\"{known}\"}")]
    [InlineData("{\"email\":\"{known}\",\"password\":\"\"}")]
    public async Task ApiLogin_WithoutAPasswordOrAddress_IsAnOrdinaryFailure_NotA500(string body)
    {
        var member = await app.SignedInAsync("Null Password");
        var response = await app.ApiAt(NewAddress()).PostAsync("/api/v1/auth/login",
            new StringContent(body.Replace("{known}", member.Email, StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Registering_AnAddressThatHasAnAccount_AnswersLikeANewOne_AndTellsTheOwnerByEmail()
    {
        var existing = await app.SignedInAsync("First Owner");
        var users = await app.WithDbAsync(db => db.Users.CountAsync());
        var fresh = Members.NewEmail("fresh");

        var taken = await app.Browser().PostAsync("/Accounts/Register", new { Input__Name = "Second", Input__Email = existing.Email.ToUpperInvariant(), Input__Password = Members.GoodPassword });
        var added = await app.Browser().PostAsync("/Accounts/Register", new { Input__Name = "Fresh", Input__Email = fresh, Input__Password = Members.GoodPassword });
        Assert.Equal((added.StatusCode, added.Headers.Location), (taken.StatusCode, taken.Headers.Location));
        var apiTaken = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new { email = existing.Email, password = Members.GoodPassword });
        Assert.Equal(HttpStatusCode.OK, apiTaken.StatusCode);

        Assert.Equal(users + 1, await app.WithDbAsync(db => db.Users.CountAsync()));
        var told = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == existing.Email) && (m.Subject ?? "").Contains("already", StringComparison.Ordinal));
        Assert.Contains("/Accounts/ResetPassword", told.Text().Replace("ForgotPassword", "ResetPassword", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(existing.Id, await app.WithDbAsync(db => db.Users.Where(u => u.Email == existing.Email).Select(u => u.Id).SingleAsync()));
    }

    /// <summary>The timing figures in docs/security.md: sign-in answers for a known and an unknown address.</summary>
    [Fact]
    public async Task SignInTiming_KnownAndUnknownAddress_HaveTheSameMedian()
    {
        var member = await app.SignedInAsync("Timed Member");
        // The throttle is not what is measured: each unknown attempt uses another unknown address, and after each
        // known attempt the member signs in (which clears the counts).
        async Task<double> MedianAsync(Func<string> email, bool thenSignIn)
        {
            var times = new List<double>();
            for (var i = 0; i < 15; i++)
            {
                var client = app.ApiAt(NewAddress());
                var address = email();
                var watch = Stopwatch.StartNew();
                var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = address, password = "not the password " + i });
                watch.Stop();
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                times.Add(watch.Elapsed.TotalMilliseconds);
                if (thenSignIn) (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = address, password = member.Password })).EnsureSuccessStatusCode();
            }
            times.Sort();
            return times[times.Count / 2];
        }
        await MedianAsync(() => Members.NewEmail("timed-nobody"), thenSignIn: false); // warm-up
        var known = await MedianAsync(() => member.Email, thenSignIn: true);
        var nobody = await MedianAsync(() => Members.NewEmail("timed-nobody"), thenSignIn: false);
        TestContext.Current.SendDiagnosticMessage($"sign-in median: known {known:F0} ms, unknown {nobody:F0} ms");
        Console.WriteLine($"sign-in median: known {known:F0} ms, unknown {nobody:F0} ms");
        Assert.True(known >= Web.Infrastructure.Auth.TrellisSignInManager.FailureFloor.TotalMilliseconds);
        Assert.True(nobody >= Web.Infrastructure.Auth.TrellisSignInManager.FailureFloor.TotalMilliseconds);
        Assert.True(Math.Abs(known - nobody) < 0.25 * Math.Max(known, nobody), $"known {known:F0} ms, unknown {nobody:F0} ms");
    }
}
