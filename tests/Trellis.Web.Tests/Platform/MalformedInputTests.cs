using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Lifecycle;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Reviews;
using Trellis.Web.Tests.Timeline;

namespace Trellis.Web.Tests.Platform;

/// <summary>
/// Issue 16 item 5, the cases the probe found as 500s: each is now the caller's mistake (400 naming the field, or 415)
/// with nothing written, and the loser of two simultaneous agreement edits gets 409. The fuzz test
/// (<see cref="FuzzTests"/>) covers the rest of the input space.
/// </summary>
public sealed class MalformedInputTests(LifecycleApp app) : IClassFixture<LifecycleApp>
{
    [Theory]
    [InlineData("application/json; charset=bogus")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset=\"\"")]
    public async Task AJsonBody_ThatDeclaresAnotherCharset_Is415_AndNothingIsWritten(string contentType)
    {
        var member = await app.MenteeAsync("Tom Charset");
        var before = await app.OfEveryTableAsync();
        foreach (var url in new[] { "/api/v1/me/goals", "/api/v1/auth/login", "/api/v1/auth/register", "/api/v1/reports" })
        {
            var content = new ByteArrayContent("{\"title\":\"Speak\"}"u8.ToArray());
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            var response = await member.Api.PostAsync(url, content);
            Assert.True(response.StatusCode == HttpStatusCode.UnsupportedMediaType, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(before, await app.OfEveryTableAsync());

        var utf8 = new StringContent("{\"title\":\"Speak at a conference\"}", Encoding.UTF8, "application/json"); // charset=utf-8 stays fine
        Assert.Equal(HttpStatusCode.Created, (await member.Api.PostAsync("/api/v1/me/goals", utf8)).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/auth/register", "{\"email\":null,\"password\":\"correct horse battery staple\"}", "email")]
    [InlineData("/api/v1/auth/register", "{\"email\":\"someone@example.org\",\"password\":null}", "password")]
    [InlineData("/api/v1/auth/login", "{\"email\":null,\"password\":\"correct horse battery staple\"}", "email")]
    [InlineData("/api/v1/auth/login", "{\"email\":\"{known}\",\"password\":null}", "password")]
    [InlineData("/api/v1/auth/forgotPassword", "{\"email\":null}", "email")]
    [InlineData("/api/v1/auth/resendConfirmationEmail", "{\"email\":null}", "email")]
    [InlineData("/api/v1/auth/resetPassword", "{\"email\":\"{known}\",\"resetCode\":null,\"newPassword\":\"x\"}", "resetCode")]
    public async Task SignUpAndSignIn_WithANullField_Are400NamingIt_AndCreateNothing(string url, string body, string field)
    {
        var member = await app.SignedInAsync("Null Fields");
        var before = await app.WithDbAsync(db => db.Users.CountAsync());
        var response = await app.Anonymous().PostAsync(url, new StringContent(body.Replace("{known}", member.Email, StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        await response.AssertNamesFieldAsync(field);
        Assert.Equal(before, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task NullInsideAnArray_Is400NamingTheEntry_AndNothingIsWritten()
    {
        var w = await app.ActivePairAsync("Maria Arrays", "Tom Arrays");
        var profile = await Profiles.ProfileApiTests.ValidBody(w.Mentee.Api);
        profile["languages"] = new JsonArray("en", null);
        var before = await app.OfEveryTableAsync();

        await (await w.Mentee.Api.PutAsJsonAsync("/api/v1/me/profile", profile)).AssertNamesFieldAsync("languages[1]");
        await (await w.Mentee.PostJsonAsync("/api/v1/me/goals", new JsonObject { ["title"] = "Speak", ["mentorshipIds"] = new JsonArray((JsonNode?)null) }))
            .AssertNamesFieldAsync("mentorshipIds[0]");
        await (await w.Mentee.Api.PutAsync("/api/v1/me/notifications/preferences", new StringContent("[null]", Encoding.UTF8, "application/json")))
            .AssertNamesFieldAsync("[0]");
        await (await w.Mentee.Api.PostAsJsonAsync($"/api/v1/mentorships/{w.Id}/revisions",
                new JsonObject { ["basedOnVersion"] = 1, ["agreement"] = MentorshipBuilders.Agreement(a => a["goals"] = new JsonArray("Grow", null)) }))
            .AssertNamesFieldAsync("agreement.goals[1]");
        Assert.Equal(before, await app.OfEveryTableAsync());
    }

    [Fact]
    public async Task ATruncatedUpload_Is400NamingTheFile_AndStoresNothing()
    {
        var w = await app.ActivePairAsync("Maria Upload", "Tom Upload");
        var before = await app.OfEveryTableAsync();
        const string cut = "--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nMy CV\r\n" +
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 and then the connection";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(cut));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");

        var response = await w.Mentee.Api.PostAsync($"/api/v1/mentorships/{w.Id}/critiques", content);

        await response.AssertNamesFieldAsync("file");
        Assert.Equal(before, await app.OfEveryTableAsync());
    }

    [Theory]
    [InlineData("/Dashboard\r\nSet-Cookie: x=y")]
    [InlineData("/\u0000\u0007evil")]
    [InlineData("/Mentorships\u001b[31m")]
    [InlineData("\t/\t/evil.example")]
    public async Task ControlCharactersInReturnUrl_AreNever500_AndNeverLeaveTheSite(string returnUrl)
    {
        var member = await app.SignedInAsync("Return Url");
        var escaped = Uri.EscapeDataString(returnUrl);
        var browser = app.Browser();
        var page = await browser.GetAsync($"/Accounts/SignIn?returnUrl={escaped}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        var signedIn = await browser.PostAsync($"/Accounts/SignIn?returnUrl={escaped}", new { Input__Email = member.Email, Input__Password = member.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/Dashboard", signedIn.Headers.Location?.OriginalString);
        foreach (var other in new[] { "SignInTwoFactor", "SignInRecoveryCode", "Register", "SignOut" })
            Assert.True((int)(await browser.GetAsync($"/Accounts/{other}?returnUrl={escaped}")).StatusCode < 500, other);
    }

    [Theory]
    [InlineData("Input.Title", "Run a\u0000 workshop")]
    [InlineData("Input.MeasurableOutcome", "Twenty\u0000")]
    [InlineData("Input.Title\u0000", "Run a workshop")]
    public async Task APageForm_WithANulCharacter_IsThe400Page_OnBothDatabases_AndNothingIsWritten(string field, string value)
    {
        // PostgreSQL cannot store U+0000 (it failed mid-handler with a 500 page); SQLite would keep it. Both refuse it now.
        var member = await app.SignedInAsync("Nul Page");
        var before = await app.OfEveryTableAsync();
        var fields = new Dictionary<string, string> { ["Input.Title"] = "Run a workshop", ["Input.TargetDate"] = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd") };
        fields[field] = value;

        var response = await member.Browser.PostAsync("/Goals", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<h1 id=\"error-heading\">We could not read that request</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.OfEveryTableAsync());
        Assert.True((int)(await member.Browser.GetAsync("/Mentors?q=" + Uri.EscapeDataString("design\u0000"))).StatusCode < 500);
    }

    [Fact]
    public async Task TwoSimultaneousEditsOfAnAgreement_OneWins_TheOtherGets409_NeverA500()
    {
        for (var trial = 0; trial < 6; trial++)
        {
            // A proposal: the mentor counters while the mentee edits it.
            var request = await app.RequestAsync($"Maria Edit {trial}", $"Tom Edit {trial}");
            var answers = await Task.WhenAll(
                request.Mentor.CounterAsync(request.Id, 1, a => a["meetingMinutes"] = 45),
                request.Mentee.Api.PostAsJsonAsync($"/api/v1/mentorships/{request.Id}/edit", new JsonObject { ["basedOnVersion"] = 1, ["agreement"] = MentorshipBuilders.Agreement(a => a["meetingMinutes"] = 30) }));
            await AssertOneWinsAsync(answers);
            Assert.Equal(2, await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == request.Id).Select(m => m.CurrentVersion).SingleAsync()));

            // A running mentorship: both members propose a revision of version 1 at once.
            var w = await app.ActivePairAsync($"Maria Revise {trial}", $"Tom Revise {trial}");
            var revisions = await Task.WhenAll(
                w.Mentor.ReviseAsync(w.Id, "", 1, a => a["meetingMinutes"] = 45),
                w.Mentee.ReviseAsync(w.Id, "", 1, a => a["meetingMinutes"] = 30));
            await AssertOneWinsAsync(revisions);
            Assert.Equal(2, await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == w.Id).Select(m => m.CurrentVersion).SingleAsync()));
        }
    }

    private static async Task AssertOneWinsAsync(HttpResponseMessage[] answers)
    {
        var seen = string.Join(", ", await Task.WhenAll(answers.Select(async a => $"{(int)a.StatusCode} {await a.Content.ReadAsStringAsync()}")));
        Assert.True(answers.Select(a => a.StatusCode).Order().SequenceEqual([HttpStatusCode.OK, HttpStatusCode.Conflict]), seen);
        Assert.Equal("application/problem+json", answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).Content.Headers.ContentType?.MediaType);
    }
}
