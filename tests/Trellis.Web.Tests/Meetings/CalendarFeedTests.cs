using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Meetings;

public sealed class CalendarFeedTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task TheFeed_IsPrivate_StoredHashed_NotCached_AndRegeneratingRevokesTheOldAddress()
    {
        var pair = await app.ActivePairAsync(mentor: "Maria Feed", mentee: "Tom Feed");
        Assert.False((bool)(await pair.Mentee.Api.GetFromJsonAsync<JsonObject>("/api/v1/me/calendar"))!["active"]!);

        var made = await (await pair.Mentee.Api.PostAsync("/api/v1/me/calendar", null)).ReadAsync();
        var url = new Uri((string)made["url"]!);
        var token = url.AbsolutePath["/calendar/".Length..^".ics".Length];
        Assert.True(Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + "=").Length >= 16, "at least 128 bits");

        var feed = await app.Anonymous().GetAsync(url.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        Assert.True(feed.Headers.CacheControl?.Private);
        Assert.True(feed.Headers.CacheControl?.NoStore);
        var ics = await feed.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Contains("Mentoring: Maria Feed and Tom Feed", ics, StringComparison.Ordinal);

        // Only a hash is stored; the address is not shown again.
        var stored = await app.WithDbAsync(db => db.CalendarFeeds.AsNoTracking().SingleAsync(f => f.MemberId == pair.Mentee.Id));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);
        var later = (await pair.Mentee.Api.GetFromJsonAsync<JsonObject>("/api/v1/me/calendar"))!;
        Assert.True((bool)later["active"]!);
        Assert.Null(later["url"]);

        var remade = await (await pair.Mentee.Api.PostAsync("/api/v1/me/calendar", null)).ReadAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync(url.PathAndQuery)).StatusCode);
        var newUrl = new Uri((string)remade["url"]!);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync(newUrl.PathAndQuery)).StatusCode);

        (await pair.Mentee.Api.DeleteAsync("/api/v1/me/calendar")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync(newUrl.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/calendar/not-a-real-token-at-all-000000000.ics")).StatusCode);
    }

    /// <summary>
    /// The closing note's example: a monthly cadence (two confirmed meetings, each proposing the next) and a
    /// cancelled one, read back with Ical.Net's own parser. Set TRELLIS_WRITE_CALENDAR_EXAMPLE=1 to write it
    /// to docs/calendar-example.ics.
    /// </summary>
    [Fact]
    public async Task AFeedWithAMonthlyCadenceAndACancelledMeeting_RoundTripsThroughIcalNet()
    {
        var pair = await app.ActivePairAsync(mentor: "Maria Monthly", mentee: "Tom Monthly");
        var first = (await pair.Mentee.MeetingsAsync(pair))[0]!.AsObject();
        (await pair.Mentee.AcceptMeetingAsync(pair, first)).EnsureSuccessStatusCode();
        var second = (await pair.Mentee.MeetingsAsync(pair))[1]!.AsObject();
        (await pair.Mentor.AcceptMeetingAsync(pair, second)).EnsureSuccessStatusCode();
        var third = (await pair.Mentee.MeetingsAsync(pair))[2]!.AsObject();
        (await pair.Mentee.Api.PostAsJsonAsync($"{pair.Meetings}/{third.MeetingId()}/cancel", new { version = third.MeetingVersion(), note = "My sister's wedding" })).EnsureSuccessStatusCode();
        (await pair.Mentee.Api.PostAsJsonAsync($"{pair.Meetings}/{first.MeetingId()}/notes", new { text = "SECRET private reflection", @private = true })).EnsureSuccessStatusCode();

        var url = new Uri((string)(await (await pair.Mentee.Api.PostAsync("/api/v1/me/calendar", null)).ReadAsync())["url"]!);
        var ics = await app.Anonymous().GetStringAsync(url.PathAndQuery);
        if (Environment.GetEnvironmentVariable("TRELLIS_WRITE_CALENDAR_EXAMPLE") == "1")
            await File.WriteAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "calendar-example.ics"), ics);

        Assert.DoesNotContain("SECRET", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("wedding", ics, StringComparison.Ordinal);
        var parsed = Calendar.Load(ics)!;
        var meetings = await app.WithDbAsync(db => db.Meetings.AsNoTracking().Where(m => m.MentorshipId == pair.Id).OrderBy(m => m.StartsAt).ToListAsync());
        Assert.Equal(3, meetings.Count);
        Assert.Equal(meetings.Select(m => m.Uid), parsed.Events.Select(e => e.Uid));
        Assert.Contains(parsed.TimeZones, z => z.TzId == "Europe/London");
        foreach (var (meeting, e) in meetings.Zip(parsed.Events))
        {
            Assert.Equal("Europe/London", e.DtStart!.TzId);
            Assert.Equal(meeting.StartsAt.UtcDateTime, e.DtStart.AsUtc);
            Assert.Equal(meeting.EndsAt.UtcDateTime, e.DtEnd!.AsUtc);
            Assert.Equal(meeting.Sequence, e.Sequence);
        }
        Assert.Equal([EventStatus.Confirmed, EventStatus.Confirmed, EventStatus.Cancelled], parsed.Events.Select(e => e.Status));
        Assert.Equal([1, 1, 1], parsed.Events.Select(e => e.Sequence));
        // Monthly, at the organiser's same wall-clock time.
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        Assert.Single(meetings.Select(m => TimeZoneInfo.ConvertTime(m.StartsAt, london).TimeOfDay).Distinct());
        Assert.Contains("STATUS:CANCELLED", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/London:", ics, StringComparison.Ordinal);

        // The single-meeting download carries the same UID and SEQUENCE, for members only.
        var download = await pair.Mentor.Api.GetAsync($"{pair.Meetings}/{third.MeetingId()}.ics");
        Assert.Equal("text/calendar", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var one = Calendar.Load(await download.Content.ReadAsStringAsync())!.Events.Single();
        Assert.Equal(meetings[2].Uid, one.Uid);
        Assert.Equal(meetings[2].Sequence, one.Sequence);
        Assert.Equal(EventStatus.Cancelled, one.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync($"{pair.Meetings}/{third.MeetingId()}.ics")).StatusCode);
    }

    [Fact]
    public async Task ATentativeMeeting_ThenItsNewTime_KeepsItsUid_WithAHigherSequence()
    {
        var pair = await app.ActivePairAsync(mentor: "Maria Moves", mentee: "Tom Moves");
        var first = (await pair.Mentee.MeetingsAsync(pair))[0]!.AsObject();
        var before = Calendar.Load(await pair.Mentee.Api.GetStringAsync($"{pair.Meetings}/{first.MeetingId()}.ics"))!.Events.Single();
        Assert.Equal(EventStatus.Tentative, before.Status);

        var moved = await (await pair.Mentee.Api.PostAsJsonAsync($"{pair.Meetings}/{first.MeetingId()}/reschedule",
            new { version = first.MeetingVersion(), start = MeetingBuilders.FutureLocal(6, DayOfWeek.Thursday, 10), timeZone = "America/New_York" })).ReadAsync();
        var after = Calendar.Load(await pair.Mentee.Api.GetStringAsync($"{pair.Meetings}/{first.MeetingId()}.ics"))!.Events.Single();
        Assert.Equal(before.Uid, after.Uid);
        Assert.True(after.Sequence > before.Sequence);
        Assert.Equal(moved.StartsAt().UtcDateTime, after.DtStart!.AsUtc);
        Assert.Equal("Europe/London", after.DtStart.TzId); // still the organiser's zone
    }

    [Fact]
    public async Task ADeletedAccountsFeed_StopsWorking()
    {
        var pair = await app.ActivePairAsync(mentor: "Maria Gone", mentee: "Tom Gone");
        var url = new Uri((string)(await (await pair.Mentee.Api.PostAsync("/api/v1/me/calendar", null)).ReadAsync())["url"]!);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync(url.PathAndQuery)).StatusCode);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == pair.Mentee.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DeletedAt, DateTimeOffset.UtcNow)));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync(url.PathAndQuery)).StatusCode);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "docs", "decisions"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
