using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Features.Moderation;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Moderation;

public sealed class SuspensionTests(ModerationApp app) : IClassFixture<ModerationApp>
{
    [Fact]
    public async Task Suspending_EndsEveryBrowserSessionAndBearerToken_AtOnce()
    {
        var admin = await app.AdminAsync();
        var member = await app.MentorAsync("Sid Suspended");
        var secondBrowser = app.Browser();
        await secondBrowser.SignInAsync(member.Member.Email, member.Member.Password);
        Assert.Equal(HttpStatusCode.OK, (await member.Api.GetAsync("/api/v1/me/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secondBrowser.GetAsync("/Dashboard")).StatusCode);

        var suspended = await admin.Api.PostAsJsonAsync($"/api/v1/admin/members/{member.Id}/suspend", new { reason = "Harassed three members." });
        Assert.Equal(HttpStatusCode.NoContent, suspended.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await member.Api.GetAsync("/api/v1/me/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await member.Api.PostAsJsonAsync("/api/v1/reports", new { kind = "Profile", itemId = admin.Id, reason = "Spam" })).StatusCode);
        foreach (var browser in new[] { member.Member.Browser, secondBrowser })
        {
            var page = await browser.GetAsync("/Dashboard");
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/Accounts/SignIn", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.MemberSessions.CountAsync(s => s.MemberId == member.Id)));
        var audit = await app.WithDbAsync(db => db.AdminActions.AsNoTracking().SingleAsync(a => a.MemberId == member.Id && a.Kind == AdminActionKind.Suspend));
        Assert.Equal((admin.Id, "Harassed three members."), (audit.AdminId, audit.Reason));
        var mail = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == member.Member.Email) && (m.Subject ?? "").Contains("suspended", StringComparison.Ordinal));
        Assert.DoesNotContain("Harassed", mail.Text(), StringComparison.Ordinal);
        // The administrator's own session is untouched.
        Assert.Equal(HttpStatusCode.OK, (await admin.Api.GetAsync("/api/v1/admin/reports")).StatusCode);
    }

    [Fact]
    public async Task ASuspendedMember_CannotSignIn_OnThePageOrTheApi_AndOnlyThePasswordHolderLearnsWhy()
    {
        var admin = await app.AdminAsync();
        var member = await app.MenteeAsync("Sue Spended");
        (await admin.Api.PostAsJsonAsync($"/api/v1/admin/members/{member.Id}/suspend", new { reason = "Spam." })).EnsureSuccessStatusCode();

        var page = await app.Browser().SignInAsync(member.Member.Email, member.Member.Password);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("suspended", Forms.Summary(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var wrong = await app.Browser().SignInAsync(member.Member.Email, "not the password at all");
        Assert.DoesNotContain("suspended", Forms.Summary(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var login = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Member.Email, password = member.Member.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal("Suspended", (string?)(await login.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
        var guess = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Member.Email, password = "not the password at all" });
        Assert.Equal("Failed", (string?)(await guess.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);

        (await admin.Api.PostAsJsonAsync($"/api/v1/admin/members/{member.Id}/unsuspend", new { reason = "Appeal accepted." })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().SignInAsync(member.Member.Email, member.Member.Password)).StatusCode);
        var again = await app.ApiAsync(member.Member);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/me/profile")).StatusCode);
        var kinds = await app.WithDbAsync(db => db.AdminActions.Where(a => a.MemberId == member.Id).OrderBy(a => a.At).Select(a => a.Kind).ToListAsync());
        Assert.Equal([AdminActionKind.Suspend, AdminActionKind.Unsuspend], kinds);
    }

    [Fact]
    public async Task ASuspendedMentor_LeavesSearch_AndTheirProfileIsNotShown_UntilTheSuspensionIsLifted()
    {
        var admin = await app.AdminAsync();
        var mentor = await app.MentorAsync("Mona Mentor");
        var mentee = await app.MenteeAsync();
        await app.SyncMentorsAsync();
        Assert.Contains(mentor.Id, await ModerationApp.MentorIdsAsync(mentee));

        (await admin.Api.PostAsJsonAsync($"/api/v1/admin/members/{mentor.Id}/suspend", new { reason = "Fake credentials." })).EnsureSuccessStatusCode();
        await app.SyncMentorsAsync();
        Assert.DoesNotContain(mentor.Id, await ModerationApp.MentorIdsAsync(mentee));
        Assert.Equal(HttpStatusCode.NotFound, (await mentee.Api.GetAsync($"/api/v1/members/{mentor.Id}")).StatusCode);

        (await admin.Api.PostAsJsonAsync($"/api/v1/admin/members/{mentor.Id}/unsuspend", new { })).EnsureSuccessStatusCode();
        await app.SyncMentorsAsync();
        Assert.Contains(mentor.Id, await ModerationApp.MentorIdsAsync(mentee));
    }

    [Fact]
    public async Task ASuspendedMentor_CannotBeAsked_ThroughTheApiOrThePage_AndNothingIsWritten()
    {
        var admin = await app.AdminAsync();
        var mentor = await app.MentorAsync("Sam Suspended");
        var mentee = await app.MenteeAsync();
        (await admin.Api.PostAsJsonAsync($"/api/v1/admin/members/{mentor.Id}/suspend", new { reason = "Fake credentials." })).EnsureSuccessStatusCode();

        // The same answer as for a member who does not exist: a suspension is not announced to others.
        var asked = await mentee.Api.PostAsJsonAsync("/api/v1/mentorships", MentorshipBuilders.Proposal(mentor.Id));
        Assert.Equal(HttpStatusCode.NotFound, asked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mentee.Member.Browser.GetAsync($"/Mentorships/Ask/{mentor.Id}")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Mentorships.CountAsync(m => m.MentorId == mentor.Id)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.MemberId == mentor.Id && n.Kind == Trellis.Web.Features.Notifications.NotificationKind.MentorshipRequest)));

        (await admin.Api.PostAsJsonAsync($"/api/v1/admin/members/{mentor.Id}/unsuspend", new { })).EnsureSuccessStatusCode();
        await mentee.ProposeAsync(mentor);
    }

    [Fact]
    public async Task AMentorWhoseProfileModerationHid_CannotBeAsked_ThroughTheApi()
    {
        var admin = await app.AdminAsync();
        var mentor = await app.MentorAsync("Hal Hidden");
        var mentee = await app.MenteeAsync();
        var report = await ModerationApp.ReportAsync(mentee, ReportKind.Profile, mentor.Id);
        (await admin.Api.PostAsJsonAsync($"/api/v1/admin/reports/{report["id"]}/hide", new { reason = "Insults in the bio." })).EnsureSuccessStatusCode();

        var asked = await mentee.Api.PostAsJsonAsync("/api/v1/mentorships", MentorshipBuilders.Proposal(mentor.Id));
        Assert.Equal(HttpStatusCode.NotFound, asked.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Mentorships.CountAsync(m => m.MentorId == mentor.Id)));
    }

    [Fact]
    public async Task BadSuspensions_AreRefused_AndChangeNothing()
    {
        var admin = await app.AdminAsync();
        var member = await app.MenteeAsync();

        var noReason = await admin.Api.PostAsJsonAsync($"/api/v1/admin/members/{member.Id}/suspend", new { reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.NotNull((await noReason.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["reason"]);
        Assert.Equal(HttpStatusCode.OK, (await member.Api.GetAsync("/api/v1/me/profile")).StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == member.Id).Select(u => u.SuspendedAt).SingleAsync()));

        Assert.Equal(HttpStatusCode.NotFound, (await admin.Api.PostAsJsonAsync($"/api/v1/admin/members/{Guid.NewGuid()}/suspend", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.Api.PostAsJsonAsync($"/api/v1/admin/members/{admin.Id}/suspend", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.Api.PostAsJsonAsync($"/api/v1/admin/members/{member.Id}/unsuspend", new { })).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.AdminActions.CountAsync(a => a.MemberId == member.Id || a.MemberId == admin.Id)));
    }

    [Fact]
    public async Task TheReportPage_SuspendsTheAuthor_WithTheReasonNextToTheField_WhenItIsMissing()
    {
        var admin = await app.AdminAsync();
        var (mentee, mentor, _) = await app.RequestAsync();
        var messageId = app.Messages.Add(mentee.Id, mentor.Id, "Threats.");
        var report = await ModerationApp.ReportAsync(mentor, ReportKind.Message, messageId);
        var url = $"/Admin/Reports/{report["id"]}";

        var missing = await admin.Member.Browser.PostAsync(url, new { Reason = "" }, handler: "Suspend");
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("id=\"reason-error\"", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == mentee.Id).Select(u => u.SuspendedAt).SingleAsync()));

        var done = await admin.Member.Browser.PostAsync(url, new { Reason = "Threatened the mentor." }, handler: "Suspend");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.Users.Where(u => u.Id == mentee.Id).Select(u => u.SuspendedAt).SingleAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await mentee.Api.GetAsync("/api/v1/mentorships")).StatusCode);
        var page = await admin.Member.Browser.GetStringAsync(url);
        Assert.Contains("Threatened the mentor.", page, StringComparison.Ordinal);
        Assert.Contains("id=\"unsuspend\"", page, StringComparison.Ordinal);
    }
}
