using Microsoft.EntityFrameworkCore;
using Quartz;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Reviews;

/// <summary>
/// Schedules the next review of every active mentorship and reminds each member once when a review is
/// due. A reminder is claimed with a conditional UPDATE (…RemindedAt IS NULL) in the same transaction as
/// the notification, so several nodes running this at once send each reminder exactly once. Paused and
/// closed mentorships get none.
/// </summary>
public sealed class ReviewReminders(IServiceScopeFactory scopes, TimeProvider time)
{
    public sealed record Outcome(int Scheduled, int Reminded);

    public async Task<Outcome> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return new Outcome(await ScheduleAsync(now, ct), await RemindAsync(now, ct));
    }

    private async Task<int> ScheduleAsync(DateTimeOffset now, CancellationToken ct)
    {
        List<(Guid Id, DateTimeOffset ActivatedAt, int Months)> missing;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            missing = (await db.Mentorships
                .Where(m => m.Status == MentorshipStatus.Active && m.ActivatedAt != null
                            && !db.Reviews.Any(r => r.MentorshipId == m.Id && r.CompletedAt == null))
                .Select(m => new
                {
                    m.Id,
                    m.ActivatedAt,
                    Months = db.AgreementVersions.Where(v => v.MentorshipId == m.Id && v.Number == m.AcceptedVersion).Select(v => v.ReviewEveryMonths).First(),
                })
                .OrderBy(x => x.Id)
                .Take(500)
                .ToListAsync(ct)).Select(x => (x.Id, x.ActivatedAt!.Value, x.Months)).ToList();
        }

        var scheduled = 0;
        foreach (var (id, activatedAt, months) in missing)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            await scope.ServiceProvider.GetRequiredService<ReviewSchedule>().EnsurePendingAsync(id, activatedAt, months, now, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                scheduled++;
            }
            catch (DbUpdateException)
            {
                // Another node (or a member starting a review) scheduled it first: the unique index on pending reviews.
            }
        }
        return scheduled;
    }

    private async Task<int> RemindAsync(DateTimeOffset now, CancellationToken ct)
    {
        List<(Guid Id, Guid MentorshipId, bool Mentee, bool Mentor)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            due = (await db.Reviews
                .Where(r => r.CompletedAt == null && r.DueAt <= now && (r.MenteeRemindedAt == null || r.MentorRemindedAt == null)
                            && db.Mentorships.Any(m => m.Id == r.MentorshipId && m.Status == MentorshipStatus.Active))
                .OrderBy(r => r.DueAt)
                .Select(r => new { r.Id, r.MentorshipId, Mentee = r.MenteeRemindedAt == null, Mentor = r.MentorRemindedAt == null })
                .Take(500)
                .ToListAsync(ct)).Select(x => (x.Id, x.MentorshipId, x.Mentee, x.Mentor)).ToList();
        }

        var reminded = 0;
        foreach (var (id, mentorshipId, mentee, mentor) in due)
        {
            if (mentee && await RemindAsync(id, mentorshipId, Party.Mentee, now, ct)) reminded++;
            if (mentor && await RemindAsync(id, mentorshipId, Party.Mentor, now, ct)) reminded++;
        }
        return reminded;
    }

    private async Task<bool> RemindAsync(Guid reviewId, Guid mentorshipId, Party party, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var reviews = db.Reviews.Where(r => r.Id == reviewId && r.CompletedAt == null);
        var claimed = party == Party.Mentee
            ? await reviews.Where(r => r.MenteeRemindedAt == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.MenteeRemindedAt, now), ct)
            : await reviews.Where(r => r.MentorRemindedAt == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.MentorRemindedAt, now), ct);
        if (claimed == 0) return false;

        var answered = await db.Set<ReviewAnswer>().AnyAsync(a => a.ReviewId == reviewId && a.Party == party, ct);
        if (!answered)
        {
            var m = await db.Mentorships.Where(x => x.Id == mentorshipId)
                .Select(x => new { x.MenteeId, x.MentorId }).SingleAsync(ct);
            var (to, other) = party == Party.Mentee ? (m.MenteeId, m.MentorId) : (m.MentorId, m.MenteeId);
            var otherName = await db.Users.Where(u => u.Id == other).Select(u => u.DisplayName).SingleAsync(ct);
            await scope.ServiceProvider.GetRequiredService<Notifier>().PublishAsync(to, NotificationKind.ReviewDue,
                $"Time for a review of your mentorship with {otherName}",
                "Is it working for you? Two minutes, and private: only a kind summary is shared, once you have both answered.",
                ReviewHandlers.Link(mentorshipId), ct);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return !answered;
    }
}

[DisallowConcurrentExecution]
public sealed class ReviewRemindersJob(ReviewReminders reminders) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await reminders.RunOnceAsync(cancellationToken);
}
