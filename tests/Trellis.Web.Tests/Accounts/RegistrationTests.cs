using System.Net;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Accounts;

public sealed class RegistrationTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task Register_SendsConfirmationEmail_AndOnlyAConfirmedMemberCanSignIn()
    {
        var email = Members.NewEmail("grace");
        var browser = app.Browser();

        var registered = await browser.PostAsync("/Accounts/Register", new { Input__Name = "Grace Hopper", Input__Email = email, Input__Password = Members.GoodPassword });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        // Not told apart from a wrong password (SignInEnumerationTests); the right password brings a new link.
        var early = await browser.SignInAsync(email, Members.GoodPassword);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Equal(Web.Features.Accounts.SignInModel.FailedMessage, Forms.Summary(await early.Content.ReadAsStringAsync()));

        await Members.ConfirmByEmailAsync(app, browser, email);
        var signedIn = await browser.SignInAsync(email, Members.GoodPassword);
        Assert.Equal("/Dashboard", signedIn.Headers.Location?.OriginalString);
        var dashboard = await browser.GetStringAsync("/Dashboard");
        Assert.Contains("Hello, Grace Hopper", dashboard, StringComparison.Ordinal);

        var (confirmed, hasProfile, welcome) = await app.WithDbAsync(async db =>
        {
            var member = await db.Users.SingleAsync(u => u.Email == email);
            return (member.EmailConfirmed, await db.Profiles.AnyAsync(p => p.MemberId == member.Id),
                await db.Notifications.CountAsync(n => n.MemberId == member.Id && n.Title == "Welcome to Trellis"));
        });
        Assert.True(confirmed);
        Assert.True(hasProfile);
        Assert.Equal(1, welcome);
    }

    [Fact]
    public async Task Register_StoresOnlyAHash_NeverThePassword()
    {
        var member = await app.RegisteredAsync("Hash Check");
        var hash = await app.WithDbAsync(db => db.Users.Where(u => u.Id == member.Id).Select(u => u.PasswordHash).SingleAsync());
        Assert.NotNull(hash);
        Assert.DoesNotContain(member.Password, hash, StringComparison.Ordinal);
        Assert.StartsWith("AQAAAA", hash, StringComparison.Ordinal); // Identity v3 format: PBKDF2 with a salt
    }

    [Fact]
    public async Task TheTestsFastMemberBuilder_LeavesWhatRegisteringAndConfirmingLeave()
    {
        var registered = await app.RegisteredAsync("Real Signup");
        var built = await app.SignedInAsync("Fast Signup");

        Task<(bool, bool, bool, bool, string, int, int)> Shape(Guid id) => app.WithDbAsync(async db =>
        {
            var m = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
            return (m.EmailConfirmed, m.LockoutEnabled, m.NormalizedEmail == m.Email!.ToUpperInvariant(), m.UserName == m.Email,
                m.PasswordHash![..6], await db.Profiles.CountAsync(p => p.MemberId == id),
                await db.Notifications.CountAsync(n => n.MemberId == id && n.Title == "Welcome to Trellis"));
        });
        Assert.Equal(await Shape(registered.Id), await Shape(built.Id));
        Assert.Contains("Hello, Fast Signup", await built.Browser.GetStringAsync("/Dashboard"), StringComparison.Ordinal);
        var api = await app.ApiAsync(built);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me/profile")).StatusCode);
    }

    public static TheoryData<string, string, string, string, string> BadRegistrations => new()
    {
        { "Name", "not-an-email", Members.GoodPassword, "Input_Email", "does not look like an e-mail" },
        { "Name", "{new}", "short", "Input_Password", "at least 8 characters" },
        { "Name", "{new}", "password1", "Input_Password", "most common" },
        { "Name", "{new}", "baseball", "Input_Password", "most common" },
        { "Name", "{new}", new string('x', 129), "Input_Password", "at most 128" },
        { "", "{new}", Members.GoodPassword, "Input_Name", "tell us your name" },
        { new string('n', 101), "{new}", Members.GoodPassword, "Input_Name", "at most 100" },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task Register_WithBadInput_ShowsTheMessageNextToTheField_AndWritesNothing(string name, string email, string password, string field, string message)
    {
        if (email == "{new}") email = Members.NewEmail("bad");
        var before = await Counts();

        var response = await app.Browser().PostAsync("/Accounts/Register", new { Input__Name = name, Input__Email = email, Input__Password = password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = Forms.FieldError(await response.Content.ReadAsStringAsync(), field);
        Assert.NotNull(error);
        Assert.Contains(message, error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Register_WithAnEmailAlreadyTaken_SaysNothingOfIt_CreatesNobody_AndOnlyEmailsTheOwner()
    {
        var existing = await app.RegisteredAsync("First Owner");
        var before = await Counts();

        var response = await app.Browser().PostAsync("/Accounts/Register", new { Input__Name = "Second", Input__Email = existing.Email.ToUpperInvariant(), Input__Password = Members.GoodPassword });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before with { Outbox = before.Outbox + 1 }, await Counts());
        await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == existing.Email) && (m.Subject ?? "").Contains("already have", StringComparison.Ordinal));
    }

    [Fact]
    public void CommonPasswordList_HoldsOneThousandPasswords()
    {
        Assert.Equal(1000, Web.Infrastructure.Auth.CommonPasswordValidator.CommonCount);
        Assert.True(Web.Infrastructure.Auth.CommonPasswordValidator.IsCommon("Password"));
        Assert.False(Web.Infrastructure.Auth.CommonPasswordValidator.IsCommon(Members.GoodPassword));
    }

    private Task<(int Users, int Profiles, int Outbox)> Counts() => app.WithDbAsync(async db =>
        (await db.Users.CountAsync(), await db.Profiles.CountAsync(), await db.OutboxMessages.CountAsync()));
}
