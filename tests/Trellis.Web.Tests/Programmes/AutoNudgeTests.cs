using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Trellis.Web.Features.Meetings;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Features.Programmes.Health;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Programmes;

/// <summary>Issue 13 item 4: automatic nudges per programme, each sent exactly once per occurrence however many nodes
/// run the job at once (four concurrent runs on one database), on a fake clock.</summary>
public sealed class AutoNudgeTests(HealthApp app) : IClassFixture<HealthApp>
{
    private ProgrammeNudges Node(DateTimeOffset now) => new(app.Services.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(now));

    private static object AllOn(Guid version) => new
    {
        noMeetingOn = true, noMeetingWeeks = 4, requestPendingOn = true, requestPendingDays = 7,
        notMatchedOn = true, notMatchedDays = 14, enrolmentUnfinishedOn = true, enrolmentUnfinishedDays = 3, version,
    };

    private Task<int> ClaimsAsync(Guid programmeId, NudgeKind kind) =>
        app.WithDbAsync(db => db.NudgeClaims.CountAsync(c => c.ProgrammeId == programmeId && c.Kind == kind));

    private Task<int> NotificationsAsync(Guid memberId, string startsWith) =>
        app.WithDbAsync(db => db.Notifications.CountAsync(n => n.MemberId == memberId && n.Kind == NotificationKind.Programme && n.Title.StartsWith(startsWith)));

