using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Moderation;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Moderation;

public sealed class ReportingTests(ModerationApp app) : IClassFixture<ModerationApp>
{
    [Fact]
    public async Task ReportingAProfile_KeepsACopyOfIt_AndTellsEveryAdministrator_ButNotTheReportedMember()
    {
        var admin = await app.AdminAsync();
        var author = await app.MentorAsync("Rita Rude");
        var reporter = await app.MenteeAsync("Ron Reporter");

        var receipt = await ModerationApp.ReportAsync(reporter, ReportKind.Profile, author.Id, "Inappropriate", "Her bio insults people.");

        var report = await app.WithDbAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.Id == Guid.Parse((string)receipt["id"]!)));
        Assert.Equal((reporter.Id, author.Id, ReportStatus.Open, ReportReason.Inappropriate), (report.ReporterId, report.AuthorId, report.Status, report.Reason));
        Assert.Contains("Engineering manager who still writes code", report.ReportedText, StringComparison.Ordinal);
        Assert.Equal("Her bio insults people.", report.Text);

        var notice = await app.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.MemberId == admin.Id && n.Kind == NotificationKind.ReportFiled));
        Assert.Equal($"/Admin/Reports/{report.Id}", notice.Link);
        Assert.DoesNotContain("Ron", notice.Body, StringComparison.Ordinal);
        var mail = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == admin.Member.Email) && m.Text().Contains($"/Admin/Reports/{report.Id}", StringComparison.Ordinal));
        Assert.DoesNotContain("Ron", mail.Text(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == author.Id && n.Kind == NotificationKind.ReportFiled)));
    }

    [Fact]
    public async Task ReportingTheSameItemTwice_IsAConflict_UntilTheFirstReportIsClosed()
    {
        var admin = await app.AdminAsync();
        var author = await app.MentorAsync();
        var reporter = await app.MenteeAsync();
        var first = await ModerationApp.ReportAsync(reporter, ReportKind.Profile, author.Id);

        var again = await ModerationApp.FileAsync(reporter, new JsonObject { ["kind"] = "Profile", ["itemId"] = author.Id, ["reason"] = "Spam" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.ReporterId == reporter.Id)));

        (await admin.Api.PostAsJsonAsync($"/api/v1/admin/reports/{first["id"]}/dismiss", new { reason = "Not abusive." })).EnsureSuccessStatusCode();
        await ModerationApp.ReportAsync(reporter, ReportKind.Profile, author.Id, "Spam");
        Assert.Equal(2, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.ReporterId == reporter.Id)));
    }

    [Fact]
    public async Task TwoReportsOfTheSameItemAtOnce_FileExactlyOne()
    {
        var author = await app.MentorAsync();
        var reporter = await app.MenteeAsync();
        var body = new JsonObject { ["kind"] = "Profile", ["itemId"] = author.Id, ["reason"] = "Spam" };

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ModerationApp.FileAsync(reporter, (JsonObject)body.DeepClone())));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(1, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.ReporterId == reporter.Id)));
    }

    public static TheoryData<string, string> BadReports => new()
    {
        { """{"kind":"Gossip","itemId":"{item}","reason":"Spam"}""", "kind" },
        { """{"itemId":"{item}","reason":"Spam"}""", "kind" },
        { """{"kind":"Profile","itemId":"{item}"}""", "reason" },
        { """{"kind":"Profile","itemId":"{item}","reason":"Boring"}""", "reason" },
        { """{"kind":"Profile","reason":"Spam"}""", "itemId" },
        { """{"kind":"Profile","itemId":"{item}","reason":"Spam","text":"{long}"}""", "text" },
    };

    [Theory]
    [MemberData(nameof(BadReports))]
    public async Task BadInput_IsA400NamingTheField_AndWritesNothing(string body, string field)
    {
        var author = await app.MentorAsync();
        var reporter = await app.MenteeAsync();
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());
        var json = body.Replace("{item}", author.Id.ToString(), StringComparison.Ordinal).Replace("{long}", new string('x', Trellis.Web.Features.Moderation.Report.TextMax + 1), StringComparison.Ordinal);

        var response = await reporter.Api.PostAsync("/api/v1/reports", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(problem!["errors"]?[field] is not null, problem.ToJsonString());
        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task AnItemTheReporterCannotSee_OrThatDoesNotExist_IsNotFound_AndTheirOwnIsRefused()
    {
        var (mentee, mentor, requestId) = await app.RequestAsync();
        var stranger = await app.MenteeAsync("Sam Stranger");
        var privateMessage = app.Messages.Add(mentor.Id, mentee.Id, "Only for the two of us.");
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await Report(stranger, "Request", requestId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Report(stranger, "Message", privateMessage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Report(stranger, "Profile", Guid.NewGuid())).StatusCode);
        // The mentee wrote the only version so far: there is nothing of the mentor's in it to report.
        Assert.Equal(HttpStatusCode.NotFound, (await Report(mentee, "Request", requestId)).StatusCode);
        var own = await Report(mentee, "Profile", mentee.Id);
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("itemId", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task AProfileOnlyProgramMembersCanSee_CannotBeReportedByOthers()
    {
        var author = await app.MentorAsync();
        var body = await Profiles.ProfileApiTests.ValidBody(author.Api);
        body["visibility"] = "Programs";
        (await author.Api.PutAsJsonAsync("/api/v1/me/profile", body)).EnsureSuccessStatusCode();
        var reporter = await app.MenteeAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await Report(reporter, "Profile", author.Id)).StatusCode);
    }

    [Fact]
    public async Task TheMentor_ReportsTheRequest_AsTheMenteeWroteIt()
    {
        var (mentee, mentor, requestId) = await app.RequestAsync(a => a["personalNote"] = "Answer me or else.");

        var receipt = await ModerationApp.ReportAsync(mentor, ReportKind.Request, requestId, "Harassment");

        var report = await app.WithDbAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.Id == Guid.Parse((string)receipt["id"]!)));
        Assert.Equal(mentee.Id, report.AuthorId);
        Assert.Contains("Answer me or else.", report.ReportedText, StringComparison.Ordinal);
        Assert.Contains("I'll come to each call", report.ReportedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMentee_ReportsTheMentorsCounterProposal()
    {
        var (mentee, mentor, requestId) = await app.RequestAsync();
        // The mentor's own words travel in the change note (the personal note stays the mentee's).
        (await mentor.CounterAsync(requestId, 1, note: "You will never make it.")).EnsureSuccessStatusCode();

        var receipt = await ModerationApp.ReportAsync(mentee, ReportKind.Request, requestId);

        var report = await app.WithDbAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.Id == Guid.Parse((string)receipt["id"]!)));
        Assert.Equal(mentor.Id, report.AuthorId);
        Assert.Contains("You will never make it.", report.ReportedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePages_OfferAReportLink_AndTheFormPutsErrorsNextToTheField()
    {
        var (mentee, mentor, requestId) = await app.RequestAsync();
        var viewer = mentee.Member.Browser;

        Assert.Contains($"/Report/Profile/{mentor.Id}", await viewer.GetStringAsync($"/Members/{mentor.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("/Report/Profile/", await mentor.Member.Browser.GetStringAsync($"/Members/{mentor.Id}"), StringComparison.Ordinal);
        Assert.Contains($"/Report/Request/{requestId}", await mentor.Member.Browser.GetStringAsync($"/Mentorships/{requestId}"), StringComparison.Ordinal);
        Assert.DoesNotContain("/Report/Request/", await viewer.GetStringAsync($"/Mentorships/{requestId}"), StringComparison.Ordinal);

        var missing = await viewer.PostAsync($"/Report/Profile/{mentor.Id}", new { Input__Text = "rude" });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.NotNull(Forms.FieldError(await missing.Content.ReadAsStringAsync(), "Input_Reason"));
        Assert.False(await app.WithDbAsync(db => db.Reports.AnyAsync(r => r.ReporterId == mentee.Id)));

        var sent = await viewer.PostAsync($"/Report/Profile/{mentor.Id}", new { Input__Reason = "Spam", Input__Text = "Selling courses." });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Reports.AnyAsync(r => r.ReporterId == mentee.Id && r.Kind == ReportKind.Profile && r.Text == "Selling courses.")));

        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/Report/Profile/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/Report/Gossip/{mentor.Id}")).StatusCode);
    }

    private static Task<HttpResponseMessage> Report(Person who, string kind, Guid itemId) =>
        ModerationApp.FileAsync(who, new JsonObject { ["kind"] = kind, ["itemId"] = itemId, ["reason"] = "Harassment" });
}
