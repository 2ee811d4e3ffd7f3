using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Reviews;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Reviews;

public sealed class RevisionTests(KeepingApp app) : IClassFixture<KeepingApp>
{
    private Task<Mentorship> StoredAsync(Guid id) =>
        app.WithDbAsync(db => db.Mentorships.AsNoTracking().Include(m => m.Versions).SingleAsync(m => m.Id == id));

    [Fact]
    public async Task ARevision_LeavesTheOldAgreementInForce_UntilTheOtherMemberAccepts()
    {
        var (mentor, mentee, id) = await app.ActiveAsync("Maria Revise", "Tom Revise");

        var proposed = await mentee.ReviseAsync(id, "", 1, a => { a["cadenceEvery"] = 2; a["cadenceUnit"] = "Weeks"; });
        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);

        var m = await StoredAsync(id);
        Assert.Equal((MentorshipStatus.Active, 1, 2), (m.Status, m.AcceptedVersion, m.CurrentVersion));
        Assert.True(m.HasRevisionOnTable);
        var mentorView = (await mentor.Api.GetFromJsonAsync<JsonObject>($"/api/v1/mentorships/{id}"))!;
        Assert.Equal(1, (int)mentorView["agreementInForce"]!["cadenceEvery"]!);
        Assert.Equal("Months", (string)mentorView["agreementInForce"]!["cadenceUnit"]!);
        Assert.True((bool)mentorView["revisionOnTable"]!);
        var told = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.MemberId == mentor.Id && n.Kind == NotificationKind.CounterProposal));
        Assert.Equal("Tom Revise proposes a revised agreement", told.Title);
        Assert.Contains("how often we meet every month → every 2 weeks", told.Body, StringComparison.Ordinal);
        Assert.Equal($"/Mentorships/{id}/Revise", told.Link);

        // Both see that a revision is on the table, and the version history.
        var details = await mentor.Member.Browser.GetStringAsync($"/Mentorships/{id}");
        Assert.Contains("A revision is on the table", details, StringComparison.Ordinal);
        Assert.Contains("The agreement in force (version 1)", details, StringComparison.Ordinal);
        Assert.Contains("id=\"version-2\"", details, StringComparison.Ordinal);
        Assert.Contains("Active", details, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Conflict, (await mentee.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/revisions/accept", new { version = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mentor.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/revisions/accept", new { version = 2 })).StatusCode);

        m = await StoredAsync(id);
        Assert.Equal((MentorshipStatus.Active, 2, 2), (m.Status, m.AcceptedVersion, m.CurrentVersion));
        Assert.Equal((2, CadenceUnit.Weeks), (m.InForce!.CadenceEvery, m.InForce.CadenceUnit));
        Assert.NotNull(m.ActivatedAt);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == mentee.Id && n.Title == "Maria Revise accepted the revised agreement")));
        Assert.Equal(3, await app.WithDbAsync(db => db.TimelineEntries.CountAsync(t => t.MentorshipId == id && t.Kind == "agreement")));
        Assert.Contains("The agreement in force (version 2)", await mentee.Member.Browser.GetStringAsync($"/Mentorships/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACounterToARevision_IsAcceptedByTheFirstProposer_AndStaleVersionsGet409()
    {
        var (mentor, mentee, id) = await app.ActiveAsync("Maria Counter", "Tom Counter");
        Assert.Equal(HttpStatusCode.OK, (await mentor.ReviseAsync(id, "", 1, a => a["meetingMinutes"] = 30)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await mentee.ReviseAsync(id, "", 1, a => a["meetingMinutes"] = 45)).StatusCode); // one revision at a time
        Assert.Equal(HttpStatusCode.Conflict, (await mentee.ReviseAsync(id, "/counter", 1, a => a["meetingMinutes"] = 45)).StatusCode); // stale
        Assert.Equal(HttpStatusCode.Conflict, (await mentor.ReviseAsync(id, "/counter", 2, a => a["meetingMinutes"] = 45)).StatusCode); // their own
        Assert.Equal(HttpStatusCode.OK, (await mentee.ReviseAsync(id, "/counter", 2, a => a["meetingMinutes"] = 45)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await mentor.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/revisions/accept", new { version = 2 })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await mentor.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/revisions/accept", new { version = 3 })).StatusCode);

        var m = await StoredAsync(id);
        Assert.Equal((3, 3, 45), (m.AcceptedVersion!.Value, m.CurrentVersion, m.InForce!.MeetingMinutes));
    }

    [Fact]
    public async Task WithdrawnOrDeclined_TheAgreementInForceStays_AndTheHistoryKeepsEveryVersion()
    {
        var (mentor, mentee, id) = await app.ActiveAsync("Maria Decline", "Tom Decline");
        Assert.Equal(HttpStatusCode.OK, (await mentee.ReviseAsync(id, "", 1, a => a["medium"] = "Video")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await mentor.Api.PostAsync($"/api/v1/mentorships/{id}/revisions/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await mentee.Api.PostAsync($"/api/v1/mentorships/{id}/revisions/decline", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mentee.Api.PostAsync($"/api/v1/mentorships/{id}/revisions/withdraw", null)).StatusCode);

        var m = await StoredAsync(id);
        Assert.Equal((1, 1, MentorshipStatus.Active), (m.AcceptedVersion!.Value, m.CurrentVersion, m.Status));
        Assert.False(m.HasRevisionOnTable);
        Assert.NotNull(m.Versions.Single(v => v.Number == 2).SetAsideAt);
        Assert.Equal(HttpStatusCode.Conflict, (await mentor.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/revisions/accept", new { version = 2 })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await mentor.ReviseAsync(id, "", 1, a => a["responseWithinDays"] = 7)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mentee.Api.PostAsync($"/api/v1/mentorships/{id}/revisions/decline", null)).StatusCode);

        m = await StoredAsync(id);
        Assert.Equal((1, 1, 3), (m.AcceptedVersion!.Value, m.CurrentVersion, m.Versions.Count));
        Assert.Equal("Phone", m.InForce!.Medium.ToString());
        var history = await mentee.Member.Browser.GetStringAsync($"/Mentorships/{id}");
        Assert.Contains("id=\"version-3\"", history, StringComparison.Ordinal);
        Assert.Contains("not agreed", history, StringComparison.Ordinal);
        Assert.Contains("Changes from version 1:", history, StringComparison.Ordinal); // version 3 answered the agreement in force, not version 2
        Assert.DoesNotContain("A revision is on the table", history, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == mentor.Id && n.Title == "Tom Decline would rather keep your current agreement")));
    }

    [Fact]
    public async Task Revising_WorksWhilePaused_ButNotForAnOpenRequestOrAClosedMentorship()
    {
        var (mentor, mentee, id) = await app.ActiveAsync("Maria States", "Tom States");
        await app.SetStatusAsync(id, MentorshipStatus.Paused);
        Assert.Equal(HttpStatusCode.OK, (await mentee.ReviseAsync(id, "", 1, a => a["cadenceEvery"] = 3)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mentor.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/revisions/accept", new { version = 2 })).StatusCode);
        Assert.Equal(MentorshipStatus.Paused, (await StoredAsync(id)).Status);

        await app.SetStatusAsync(id, MentorshipStatus.Completed);
        var closed = await mentee.ReviseAsync(id, "", 2);
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("only while it is active or paused", await closed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var other = await app.MentorAsync("Maria Request");
        var request = (await mentee.ProposeAsync(other)).Id();
        Assert.Equal(HttpStatusCode.Conflict, (await mentee.ReviseAsync(request, "", 1)).StatusCode);
        Assert.Single((await StoredAsync(request)).Versions);
    }

    [Fact]
    public async Task BadInput_Gets400NamingTheField_AThirdMember404_AndNothingIsWritten()
    {
        var (_, mentee, id) = await app.ActiveAsync("Maria Input", "Tom Input");
        var stranger = await app.MenteeAsync("Eve Revise");

        var bad = await mentee.ReviseAsync(id, "", 1, a => a["meetingMinutes"] = 5);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["agreement.meetingMinutes"]);
        var noVersion = await mentee.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/revisions", new JsonObject { ["agreement"] = MentorshipBuilders.Agreement() });
        Assert.NotNull((await noVersion.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["basedOnVersion"]);

        foreach (var path in new[] { "", "/counter", "/accept", "/withdraw", "/decline" })
        {
            var response = await stranger.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/revisions{path}",
                new JsonObject { ["basedOnVersion"] = 1, ["version"] = 1, ["agreement"] = MentorshipBuilders.Agreement() });
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Member.Browser.GetAsync($"/Mentorships/{id}/Revise")).StatusCode);
        Assert.Single((await StoredAsync(id)).Versions);
    }

    [Fact]
    public async Task ARevision_MayKeepTheStartDateAlreadyPast()
    {
        var (mentor, mentee, id) = await app.ActiveAsync("Maria Past", "Tom Past");
        var started = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-60);
        await app.WithDbAsync(db => db.AgreementVersions.Where(v => v.MentorshipId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.StartDate, started)));
        var date = started.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.OK, (await mentee.ReviseAsync(id, "", 1, a => { a["startDate"] = date; a["meetingMinutes"] = 90; })).StatusCode);
        var earlier = await mentor.ReviseAsync(id, "/counter", 2, a => a["startDate"] = started.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.BadRequest, earlier.StatusCode);
        Assert.NotNull((await earlier.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["agreement.startDate"]);
    }

    [Fact]
    public async Task TheRevisePage_IsPrefilled_ProposesAndAnswers()
    {
        var (mentor, mentee, id) = await app.ActiveAsync("Maria Page", "Tom Page");
        var page = $"/Mentorships/{id}/Revise";
        var form = await mentee.Member.Browser.GetStringAsync(page);
        Assert.Contains("<option value=\"Months\" selected=\"selected\">", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.BasedOnVersion\" value=\"1\"", form, StringComparison.Ordinal);
        Assert.Contains("propose new terms and the other person can accept them", form, StringComparison.Ordinal);
        Assert.DoesNotContain("The seed", form, StringComparison.Ordinal);

        var sent = await mentee.Member.Browser.PostAsync(page, KeepingBuilders.AgreementFormFields(form, ("Input.Agreement.CadenceEvery", "2")));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(2, (await StoredAsync(id)).CurrentVersion);

        var answer = await mentor.Member.Browser.GetStringAsync(page);
        Assert.Contains("id=\"accept-revision\"", answer, StringComparison.Ordinal);
        Assert.Contains("<del>every month</del>", answer, StringComparison.Ordinal);
        Assert.Contains("<ins>every 2 months</ins>", answer, StringComparison.Ordinal);
        var accepted = await mentor.Member.Browser.PostAsync(page + "?version=2", new Dictionary<string, string>(), handler: "Accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(2, (await StoredAsync(id)).AcceptedVersion);
    }

    [Fact]
    public async Task AcceptingANewReviewInterval_MovesAReviewThatIsNotDueYet()
    {
        var (mentor, mentee, id) = await app.ActiveAsync("Maria Interval", "Tom Interval");
        await new ReviewReminders(app.Services.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(DateTimeOffset.UtcNow)).RunOnceAsync(default);
        var before = await app.WithDbAsync(db => db.Reviews.Where(r => r.MentorshipId == id).Select(r => r.DueAt).SingleAsync());

        Assert.Equal(HttpStatusCode.OK, (await mentee.ReviseAsync(id, "", 1, a => a["reviewEveryMonths"] = 1)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mentor.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/revisions/accept", new { version = 2 })).StatusCode);

        var after = await app.WithDbAsync(db => db.Reviews.Where(r => r.MentorshipId == id).Select(r => r.DueAt).SingleAsync());
        Assert.Equal(before.AddMonths(-2), after);
    }
}
