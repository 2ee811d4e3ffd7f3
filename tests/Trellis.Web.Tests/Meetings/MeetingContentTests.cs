using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Meetings;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Meetings;

public sealed class MeetingContentTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task APrivateNote_IsSeenByItsAuthorOnly_ThroughTheApiThePageTheTimelineAndTheFeed()
    {
        var pair = await app.ActivePairAsync(mentor: "Maria Notes", mentee: "Tom Notes");
        var meeting = (await pair.Mentee.MeetingsAsync(pair))[0]!.AsObject();
        var path = $"{pair.Meetings}/{meeting.MeetingId()}";
        const string secret = "I am thinking of leaving my job ZX81";
        var mine = await (await pair.Mentee.Api.PostAsJsonAsync($"{path}/notes", new { text = secret, @private = true })).ReadAsync();
        var privateId = Guid.Parse((string)mine["notes"]![0]!["id"]!);
        (await pair.Mentee.Api.PostAsJsonAsync($"{path}/notes", new { text = "We agreed on **three** things", @private = false })).EnsureSuccessStatusCode();

        var theirs = await (await pair.Mentor.Api.GetAsync(path)).ReadAsync();
        Assert.Equal(["We agreed on **three** things"], theirs["notes"]!.AsArray().Select(n => (string?)n!["text"]));
        Assert.DoesNotContain("ZX81", theirs.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(2, (await (await pair.Mentee.Api.GetAsync(path)).ReadAsync())["notes"]!.AsArray().Count);

        var theirPage = await pair.Mentor.Member.Browser.GetStringAsync($"/Mentorships/{pair.Id}/Meetings/{meeting.MeetingId()}");
        Assert.DoesNotContain("ZX81", theirPage, StringComparison.Ordinal);
        Assert.Contains("<strong>three</strong>", theirPage, StringComparison.Ordinal); // shared notes are rendered Markdown
        var myPage = await pair.Mentee.Member.Browser.GetStringAsync($"/Mentorships/{pair.Id}/Meetings/{meeting.MeetingId()}");
        Assert.Contains("ZX81", myPage, StringComparison.Ordinal);

        // The other member cannot edit it either, and it left no trace they could read.
        Assert.Equal(HttpStatusCode.NotFound, (await pair.Mentor.Api.PutAsJsonAsync($"{path}/notes/{privateId}", new { text = "overwritten" })).StatusCode);
        Assert.Equal(secret, await app.WithDbAsync(db => db.MeetingNotes.Where(n => n.Id == privateId).Select(n => n.Text).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.TimelineEntries.AnyAsync(t => t.Text.Contains("ZX81"))));
        Assert.False(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Body.Contains("ZX81") || n.Title.Contains("ZX81"))));
        var feed = new Uri((string)(await (await pair.Mentor.Api.PostAsync("/api/v1/me/calendar", null)).ReadAsync())["url"]!);
        Assert.DoesNotContain("ZX81", await app.Anonymous().GetStringAsync(feed.PathAndQuery), StringComparison.Ordinal);

        var edited = await (await pair.Mentee.Api.PutAsJsonAsync($"{path}/notes/{privateId}", new { text = "Still private ZX82", @private = true })).ReadAsync();
        Assert.Contains(edited["notes"]!.AsArray(), n => (string?)n!["text"] == "Still private ZX82" && (bool)n["private"]!);
    }

    [Fact]
    public async Task AgendaItemsAndActionItems_AreSharedByBoth_AndActionsCanBeMarkedDone()
    {
        var pair = await app.ActivePairAsync(mentor: "Maria Agenda", mentee: "Tom Agenda");
        var meeting = (await pair.Mentee.MeetingsAsync(pair))[0]!.AsObject();
        var path = $"{pair.Meetings}/{meeting.MeetingId()}";
        (await pair.Mentee.Api.PostAsJsonAsync($"{path}/agenda", new { text = "How to ask for a promotion" })).EnsureSuccessStatusCode();
        (await pair.Mentor.Api.PostAsJsonAsync($"{path}/agenda", new { text = "Your roadmap draft" })).EnsureSuccessStatusCode();
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)).ToString("yyyy-MM-dd");
        var withAction = await (await pair.Mentor.Api.PostAsJsonAsync($"{path}/actions", new { text = "Send the draft", ownerId = pair.Mentee.Id, dueOn = due })).ReadAsync();
        var action = withAction["actions"]![0]!;
        Assert.Equal("Tom Agenda", (string?)action["ownerName"]);
        Assert.Equal(due, (string?)action["dueOn"]);

        var done = await (await pair.Mentee.Api.PutAsJsonAsync($"{path}/actions/{action["id"]}/done", new { done = true })).ReadAsync();
        Assert.True((bool)done["actions"]![0]!["done"]!);
        var seenByMentor = await (await pair.Mentor.Api.GetAsync(path)).ReadAsync();
        Assert.Equal(["How to ask for a promotion", "Your roadmap draft"], seenByMentor["agenda"]!.AsArray().Select(a => (string?)a!["text"]));
        Assert.True((bool)seenByMentor["actions"]![0]!["done"]!);
        var undone = await (await pair.Mentor.Api.PutAsJsonAsync($"{path}/actions/{action["id"]}/done", new { done = false })).ReadAsync();
        Assert.False((bool)undone["actions"]![0]!["done"]!);
    }

    public static TheoryData<string, object, string> BadMeetings => new()
    {
        { "start", new { start = "next tuesday" }, "date and time" },
        { "start", new { start = "2020-01-01T10:00" }, "future" },
        { "start", new { }, "required" },
        { "end", new { start = "2031-03-05T10:00", end = "2031-03-05T09:00" }, "after the start" },
        { "end", new { start = "2031-03-05T10:00", end = "2031-03-05T19:00" }, "between 15 and 240" },
        { "minutes", new { start = "2031-03-05T10:00", minutes = 10 }, "between 15 and 240" },
        { "minutes", new { start = "2031-03-05T10:00", minutes = 241 }, "between 15 and 240" },
        { "timeZone", new { start = "2031-03-05T10:00", timeZone = "Mars/Olympus_Mons" }, "Pick a time zone from the list, or type a city, such as London or Europe/London." },
        { "start", new { start = "2031-03-30T01:30", timeZone = "Europe/London" }, "clocks go forward" },
        { "medium", new { start = "2031-03-05T10:00", medium = "Pigeon" }, "" },
    };

    [Theory]
    [MemberData(nameof(BadMeetings))]
    public async Task ProposingABadMeeting_Is400NamingTheField_AndWritesNothing(string field, object body, string message)
    {
        var pair = await app.ActivePairAsync(mentor: $"Maria Bad {field}", mentee: $"Tom Bad {field}");
        var before = await CountsAsync();

        var response = await pair.Mentee.Api.PostAsJsonAsync(pair.Meetings, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"errors should name {field}: {errors.ToJsonString()}");
        Assert.Contains(message, errors[field]![0]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task BadAnswers_Are400NamingTheField_AndChangeNothing()
    {
        var pair = await app.ActivePairAsync(mentor: "Maria Bad Answers", mentee: "Tom Bad Answers");
        var meeting = (await pair.Mentee.MeetingsAsync(pair))[0]!.AsObject();
        var path = $"{pair.Meetings}/{meeting.MeetingId()}";
        var before = await CountsAsync();
        var version = await app.WithDbAsync(db => db.Meetings.Where(m => m.Id == meeting.MeetingId()).Select(m => m.Version).SingleAsync());

        foreach (var (url, body, field) in new (string, object, string)[]
        {
            ($"{path}/agenda", new { text = "   " }, "text"),
            ($"{path}/agenda", new { text = new string('a', AgendaItem.TextMax + 1) }, "text"),
            ($"{path}/notes", new { text = "" }, "text"),
            ($"{path}/actions", new { text = "Do it", ownerId = Guid.NewGuid() }, "ownerId"),
            ($"{path}/actions", new { text = "", ownerId = pair.Mentee.Id }, "text"),
            ($"{path}/cancel", new { version = meeting.MeetingVersion(), note = "" }, "note"),
            ($"{path}/cancel", new { note = "Sorry" }, "version"),
            ($"{path}/reschedule", new { version = meeting.MeetingVersion(), start = "2020-05-05T10:00" }, "start"),
            ($"{path}/reschedule", new { version = meeting.MeetingVersion(), start = "2031-05-05T10:00", end = "2031-05-05T10:05" }, "end"),
            ($"{path}/reschedule", new { version = meeting.MeetingVersion(), start = "2031-05-05T10:00", timeZone = "Nowhere/Land" }, "timeZone"),
            ($"{path}/actions", new { text = "Do it", ownerId = pair.Mentee.Id, dueOn = "someday" }, "dueOn"),
        })
        {
            var response = await pair.Mentee.Api.PostAsJsonAsync(url, body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} {field}: {(int)response.StatusCode}");
            var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
            Assert.True(errors.ContainsKey(field), $"{url}: errors should name {field}: {errors.ToJsonString()}");
        }
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(version, await app.WithDbAsync(db => db.Meetings.Where(m => m.Id == meeting.MeetingId()).Select(m => m.Version).SingleAsync()));
    }

    [Fact]
    public async Task HoursHeld_CountsConfirmedMeetingsInThePast_WhereTheMemberIsTheMentor()
    {
        var pair = await app.ActivePairAsync(mentor: "Maria Impact", mentee: "Tom Impact");
        var first = (await pair.Mentee.MeetingsAsync(pair))[0]!.AsObject();
        (await pair.Mentee.AcceptMeetingAsync(pair, first)).EnsureSuccessStatusCode();
        var start = first.StartsAt();

        Assert.Equal(0, await app.WithDbAsync(db => MeetingStats.HoursHeldAsync(db, pair.Mentor.Id, start.AddMinutes(30), default)));
        Assert.Equal(1, await app.WithDbAsync(db => MeetingStats.HoursHeldAsync(db, pair.Mentor.Id, start.AddHours(2), default)));
        Assert.Equal(0, await app.WithDbAsync(db => MeetingStats.HoursHeldAsync(db, pair.Mentee.Id, start.AddHours(2), default)));
        // The proposed (unconfirmed) next meeting a month later does not count.
        Assert.Equal(1, await app.WithDbAsync(db => MeetingStats.HoursHeldAsync(db, pair.Mentor.Id, start.AddDays(40), default)));
    }

    private Task<(int, int, int, int, int)> CountsAsync() => app.WithDbAsync(async db => (
        await db.Meetings.CountAsync(), await db.AgendaItems.CountAsync(), await db.MeetingNotes.CountAsync(), await db.ActionItems.CountAsync(),
        await db.Meetings.SumAsync(m => m.Sequence)));
}
