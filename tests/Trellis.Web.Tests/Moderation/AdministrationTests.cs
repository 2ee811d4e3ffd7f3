using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Moderation;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Moderation;

public sealed class AdministrationTests(ModerationApp app) : IClassFixture<ModerationApp>
{
    [Fact]
    public async Task TheAdminArea_IsNotFound_ForMembersWhoAreNotAdministrators_AndNeedsSigningIn()
    {
        var member = await app.MenteeAsync();
        var author = await app.MentorAsync();
        var report = await ModerationApp.ReportAsync(member, ReportKind.Profile, author.Id);
        var id = (string)report["id"]!;

        foreach (var url in new[] { "/api/v1/admin/reports", $"/api/v1/admin/reports/{id}" })
            Assert.Equal(HttpStatusCode.NotFound, (await member.Api.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Api.PostAsJsonAsync($"/api/v1/admin/reports/{id}/hide", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Api.PostAsJsonAsync($"/api/v1/admin/members/{author.Id}/suspend", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Member.Browser.GetAsync("/Admin/Reports")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Member.Browser.GetAsync($"/Admin/Reports/{id}")).StatusCode);
        Assert.DoesNotContain("/Admin/Reports", await member.Member.Browser.GetStringAsync("/Dashboard"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/admin/reports")).StatusCode);
        var page = await app.Anonymous().GetAsync("/Admin/Reports");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Accounts/SignIn", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        Assert.Equal(ReportStatus.Open, await app.WithDbAsync(db => db.Reports.Where(r => r.Id == Guid.Parse(id)).Select(r => r.Status).SingleAsync()));
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == author.Id).Select(u => u.SuspendedAt).SingleAsync()));
    }

    [Fact]
    public async Task AnAdministrator_ReadsTheReportedMessage_ButNotTheMentorshipAroundIt()
    {
        var admin = await app.AdminAsync();
        var (mentee, mentor, mentorshipId) = await app.RequestAsync();
        var messageId = app.Messages.Add(mentor.Id, mentee.Id, "You are wasting my time, idiot.");
        var report = await ModerationApp.ReportAsync(mentee, ReportKind.Message, messageId, "Harassment", "Called me names.");

        var details = await admin.Api.GetFromJsonAsync<JsonObject>($"/api/v1/admin/reports/{report["id"]}");
        Assert.Equal("You are wasting my time, idiot.", (string?)details!["reportedText"]);
        Assert.Equal(mentor.Id, (Guid)details["author"]!["id"]!);
        Assert.Equal("Called me names.", (string?)details["text"]);
        Assert.DoesNotContain("I loved your talk", details.ToJsonString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.Api.GetAsync($"/api/v1/mentorships/{mentorshipId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Api.GetAsync($"/api/v1/mentorships/{mentorshipId}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Member.Browser.GetAsync($"/Mentorships/{mentorshipId}")).StatusCode);

        var page = await admin.Member.Browser.GetStringAsync($"/Admin/Reports/{report["id"]}");
        Assert.Contains("You are wasting my time, idiot.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("I loved your talk", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenReports_AreListedNewestFirst_OnTheApiAndThePage()
    {
        var admin = await app.AdminAsync();
        var author = await app.MentorAsync("Listed Author");
        var first = await ModerationApp.ReportAsync(await app.MenteeAsync(), ReportKind.Profile, author.Id);
        var second = await ModerationApp.ReportAsync(await app.MenteeAsync(), ReportKind.Profile, author.Id, "Spam");

        var list = (await admin.Api.GetFromJsonAsync<JsonArray>("/api/v1/admin/reports"))!.Select(r => (string)r!["id"]!).ToList();
        Assert.True(list.IndexOf((string)second["id"]!) < list.IndexOf((string)first["id"]!), string.Join(",", list));

        var page = await admin.Member.Browser.GetStringAsync("/Admin/Reports");
        Assert.True(page.IndexOf((string)second["id"]!, StringComparison.Ordinal) < page.IndexOf((string)first["id"]!, StringComparison.Ordinal));
        Assert.Contains("href=\"/Admin/Reports\"", await admin.Member.Browser.GetStringAsync("/Dashboard"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HidingAProfile_TakesItOutOfSearchAndOffItsPage_ForEveryoneButItsOwner_AndClosesEveryReportOnIt()
    {
        var admin = await app.AdminAsync();
        var author = await app.MentorAsync("Hidden Henrietta");
        var reporter = await app.MenteeAsync();
        var other = await app.MenteeAsync();
        await app.SyncMentorsAsync();
        Assert.Contains(author.Id, await ModerationApp.MentorIdsAsync(reporter));
        var report = await ModerationApp.ReportAsync(reporter, ReportKind.Profile, author.Id);
        var second = await ModerationApp.ReportAsync(other, ReportKind.Profile, author.Id, "Spam");

        var hidden = await admin.Api.PostAsJsonAsync($"/api/v1/admin/reports/{report["id"]}/hide", new { reason = "Insults in the bio." });
        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await reporter.Api.GetAsync($"/api/v1/members/{author.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.Member.Browser.GetAsync($"/Members/{author.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/Members/{author.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await author.Api.GetAsync($"/api/v1/members/{author.Id}")).StatusCode);
        await app.SyncMentorsAsync();
        Assert.DoesNotContain(author.Id, await ModerationApp.MentorIdsAsync(reporter));

        var statuses = await app.WithDbAsync(db => db.Reports.Where(r => r.ItemId == author.Id).Select(r => r.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(ReportStatus.ContentHidden, s));
        var action = await app.WithDbAsync(db => db.AdminActions.AsNoTracking().SingleAsync(a => a.ReportId == Guid.Parse((string)report["id"]!)));
        Assert.Equal((AdminActionKind.HideContent, admin.Id, "Insults in the bio."), (action.Kind, action.AdminId, action.Reason));
        Assert.True(DateTimeOffset.UtcNow - action.At < TimeSpan.FromMinutes(1));

        var again = await admin.Api.PostAsJsonAsync($"/api/v1/admin/reports/{second["id"]}/hide", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task HidingARequest_ReplacesItsFreeText_ForBothMembers_InEveryViewAndDiff()
    {
        var admin = await app.AdminAsync();
        var (mentee, mentor, id) = await app.RequestAsync(a => a["personalNote"] = "Vile words.");
        (await mentor.CounterAsync(id, 1, note: "Vile words, again.")).EnsureSuccessStatusCode();
        var report = await ModerationApp.ReportAsync(mentee, ReportKind.Request, id);

        (await admin.Api.PostAsJsonAsync($"/api/v1/admin/reports/{report["id"]}/hide", new { })).EnsureSuccessStatusCode();

        foreach (var who in new[] { mentee, mentor })
        {
            var view = await who.Api.GetStringAsync($"/api/v1/mentorships/{id}");
            Assert.DoesNotContain("Vile words", view, StringComparison.Ordinal);
            Assert.Contains("Hidden by the site", view, StringComparison.Ordinal);
            Assert.DoesNotContain("Vile words", await who.Member.Browser.GetStringAsync($"/Mentorships/{id}"), StringComparison.Ordinal);
            Assert.DoesNotContain("Vile words", await who.Api.GetStringAsync($"/api/v1/mentorships/{id}/diff?from=1&to=2"), StringComparison.Ordinal);
        }
        var details = await admin.Api.GetFromJsonAsync<JsonObject>($"/api/v1/admin/reports/{report["id"]}");
        Assert.Contains("Vile words, again.", (string)details!["reportedText"]!, StringComparison.Ordinal);
        Assert.True((bool)details["itemHidden"]!);
        var stored = await app.WithDbAsync(db => db.AgreementVersions.AsNoTracking().Where(v => v.MentorshipId == id).ToListAsync());
        Assert.All(stored, v => Assert.Equal((AgreementVersion.HiddenText, true), (v.Terms.PersonalNote, v.PersonalNote.StartsWith("Vile words", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task HidingAReportedMessage_GoesThroughItsFeaturesTarget_ThroughTheAdminPage()
    {
        var admin = await app.AdminAsync();
        var (mentee, mentor, _) = await app.RequestAsync();
        var messageId = app.Messages.Add(mentee.Id, mentor.Id, "Buy my crypto course.");
        var report = await ModerationApp.ReportAsync(mentor, ReportKind.Message, messageId, "Spam");

        var posted = await admin.Member.Browser.PostAsync($"/Admin/Reports/{report["id"]}", new { Reason = "Spam." }, handler: "Hide");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.True(app.Messages.IsHidden(messageId));
        Assert.Contains("content hidden", await admin.Member.Browser.GetStringAsync($"/Admin/Reports/{report["id"]}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DismissingAReport_LeavesTheItem_AndIsRecordedWithWhoAndWhen()
    {
        var admin = await app.AdminAsync();
        var author = await app.MentorAsync();
        var report = await ModerationApp.ReportAsync(await app.MenteeAsync(), ReportKind.Profile, author.Id);
        var id = Guid.Parse((string)report["id"]!);

        var tooLong = await admin.Api.PostAsJsonAsync($"/api/v1/admin/reports/{id}/dismiss", new { reason = new string('x', AdminAction.ReasonMax + 1) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("reason", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Open, await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));

        var dismissed = await admin.Api.PostAsJsonAsync($"/api/v1/admin/reports/{id}/dismiss", new { reason = "Fine by our rules." });
        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        var body = await dismissed.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Dismissed", (string?)body!["status"]);
        Assert.Equal(admin.Id, (Guid)body["actions"]![0]!["admin"]!["id"]!);

        Assert.Equal(HttpStatusCode.OK, (await author.Api.GetAsync($"/api/v1/members/{author.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.MenteeAsync()).Api.GetAsync($"/api/v1/members/{author.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.Api.PostAsJsonAsync($"/api/v1/admin/reports/{id}/dismiss", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Api.PostAsJsonAsync($"/api/v1/admin/reports/{Guid.NewGuid()}/dismiss", new { })).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.AdminActions.CountAsync(a => a.ReportId == id)));
    }
}
