using Microsoft.EntityFrameworkCore;
using Quartz;
using Trellis.Web.Features.Mentorships.Requests;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Mentorships.Lifecycle;

/// <summary>
/// What happens to a mentorship by the calendar (days are UTC days): a pause with a resume date ends on
/// that day; both members are told once, a week before the planned end; on the planned end the
/// mentorship completes unless someone extended it. Each row is claimed by saving it with its
/// concurrency token, so with several nodes (or a member acting at that moment) exactly one wins.
/// </summary>
public sealed class LifecycleSchedule(IServiceScopeFactory scopes, TimeProvider time)
{
    public sealed record Outcome(int Resumed, int Noticed, int Completed);

    public async Task<Outcome> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var horizon = today.AddDays(7);
        List<Guid> due;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            // EndsOn is planned from the agreement in force; a row whose plan is missing or was made from an
            // older version (a revision since) is re-planned here.
            due = await db.Mentorships
                .Where(m => (m.Status == MentorshipStatus.Paused && m.ResumeOn <= today)
                            || ((m.Status == MentorshipStatus.Active || m.Status == MentorshipStatus.Paused)
                                && (m.EndsOn == null || m.EndsOnPlannedFrom != m.AcceptedVersion || m.EndsOn <= today
                                    || (m.EndsOn <= horizon && (m.EndNoticeSentFor == null || m.EndNoticeSentFor != m.EndsOn)))))
                .Select(m => m.Id)
                .ToListAsync(ct);
        }

        int resumed = 0, noticed = 0, completed = 0;
        foreach (var id in due)
        {
            // A fresh scope per row: a lost race on one row must not leave stale entities for the next.
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            var events = scope.ServiceProvider.GetRequiredService<MentorshipEvents>();
            var m = await db.Mentorships.Include(x => x.Versions).SingleAsync(x => x.Id == id, ct);
            var names = await db.Users.Where(u => u.Id == m.MenteeId || u.Id == m.MentorId).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            var link = MentorshipHandlers.Link(m);
            async Task TellBothAsync(string title, string body)
            {
                await notifier.PublishAsync(m.MenteeId, NotificationKind.MentorshipChanged, string.Format(title, names[m.MentorId]), body, link, ct);
                await notifier.PublishAsync(m.MentorId, NotificationKind.MentorshipChanged, string.Format(title, names[m.MenteeId]), body, link, ct);
            }

            var from = m.Status;
            var didResume = m.ResumeAsPlanned(today, now) is null;
            if (didResume)
            {
                db.AddTimeline(m.Id, now, null, "status", "The mentorship resumed as planned.", link);
                await TellBothAsync("Your mentorship with {0} has resumed", "The pause you planned is over: meetings and reminders start again.");
                await events.StatusChangedAsync(m, from, null, now, ct);
            }

            m.PlanEnd();
            var running = m.Status;
            var didComplete = m.CompleteAsPlanned(today, now) is null;
            var didNotice = !didComplete && m.RecordEndNotice(today, now) is null;
            if (didComplete)
            {
                db.AddTimeline(m.Id, now, null, "status", "The mentorship reached its planned end and is completed.", link);
                await TellBothAsync("Your mentorship with {0} is completed",
                    "It reached the end you planned together. Congratulations! You can write a short private reflection on what you learned.");
                await events.StatusChangedAsync(m, running, null, now, ct);
            }
            else if (didNotice)
            {
                await TellBothAsync("Your mentorship with {0} ends in a week",
                    $"It completes by itself on {m.PlannedEnd:d MMMM yyyy}, as planned. If you'd both like more time, either of you can extend it.");
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!await LifecycleHandlers.TrySaveAsync(db, ct)) continue; // another node, or a member, got there first
            if (didComplete) await MentorshipSlots.ReleaseAsync(db, m, ct);
            await tx.CommitAsync(ct);
            if (didResume) resumed++;
            if (didComplete) completed++;
            if (didNotice) noticed++;
        }
        return new Outcome(resumed, noticed, completed);
    }
}

[DisallowConcurrentExecution]
public sealed class LifecycleScheduleJob(LifecycleSchedule schedule) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await schedule.RunOnceAsync(ct);
}
