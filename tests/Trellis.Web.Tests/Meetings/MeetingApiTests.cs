using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Meetings;

public sealed class MeetingApiTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task Propose_Accept_Reschedule_Cancel_MovesTheMeeting_BumpsSequence_AndTellsTheOtherMember()
    {
        var pair = await app.ActivePairAsync(mentor: "Maria Flow", mentee: "Tom Flow");
        var start = MeetingBuilders.FutureLocal(3, DayOfWeek.Wednesday, 10);

        var proposed = await pair.Mentee.ProposeMeetingAsync(pair, start, "America/New_York");
        var id = proposed.MeetingId();
        Assert.Equal("Proposed", (string?)proposed.Meeting()["status"]);
        Assert.Equal(10, proposed.Local().Hour); // the mentee sees their own zone
        Assert.False((bool)proposed.Meeting()["awaitingMe"]!);

        var asMentor = await (await pair.Mentor.Api.GetAsync($"{pair.Meetings}/{id}")).ReadAsync();
        Assert.True((bool)asMentor.Meeting()["awaitingMe"]!);
        Assert.Equal(TimeZoneInfo.ConvertTime(proposed.StartsAt(), TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).Hour, asMentor.Local().Hour);
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.MemberId == pair.Mentor.Id && n.Kind == NotificationKind.MeetingChanged && n.Title == "Tom Flow proposed a meeting")));

        // The proposer cannot accept their own time.
        Assert.Equal(HttpStatusCode.Conflict, (await pair.Mentee.AcceptMeetingAsync(pair, proposed)).StatusCode);
        var accepted = await (await pair.Mentor.AcceptMeetingAsync(pair, asMentor)).ReadAsync();
        Assert.Equal("Confirmed", (string?)accepted.Meeting()["status"]);
        Assert.Equal(1, (int)accepted.Meeting()["sequence"]!);

        var moved = await (await pair.Mentor.Api.PostAsJsonAsync($"{pair.Meetings}/{id}/reschedule",
            new { version = accepted.MeetingVersion(), start = MeetingBuilders.FutureLocal(3, DayOfWeek.Thursday, 15), timeZone = "Europe/London" })).ReadAsync();
        Assert.Equal("Proposed", (string?)moved.Meeting()["status"]);
        Assert.Equal(2, (int)moved.Meeting()["sequence"]!);
        Assert.Equal(15, TimeZoneInfo.ConvertTime(moved.StartsAt(), TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).Hour);
        Assert.Equal((string?)proposed.Meeting()["uid"], (string?)moved.Meeting()["uid"]);
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.MemberId == pair.Mentee.Id && n.Kind == NotificationKind.MeetingChanged && n.Title.Contains("new time"))));

        var cancelled = await (await pair.Mentee.Api.PostAsJsonAsync($"{pair.Meetings}/{id}/cancel", new { version = moved.MeetingVersion(), note = "I'm travelling that week." })).ReadAsync();
        Assert.Equal("Cancelled", (string?)cancelled.Meeting()["status"]);
        Assert.Equal(3, (int)cancelled.Meeting()["sequence"]!);
        Assert.Equal("I'm travelling that week.", (string?)cancelled.Meeting()["cancellationNote"]);
        var cancelNote = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.MemberId == pair.Mentor.Id && n.Title == "Tom Flow cancelled your meeting"));
        Assert.Contains("travelling", cancelNote.Body, StringComparison.Ordinal);

        var timeline = await app.WithDbAsync(db => db.TimelineEntries.Where(t => t.MentorshipId == pair.Id && t.Kind == "meeting").Select(t => t.Text).ToListAsync());
        Assert.Contains(timeline, t => t.StartsWith("Tom Flow proposed a meeting", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.StartsWith("Maria Flow moved the meeting", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.StartsWith("Tom Flow cancelled the meeting", StringComparison.Ordinal));
        Assert.DoesNotContain(timeline, t => t.Contains("travelling", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStaleVersion_IsRefused_NotSilentlyOverwritten()
    {
        var pair = await app.ActivePairAsync(mentor: "Maria Stale", mentee: "Tom Stale");
        var proposed = await pair.Mentee.ProposeMeetingAsync(pair, MeetingBuilders.FutureLocal(4, DayOfWeek.Tuesday, 11), "America/New_York");
        var id = proposed.MeetingId();
        var seen = proposed.MeetingVersion();

        var first = await pair.Mentor.Api.PostAsJsonAsync($"{pair.Meetings}/{id}/reschedule", new { version = seen, start = MeetingBuilders.FutureLocal(4, DayOfWeek.Wednesday, 14), timeZone = "Europe/London" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await pair.Mentee.Api.PostAsJsonAsync($"{pair.Meetings}/{id}/reschedule", new { version = seen, start = MeetingBuilders.FutureLocal(4, DayOfWeek.Thursday, 9), timeZone = "America/New_York" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);

        var stored = await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(14, TimeZoneInfo.ConvertTime(stored.StartsAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).Hour);
        Assert.Equal(1, stored.Sequence);
    }

    [Fact]
    public async Task TwoMembersReschedulingAtTheSameMoment_OneWins_TheOtherGets409()
    {
        var pair = await app.ActivePairAsync(mentor: "Maria Race", mentee: "Tom Race");
        var proposed = await pair.Mentee.ProposeMeetingAsync(pair, MeetingBuilders.FutureLocal(5, DayOfWeek.Tuesday, 11), "America/New_York");
        var id = proposed.MeetingId();
        var seen = proposed.MeetingVersion();

        var answers = await Task.WhenAll(
            pair.Mentor.Api.PostAsJsonAsync($"{pair.Meetings}/{id}/reschedule", new { version = seen, start = MeetingBuilders.FutureLocal(5, DayOfWeek.Wednesday, 14), timeZone = "Europe/London" }),
            pair.Mentee.Api.PostAsJsonAsync($"{pair.Meetings}/{id}/reschedule", new { version = seen, start = MeetingBuilders.FutureLocal(5, DayOfWeek.Thursday, 9), timeZone = "America/New_York" }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        Assert.Equal(1, await app.WithDbAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => m.Sequence).SingleAsync()));
    }

    [Fact]
    public async Task AThirdMember_GetsNotFound_Everywhere_EvenWithRealIds()
    {
        var pair = await app.ActivePairAsync(mentor: "Maria Private", mentee: "Tom Private");
        var meeting = await pair.Mentee.ProposeMeetingAsync(pair, MeetingBuilders.FutureLocal(3, DayOfWeek.Monday, 11), "America/New_York");
        var id = meeting.MeetingId();
        var withNote = await (await pair.Mentee.Api.PostAsJsonAsync($"{pair.Meetings}/{id}/notes", new { text = "shared" })).ReadAsync();
        var noteId = (string)withNote["notes"]![0]!["id"]!;
        var withAction = await (await pair.Mentee.Api.PostAsJsonAsync($"{pair.Meetings}/{id}/actions", new { text = "Read the book", ownerId = pair.Mentee.Id })).ReadAsync();
        var actionId = (string)withAction["actions"]![0]!["id"]!;

        var other = await app.ActivePairAsync(mentor: "Olga Outsider", mentee: "Oscar Outsider");
        var stranger = other.Mentee;
        var before = await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == id));
        var body = new { version = meeting.MeetingVersion(), start = MeetingBuilders.FutureLocal(3, DayOfWeek.Tuesday, 11), note = "x", text = "x", ownerId = stranger.Id, done = true };
        foreach (var (method, path) in new[]
        {
            ("GET", pair.Meetings), ("POST", pair.Meetings), ("GET", $"{pair.Meetings}/{id}"), ("GET", $"{pair.Meetings}/{id}.ics"),
            ("POST", $"{pair.Meetings}/{id}/accept"), ("POST", $"{pair.Meetings}/{id}/reschedule"), ("POST", $"{pair.Meetings}/{id}/cancel"),
            ("POST", $"{pair.Meetings}/{id}/agenda"), ("POST", $"{pair.Meetings}/{id}/notes"), ("PUT", $"{pair.Meetings}/{id}/notes/{noteId}"),
            ("POST", $"{pair.Meetings}/{id}/actions"), ("PUT", $"{pair.Meetings}/{id}/actions/{actionId}/done"),
            // My own mentorship, their meeting: still not found.
            ("GET", $"{other.Meetings}/{id}"), ("POST", $"{other.Meetings}/{id}/cancel"), ("GET", $"{other.Meetings}/{id}.ics"),
            ("PUT", $"{other.Meetings}/{id}/actions/{actionId}/done"),
        })
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method != "GET") request.Content = JsonContent.Create(body);
            var response = await stranger.Api.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {(int)response.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Member.Browser.GetAsync($"/Mentorships/{pair.Id}/Meetings")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Member.Browser.GetAsync($"/Mentorships/{pair.Id}/Meetings/{id}")).StatusCode);

        var after = await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(before.Version, after.Version);
        Assert.False(await app.WithDbAsync(db => db.ActionItems.AnyAsync(a => a.Id == Guid.Parse(actionId) && a.DoneAt != null)));
    }

    [Fact]
    public async Task MyUpcomingMeetings_SpanAllMyMentorships_SoonestFirst_WithoutCancelledOnes()
    {
        var first = await app.ActivePairAsync(mentor: "Maria Upcoming", mentee: "Tom Upcoming");
        var second = await app.ActivePairAsync(mentor: "Mark Upcoming", mentee: "Tina Upcoming");
        var soon = await first.Mentor.ProposeMeetingAsync(first, MeetingBuilders.FutureLocal(1, DayOfWeek.Friday, 15), "Europe/London");
        var cancelled = await first.Mentor.ProposeMeetingAsync(first, MeetingBuilders.FutureLocal(2, DayOfWeek.Friday, 15), "Europe/London");
        (await first.Mentor.Api.PostAsJsonAsync($"{first.Meetings}/{cancelled.MeetingId()}/cancel", new { version = cancelled.MeetingVersion(), note = "No longer needed" })).EnsureSuccessStatusCode();

        var mine = (await first.Mentor.Api.GetFromJsonAsync<JsonArray>("/api/v1/me/meetings"))!.Select(m => m!.AsObject()).ToList();
        Assert.Contains(mine, m => m.MeetingId() == soon.MeetingId());
        Assert.DoesNotContain(mine, m => m.MeetingId() == cancelled.MeetingId());
        Assert.All(mine, m => Assert.Equal(first.Id, Guid.Parse((string)m["mentorshipId"]!)));
        Assert.Equal(mine.Select(m => m.StartsAt()).Order(), mine.Select(m => m.StartsAt()));
        Assert.All(mine, m => Assert.Equal("Tom Upcoming", (string?)m["withName"]));

        var theirs = (await second.Mentor.Api.GetFromJsonAsync<JsonArray>("/api/v1/me/meetings"))!;
        Assert.DoesNotContain(theirs, m => m!.AsObject().MeetingId() == soon.MeetingId());
    }
}