    private Task<int> OutboxAsync(string email, string startsWith) =>
        app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == email && m.Subject.StartsWith(startsWith)));

    [Fact]
    public async Task Settings_AreValidatedNamingTheField_StaleIs409_AndOnlyCoordinatorsSeeThem()
    {
        var programme = await app.ByHandAsync("Nudge settings");
        var current = await programme.Owner.Api.GetFromJsonAsync<JsonObject>($"{programme.Api}/nudge-settings");
        Assert.False((bool)current!["noMeetingOn"]!);
        Assert.Equal(4, (int)current["noMeetingWeeks"]!);
        var version = (Guid)current["version"]!;

        var bad = await programme.Owner.Api.PutAsJsonAsync($"{programme.Api}/nudge-settings", new
        {
            noMeetingOn = true, noMeetingWeeks = 0, requestPendingOn = true, requestPendingDays = 61,
            notMatchedOn = true, notMatchedDays = 14, enrolmentUnfinishedOn = true, enrolmentUnfinishedDays = 3, version,
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ErrorsAsync()).Select(e => e.Key).ToList();
        Assert.Contains("noMeetingWeeks", errors);
        Assert.Contains("requestPendingDays", errors);
        Assert.Equal(0, await app.WithDbAsync(db => db.NudgeSettings.CountAsync(s => s.ProgrammeId == programme.Id)));

        var saved = await programme.Owner.Api.PutAsJsonAsync($"{programme.Api}/nudge-settings", AllOn(version));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.NudgeSettings.AnyAsync(s => s.ProgrammeId == programme.Id && s.NoMeetingOn && s.NotMatchedDays == 14)));
        var stale = await programme.Owner.Api.PutAsJsonAsync($"{programme.Api}/nudge-settings", AllOn(version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var third = await app.MenteeAsync("Theo Settings");
        Assert.Equal(HttpStatusCode.NotFound, (await third.Api.GetAsync($"{programme.Api}/nudge-settings")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await third.Api.PutAsJsonAsync($"{programme.Api}/nudge-settings", AllOn(version))).StatusCode);

        // The page's form: a bad threshold stays on the page next to its field; a good one saves and the health page's
        // signals use it.
        var page = $"{programme.Manage}/Health";
        var html = await programme.Owner.Member.Browser.GetStringAsync(page);
        var formVersion = System.Text.RegularExpressions.Regex.Match(html, "name=\"Settings.Version\" value=\"([^\"]+)\"").Groups[1].Value;
        var refused = await programme.Owner.Member.Browser.PostAsync(page, [new("Settings.Version", formVersion), new("Settings.NoMeetingWeeks", "27"),
            new("Settings.RequestPendingDays", "7"), new("Settings.NotMatchedDays", "14"), new("Settings.EnrolmentUnfinishedDays", "3")], handler: "Settings");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Must be between 1 and 26 weeks.", Forms.FieldError(await refused.Content.ReadAsStringAsync(), "Settings_NoMeetingWeeks"));
        var accepted = await programme.Owner.Member.Browser.PostAsync(page, [new("Settings.Version", formVersion), new("Settings.NoMeetingWeeks", "6"),
            new("Settings.RequestPendingDays", "7"), new("Settings.NotMatchedDays", "14"), new("Settings.EnrolmentUnfinishedDays", "3")], handler: "Settings");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var after = await app.WithDbAsync(db => db.NudgeSettings.AsNoTracking().SingleAsync(s => s.ProgrammeId == programme.Id));
        Assert.Equal((false, 6), (after.NoMeetingOn, after.NoMeetingWeeks));
        Assert.Equal(6, (int)(await programme.Owner.Api.GetFromJsonAsync<JsonObject>($"{programme.Api}/health"))!["rules"]!["noMeetingWeeks"]!);
    }

    [Fact]
    public async Task FourNodesAtOnce_SendEachNudgeExactlyOnce_AndTheNextOccurrenceOnceMore()
    {
        var programme = await app.ByHandAsync("Nudge nodes");
        var running = await app.RunningPairAsync(programme, "Silent");
        var waiting = await app.ProposedPairAsync(programme, "Waiting");
        var lonely = await app.MenteeAsync("Lena Lonely");
        await lonely.EnrolledAsync(programme, "Mentee");
        var unfinished = await app.MentorAsync("Ulla Unfinished");
        await unfinished.EnrolledAsync(programme, "Mentor");
        await app.WithDbAsync(db => db.Participants.Where(p => p.MemberId == unfinished.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ParticipantStatus.Incomplete)));
        await app.WithDbAsync(async db =>
        {
            db.NotificationPreferences.Add(new NotificationPreference(lonely.Id, NotificationKind.Programme, EmailFrequency.Never));
            await db.SaveChangesAsync();
        });
        var version = (Guid)(await programme.Owner.Api.GetFromJsonAsync<JsonObject>($"{programme.Api}/nudge-settings"))!["version"]!;
        (await programme.Owner.Api.PutAsJsonAsync($"{programme.Api}/nudge-settings", AllOn(version))).EnsureSuccessStatusCode();

        // Nothing is due yet.
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(0, await Node(now).RunOnceAsync(default));

        // Five weeks on: four nodes at once (and a fifth after them).
        var later = now.AddDays(35);
        var sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Node(later).RunOnceAsync(default)));
        await Node(later).RunOnceAsync(default);

        Assert.Equal(4, sent.Sum());
        foreach (var kind in new[] { NudgeKind.NoMeeting, NudgeKind.RequestPending, NudgeKind.NotMatched, NudgeKind.EnrolmentUnfinished })
            Assert.Equal(1, await ClaimsAsync(programme.Id, kind));
        Assert.Equal(1, await NotificationsAsync(running.Mentee.Id, "Nudge nodes: time for your next meeting?"));
        Assert.Equal(1, await NotificationsAsync(running.Mentor.Id, "Nudge nodes: time for your next meeting?"));
        Assert.Equal(1, await NotificationsAsync(waiting.Mentor.Id, "Nudge nodes: a proposal is waiting"));
        Assert.Equal(0, await app.WithDbAsync(db => db.NudgeClaims.CountAsync(c => c.SubjectId == waiting.Id && c.Kind != NudgeKind.RequestPending)));
        Assert.Equal(1, await NotificationsAsync(lonely.Id, "Nudge nodes: your match is on its way"));
        Assert.Equal(1, await NotificationsAsync(unfinished.Id, "Nudge nodes: finish your enrolment"));
        // E-mails: one each at the SMTP server; the mentee who turned programme e-mails off gets none.
        foreach (var (who, subject) in new[] { (running.Mentee, "Nudge nodes: time for your next meeting?"), (running.Mentor, "Nudge nodes: time for your next meeting?"),
                     (waiting.Mentor, "Nudge nodes: a proposal is waiting for your answer"), (unfinished, "Nudge nodes: finish your enrolment") })
        {
            await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == who.Member.Email) && m.Subject == subject);
            Assert.Equal(1, await OutboxAsync(who.Member.Email, subject));
        }
        Assert.Equal(0, await OutboxAsync(lonely.Member.Email, "Nudge nodes: your match is on its way"));

        // A week later, the weekly kinds are a new occurrence: once more each, still once across four nodes; the silent
        // pair and the waiting proposal are the same occurrence as before: nothing.
        var week = later.AddDays(7);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Node(week).RunOnceAsync(default)));
        Assert.Equal((1, 1, 2, 2), (await ClaimsAsync(programme.Id, NudgeKind.NoMeeting), await ClaimsAsync(programme.Id, NudgeKind.RequestPending),
            await ClaimsAsync(programme.Id, NudgeKind.NotMatched), await ClaimsAsync(programme.Id, NudgeKind.EnrolmentUnfinished)));
        Assert.Equal(2, await NotificationsAsync(lonely.Id, "Nudge nodes: your match is on its way"));

        // The pair meets, then falls silent again for four weeks: a new occurrence, sent once more.
        var met = week.AddDays(1);
        await app.WithDbAsync(async db =>
        {
            var meeting = new Meeting(running.Id, running.Mentee.Id, running.Mentee.Id, met, "UTC", 60, MeetingMedium.Video, true, met.AddDays(-2));
            Assert.Null(meeting.Confirm(running.Mentor.Id, met.AddDays(-1)));
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
        });
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Node(met.AddDays(27)).RunOnceAsync(default)));
        Assert.Equal(1, await ClaimsAsync(programme.Id, NudgeKind.NoMeeting));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Node(met.AddDays(28)).RunOnceAsync(default)));
        Assert.Equal(2, await ClaimsAsync(programme.Id, NudgeKind.NoMeeting));
        Assert.Equal(2, await NotificationsAsync(running.Mentor.Id, "Nudge nodes: time for your next meeting?"));

        // The log on the health page and API counts them.
        var health = (await programme.Owner.Api.GetFromJsonAsync<JsonObject>($"{programme.Api}/health"))!;
        var log = health["nudgeLog"]!.AsArray().ToDictionary(l => (string)l!["kind"]!, l => ((int)l!["nudges"]!, (int)l!["recipients"]!));
        Assert.Equal((2, 4), log["NoMeeting"]);
        Assert.Equal((1, 1), log["RequestPending"]);
        var page = await programme.Owner.Member.Browser.GetStringAsync($"{programme.Manage}/Health");
        Assert.Contains("<tr data-kind=\"NoMeeting\"><td>Pairs with no meeting</td><td>2</td><td>4</td></tr>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProgrammeWithNudgesOff_SendsNone()
    {
        var programme = await app.ByHandAsync("Nudge off");
        var pair = await app.RunningPairAsync(programme, "Off");

        await Node(DateTimeOffset.UtcNow.AddDays(60)).RunOnceAsync(default);

        Assert.Equal(0, await app.WithDbAsync(db => db.NudgeClaims.CountAsync(c => c.ProgrammeId == programme.Id)));
        Assert.Equal(0, await NotificationsAsync(pair.Mentee.Id, "Nudge off: time for your next meeting?"));
    }
}
