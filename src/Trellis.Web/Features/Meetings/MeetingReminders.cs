using Microsoft.EntityFrameworkCore;
using Quartz;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Meetings;

/// <summary>
/// Reminders a day and an hour before each meeting that is not cancelled, by e-mail (through the outbox)
/// and in the notification centre, to each member who wants that one. Each reminder is claimed with a
/// conditional UPDATE that records the start time it was sent for, in the same transaction as the
/// notifications: a second node (or a second run) finds nothing to claim, and a rescheduled meeting,
/// whose start no longer matches, is due again for its new time. A day-before reminder that is only
/// found once the hour-before one is due is claimed but not sent: one reminder is enough.
/// </summary>
public sealed class MeetingReminders(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan DayBefore = TimeSpan.FromHours(24);
    public static readonly TimeSpan HourBefore = TimeSpan.FromHours(1);

    /// <returns>How many reminders were claimed (sent or skipped by preference).</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var dayHorizon = now + DayBefore;
        var hourHorizon = now + HourBefore;
        List<(Guid Id, DateTimeOffset StartsAt, bool Day, bool Hour)> due;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            due = (await db.Meetings.AsNoTracking()
                .Where(m => m.Status != MeetingStatus.Cancelled && m.StartsAt > now && m.StartsAt <= dayHorizon
                    && (m.DayReminderFor == null || m.DayReminderFor != m.StartsAt || (m.StartsAt <= hourHorizon && (m.HourReminderFor == null || m.HourReminderFor != m.StartsAt))))
                .Select(m => new { m.Id, m.StartsAt, m.DayReminderFor, m.HourReminderFor })
                .ToListAsync(ct))
                .Select(m => (m.Id, m.StartsAt, m.DayReminderFor != m.StartsAt, m.StartsAt <= hourHorizon && m.HourReminderFor != m.StartsAt))
                .ToList();
        }

        var claimed = 0;
        foreach (var (id, startsAt, day, hour) in due)
        {
            // The hour-before reminder wins when both are due; the day-before one is then claimed silently.
            if (hour && await ClaimAndSendAsync(id, startsAt, hourBefore: true, alsoSkipDay: day, ct)) claimed++;
            else if (!hour && day && await ClaimAndSendAsync(id, startsAt, hourBefore: false, alsoSkipDay: false, ct)) claimed++;
        }
        return claimed;
    }

    private async Task<bool> ClaimAndSendAsync(Guid id, DateTimeOffset startsAt, bool hourBefore, bool alsoSkipDay, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // The claim: only one UPDATE can match, because it sets what it tests. It also tests the start time
        // and status, so a meeting moved or cancelled since it was read is left alone.
        var live = db.Meetings.Where(m => m.Id == id && m.StartsAt == startsAt && m.Status != MeetingStatus.Cancelled);
        var won = hourBefore
            ? await live.Where(m => m.HourReminderFor == null || m.HourReminderFor != startsAt)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.HourReminderFor, startsAt), ct)
            : await live.Where(m => m.DayReminderFor == null || m.DayReminderFor != startsAt)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.DayReminderFor, startsAt), ct);
        if (won == 0) return false;
        if (alsoSkipDay) await live.ExecuteUpdateAsync(s => s.SetProperty(m => m.DayReminderFor, startsAt), ct);

        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == id, ct);
        var pair = await db.Mentorships.Where(m => m.Id == meeting.MentorshipId).Select(m => new { m.MenteeId, m.MentorId }).SingleAsync(ct);
        var people = await db.Users.Where(u => u.Id == pair.MenteeId || u.Id == pair.MentorId)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                Zone = db.Profiles.Where(p => p.MemberId == u.Id).Select(p => p.TimeZone).FirstOrDefault(),
                Wants = db.MeetingReminderPreferences.Where(p => p.MemberId == u.Id).Select(p => (bool?)(hourBefore ? p.HourBefore : p.DayBefore)).FirstOrDefault(),
            })
            .ToListAsync(ct);
        foreach (var person in people.Where(p => p.Wants ?? true))
        {
            var other = people.FirstOrDefault(p => p.Id != person.Id)?.DisplayName ?? "your mentorship";
            var confirmed = meeting.Status == MeetingStatus.Confirmed ? "" : " It is not confirmed yet: accept it or suggest another time.";
            await notifier.PublishAsync(person.Id, NotificationKind.MeetingReminder,
                $"Reminder: meeting with {other} {(hourBefore ? "in an hour" : "tomorrow")}",
                $"{MeetingTimes.Describe(meeting.StartsAt, meeting.Minutes, person.Zone ?? "UTC")}, by {Agreement.MediumText(meeting.Medium)}.{confirmed}{MeetingHandlers.JoinText(meeting)}",
                MeetingHandlers.Link(meeting), ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}

[DisallowConcurrentExecution]
public sealed class MeetingReminderJob(MeetingReminders reminders) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await reminders.RunOnceAsync(ct);
}
