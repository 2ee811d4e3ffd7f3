using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Accounts;

/// <summary>API clients register and authenticate through Identity's endpoints under /api/v1/auth.</summary>
public sealed class ApiAccountTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task ApiRegistration_ConfirmsByEmail_ThenLoginGivesABearerTokenThatReadsMyProfile()
    {
        var email = Members.NewEmail("api");
        var client = app.Anonymous();
        var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Members.GoodPassword });
        Assert.True(registered.StatusCode == HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());

        var refused = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Members.GoodPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode); // not confirmed yet

        // The same confirmation e-mail as the page's registration sends (its link opens in a browser).
        await Members.ConfirmByEmailAsync(app, app.Browser(), email);

        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Members.GoodPassword });
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me/profile");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var profile = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        Assert.Equal(id, (await profile.Content.ReadFromJsonAsync<JsonObject>())!["memberId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task ApiRegistration_WithACommonPassword_Is400_AndCreatesNobody()
    {
        var email = Members.NewEmail("apiweak");
        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new { email, password = "password1" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("PasswordTooCommon"), errors.ToJsonString());
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task ResendConfirmation_SendsAFreshLink_ButSaysTheSameForUnknownAddresses()
    {
        var email = Members.NewEmail("resend");
        var browser = app.Browser();
        await browser.PostAsync("/Accounts/Register", new { Input__Name = "Resender", Input__Email = email, Input__Password = Members.GoodPassword });
        await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == email));

        var known = await browser.PostAsync("/Accounts/ResendConfirmation", new { Input__Email = email });
        var unknown = await browser.PostAsync("/Accounts/ResendConfirmation", new { Input__Email = Members.NewEmail("ghost") });
        Assert.Contains("a new link is on its way", await known.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("a new link is on its way", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (app.Mail.To(email).Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(2, app.Mail.To(email).Count);
    }

    [Fact]
    public async Task SettingsPages_ShowTheMembersState_AndSavePreferences()
    {
        var member = await app.RegisteredAsync("Settings User");
        var settings = await member.Browser.GetStringAsync("/Settings");
        Assert.Contains(member.Email, settings, StringComparison.Ordinal);
        Assert.Contains("Two-factor authentication: <strong>off</strong>", settings, StringComparison.Ordinal);

        var page = await member.Browser.GetStringAsync("/Settings/Notifications");
        var form = new Dictionary<string, string>();
        foreach (Match row in Regex.Matches(page, "name=\"Choices\\[(\\d+)\\].Kind\" value=\"(\\w+)\""))
        {
            var (i, kind) = (row.Groups[1].Value, row.Groups[2].Value);
            form[$"Choices[{i}].Kind"] = kind;
            form[$"Choices[{i}].Frequency"] = kind == "NewMessage" ? "Never" : "Immediately";
        }
        Assert.Equal(Enum.GetValues<Web.Features.Notifications.NotificationKind>().Length - 1, form.Count / 2); // every kind but Account
        var saved = await member.Browser.PostAsync("/Settings/Notifications", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Never", await app.WithDbAsync(db => db.NotificationPreferences
            .Where(p => p.MemberId == member.Id && p.Kind == Web.Features.Notifications.NotificationKind.NewMessage)
            .Select(p => p.Frequency.ToString()).SingleAsync()));
    }
}
