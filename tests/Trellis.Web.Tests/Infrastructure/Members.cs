using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Tests.Infrastructure;

public sealed record TestMember(string Email, string Password, Guid Id, HttpClient Browser);

/// <summary>
/// Builders for members. Tests about signing up use <see cref="RegisteredAsync"/>: the register page, the real
/// confirmation e-mail and its link. Every other test uses <see cref="SignedInAsync"/>, which makes the same
/// confirmed account in-process through Identity (no page, no e-mail, no waiting for the outbox) and then signs in
/// through the real sign-in page, so the browser and the API still hold what a person would.
/// </summary>
public static partial class Members
{
    public const string GoodPassword = "correct horse battery staple";

    public static string NewEmail(string who = "member") => $"{who}.{Guid.NewGuid():N}@example.org";

    /// <summary>A confirmed member, signed in through the sign-in page (fast: the account is made in-process).</summary>
    public static async Task<TestMember> SignedInAsync(this TrellisApp app, string name = "Ada Member", string? email = null, string password = GoodPassword)
    {
        email ??= NewEmail(name.Split(' ')[0].ToLowerInvariant());
        var id = await app.ConfirmedAccountAsync(name, email, password);
        var browser = app.Browser();
        var signedIn = await browser.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return new TestMember(email, password, id, browser);
    }

    /// <summary>Registers through the page, confirms by the link in the real e-mail, and signs in.</summary>
    public static async Task<TestMember> RegisteredAsync(this TrellisApp app, string name = "Ada Member", string? email = null, string password = GoodPassword)
    {
        email ??= NewEmail(name.Split(' ')[0].ToLowerInvariant());
        var browser = app.Browser();
        var earlier = app.Mail.To(email).Select(m => m.MessageId ?? "").ToHashSet();
        var registered = await browser.PostAsync("/Accounts/Register", new { Input__Name = name, Input__Email = email, Input__Password = password });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        await ConfirmByEmailAsync(app, browser, email, earlier);
        var signedIn = await browser.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return new TestMember(email, password, id, browser);
    }

    /// <summary>
    /// What registering and confirming leave behind — the account (password checked by Identity's own validators),
    /// its empty profile and the welcome notification — written in one transaction, as the register page does.
    /// </summary>
    public static async Task<Guid> ConfirmedAccountAsync(this TrellisApp app, string name, string email, string password = GoodPassword)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TrellisDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var member = new Member { Id = Guid.CreateVersion7(now), UserName = email, Email = email, DisplayName = name, CreatedAt = now, EmailConfirmed = true };

        await using var tx = await db.Database.BeginTransactionAsync();
        var created = await services.GetRequiredService<UserManager<Member>>().CreateAsync(member, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        db.Profiles.Add(new Profile(member.Id, now));
        await ConfirmEmailModel.WelcomeAsync(services.GetRequiredService<Notifier>(), member.Id, default);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return member.Id;
    }

    private static bool IsConfirmation(MimeKit.MimeMessage m) => (m.Subject ?? "").Contains("Confirm", StringComparison.Ordinal);

    public static async Task ConfirmByEmailAsync(TrellisApp app, HttpClient browser, string email, IReadOnlySet<string>? seen = null)
    {
        var mail = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == email) && IsConfirmation(m), seen);
        var link = LinkIn(mail.Text(), "/Accounts/ConfirmEmail");
        var confirmed = await browser.GetStringAsync(link);
        Assert.True(confirmed.Contains("Your e-mail address is confirmed", StringComparison.Ordinal), $"confirmation failed for {link}; members with that e-mail: {string.Join(",", await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id.ToString() + " " + u.EmailConfirmed).ToListAsync()))}; page: {System.Text.RegularExpressions.Regex.Match(confirmed, "<h1>.*?</h1>").Value}");
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient browser, string email, string password) =>
        browser.PostAsync("/Accounts/SignIn", new { Input__Email = email, Input__Password = password });

    /// <summary>A path-and-query from an e-mail's link; the host is the configured App:BaseUrl.</summary>
    public static string LinkIn(string text, string path)
    {
        var match = Regex.Match(text, $"https://trellis\\.test({Regex.Escape(path)}[^\\s]*)");
        Assert.True(match.Success, $"No link to {path} in: {text}");
        return match.Groups[1].Value;
    }

    /// <summary>An API client with a bearer token from Identity's login endpoint.</summary>
    public static async Task<HttpClient> ApiAsync(this TrellisApp app, TestMember member)
    {
        var client = app.Anonymous();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record TokenResponse(string AccessToken);
}
