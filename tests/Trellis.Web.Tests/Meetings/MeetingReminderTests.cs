using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Trellis.Web.Features.Meetings;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Meetings;

/// <summary>The scheduler is off; each test drives the reminder job by hand with a fake clock.</summary>
public sealed class ReminderApp : TrellisApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:Run"] = "false" };
}

public sealed class MeetingReminderTests(ReminderApp app) : IClassFixture<ReminderApp>
{
    private MeetingReminders Node(FakeTimeProvider clock) => new(app.Services.GetRequiredService<IServiceScopeFactory>(), clock);

    private Task<List<Notification>> RemindersAsync(Guid member, Guid meetingId) => app.WithDbAsync(db => db.Notifications.AsNoTracking()
        .Where(n => n.MemberId == member && n.Kind == NotificationKind.MeetingReminder && n.Link!.EndsWith(meetingId.ToString())).ToListAsync());

    private async Task<(Pair Pair, Meeting Meeting)> ConfirmedFirstMeetingAsync(string who)
    {
        var pair = await app.ActivePairAsync(mentor: $"Maria {who}", mentee: $"Tom {who}");
        var first = (await pair.Mentee.MeetingsAsync(pair))[0]!.AsObject();
        (await pair.Mentee.AcceptMeetingAsync(pair, first)).EnsureSuccessStatusCode();
        return (pair, await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == first.MeetingId())));
    }

    [Fact]
    public async Task EachReminder_GoesOutExactlyOnce_ToBothMembers_ByEmailAndInApp()
    {
        var (pair, meeting) = await ConfirmedFirstMeetingAsync("Once");
        var clock = new FakeTimeProvider(meeting.StartsAt.AddHours(-25));
        var job = Node(clock);

        await job.RunOnceAsync(default);
        Assert.Empty(await RemindersAsync(pair.Mentee.Id, meeting.Id));

        clock.SetUtcNow(meeting.StartsAt.AddHours(-23));
        for (var i = 0; i < 3; i++) await job.RunOnceAsync(default);
        foreach (var member in new[] { pair.Mentee, pair.Mentor })
        {
            var day = Assert.Single(await RemindersAsync(member.Id, meeting.Id));
            Assert.Contains("tomorrow", day.Title, StringComparison.Ordinal);
        }
        var mail = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == pair.Mentee.Member.Email) && (m.Subject ?? "").Contains("Reminder: meeting with Maria Once tomorrow", StringComparison.Ordinal));
        Assert.Contains("09:00", mail.TextBody, StringComparison.Ordinal); // 14:00 in London is 09:00 in New York, in the mentee's own zone

        clock.SetUtcNow(meeting.StartsAt.AddMinutes(-50));
        for (var i = 0; i < 3; i++) await job.RunOnceAsync(default);
        clock.SetUtcNow(meeting.StartsAt.AddMinutes(-5));
        await job.RunOnceAsync(default);
        foreach (var member in new[] { pair.Mentee, pair.Mentor })
        {
            var all = await RemindersAsync(member.Id, meeting.Id);
            Assert.Equal(2, all.Count);
            Assert.Single(all, n => n.Title.Contains("in an hour", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task CancelledAndRescheduledAwayMeetings_GetNoReminderForTheOldTime_AndTheNewTimeGetsItsOwn()
    {
        var (pair, cancelled) = await ConfirmedFirstMeetingAsync("Cancel");
        var current = (await pair.Mentee.Api.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"{pair.Meetings}/{cancelled.Id}"))!;
        (await pair.Mentee.Api.PostAsJsonAsync($"{pair.Meetings}/{cancelled.Id}/cancel", new { version = current.MeetingVersion(), note = "Ill" })).EnsureSuccessStatusCode();
        var clock = new FakeTimeProvider(cancelled.StartsAt.AddHours(-23));
        await Node(clock).RunOnceAsync(default);
        clock.SetUtcNow(cancelled.StartsAt.AddMinutes(-30));
        await Node(clock).RunOnceAsync(default);
        Assert.Empty(await RemindersAsync(pair.Mentee.Id, cancelled.Id));
        Assert.Empty(await RemindersAsync(pair.Mentor.Id, cancelled.Id));

        var (other, moved) = await ConfirmedFirstMeetingAsync("Moved");
        var oldStart = moved.StartsAt;
        clock = new FakeTimeProvider(oldStart.AddHours(-23));
        await Node(clock).RunOnceAsync(default);
        Assert.Single(await RemindersAsync(other.Mentee.Id, moved.Id));

        // Moved three days later: nothing is due at the old hour, and the new time gets its own day-before reminder.
        var seen = (await other.Mentee.Api.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"{other.Meetings}/{moved.Id}"))!;
        var newStart = oldStart.AddDays(3);
        (await other.Mentor.Api.PostAsJsonAsync($"{other.Meetings}/{moved.Id}/reschedule", new { version = seen.MeetingVersion(), start = newStart.ToString("O") })).EnsureSuccessStatusCode();
        clock.SetUtcNow(oldStart.AddMinutes(-30));
        await Node(clock).RunOnceAsync(default);
        Assert.Single(await RemindersAsync(other.Mentee.Id, moved.Id));
        clock.SetUtcNow(newStart.AddHours(-20));
        await Node(clock).RunOnceAsync(default);
        await Node(clock).RunOnceAsync(default);
        Assert.Equal(2, (await RemindersAsync(other.Mentee.Id, moved.Id)).Count(n => n.Title.Contains("tomorrow", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AMemberWhoTurnedTheHourBeforeReminderOff_GetsOnlyTheDayBefore()
    {
        var (pair, meeting) = await ConfirmedFirstMeetingAsync("Prefs");
        (await pair.Mentee.Api.PutAsJsonAsync("/api/v1/me/calendar/reminders", new { dayBefore = true, hourBefore = false })).EnsureSuccessStatusCode();
        var clock = new FakeTimeProvider(meeting.StartsAt.AddHours(-23));
        await Node(clock).RunOnceAsync(default);
        clock.SetUtcNow(meeting.StartsAt.AddMinutes(-59));
        await Node(clock).RunOnceAsync(default);
        Assert.Single(await RemindersAsync(pair.Mentee.Id, meeting.Id));
        Assert.Equal(2, (await RemindersAsync(pair.Mentor.Id, meeting.Id)).Count);
    }

    [Fact]
    public async Task SeveralNodesAtOnce_SendEachReminderOnce()
    {
        var (pair, meeting) = await ConfirmedFirstMeetingAsync("Nodes");
        var nodes = Enumerable.Range(0, 4).Select(_ => Node(new FakeTimeProvider(meeting.StartsAt.AddMinutes(-40)))).ToList();
        await Task.WhenAll(nodes.Select(n => n.RunOnceAsync(default)));
        // Found only when the hour-before one is due: the day-before one is skipped, not sent late.
        var mentee = Assert.Single(await RemindersAsync(pair.Mentee.Id, meeting.Id));
        Assert.Contains("in an hour", mentee.Title, StringComparison.Ordinal);
        Assert.Single(await RemindersAsync(pair.Mentor.Id, meeting.Id));
    }
}
