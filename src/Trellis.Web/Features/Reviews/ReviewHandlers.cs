using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Requests;
using Trellis.Web.Features.Mentorships.Revisions;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Reviews;

/// <summary>My own answer, as I gave it. The other member's answer never leaves the server.</summary>
public sealed record MyAnswerView(int Score, string GoingWell, string ShouldChange, ReviewDirection Direction, bool WantsRevision, DateTimeOffset AnsweredAt);

public sealed record ReviewView(
    Guid Id, DateTimeOffset DueAt, bool OnDemand, bool Open, bool Overdue, DateTimeOffset? CompletedAt,
    MyAnswerView? MyAnswer, string OtherName, bool OtherAnswered, IReadOnlyList<string> Summary, bool InvitedToRevise);

/// <summary>The review waiting now (if any) and when the next one is due.</summary>
public sealed record CurrentReviewView(ReviewView? Review, DateTimeOffset? NextDueAt, bool CanStart);

/// <summary>Reviews, for the API and the pages: each method works inside a <see cref="MentorshipMembership"/> (the
/// caller is one of its two members), and answers come checked against their own annotations.</summary>
public sealed class ReviewHandlers(TrellisDbContext db, ReviewSchedule schedule, Notifier notifier, TimeProvider time)
{
    /// <summary>A due review still waiting for a member's answer this long after it opened counts as overdue.</summary>
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromDays(7);

    // Both members answering at the same instant, or the job opening the review meanwhile.
    private const string Changed = "The review changed while you were answering. Reload it and try again.";

    public static string Link(Guid mentorshipId) => $"/Mentorships/{mentorshipId}/Reviews";

    public async Task<IReadOnlyList<ReviewView>> ListAsync(MentorshipMembership m, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var reviews = await db.Reviews.AsNoTracking().Include(r => r.Answers)
            .Where(r => r.MentorshipId == m.MentorshipId && (r.CompletedAt != null || r.DueAt <= now))
            .OrderByDescending(r => r.DueAt).ToListAsync(ct);
        return reviews.Select(r => View(r, m, now)).ToList();
    }

    public Task<CurrentReviewView> CurrentAsync(MentorshipMembership m, CancellationToken ct) => CurrentViewAsync(m, ct);

    public async Task<Result<CurrentReviewView>> StartAsync(MentorshipMembership m, CancellationToken ct)
    {
        var me = m.Me;
        if (m.RequireActive("start a review") is { } inactive) return inactive;
        var now = time.GetUtcNow();
        var review = await schedule.EnsurePendingAsync(m.MentorshipId, m.ActivatedAt!.Value, m.InForce!.ReviewEveryMonths, now, ct);
        if (review.StartNow(me, m.MyRole, now) is { } refused) return MentorshipHandlers.ToError(refused);
        await notifier.PublishAsync(m.OtherId, NotificationKind.ReviewDue, $"{m.MyName} would like to check in on your mentorship",
            "Is it working for you? Two minutes, and private: only a kind summary is shared, once you have both answered.", Link(m.MentorshipId), ct);
        db.AddTimeline(m.MentorshipId, now, me, "review", $"{m.MyName} started a review of the mentorship.", Link(m.MentorshipId));
        if (await db.SaveOrConflictAsync(Changed, ct) is { } conflict) return conflict;
        return await CurrentViewAsync(m, ct);
    }

    public async Task<Result<CurrentReviewView>> AnswerAsync(MentorshipMembership m, ReviewAnswerInput input, CancellationToken ct)
    {
        if (m.RequireActive("answer a review") is { } inactive) return inactive;

        var now = time.GetUtcNow();
        var review = await schedule.EnsurePendingAsync(m.MentorshipId, m.ActivatedAt!.Value, m.InForce!.ReviewEveryMonths, now, ct);
        if (review.Answer(m.MyRole, input, now) is { } refused) return MentorshipHandlers.ToError(refused);

        if (review.InviteToRevise(now))
        {
            // Both are invited, in the same words, without saying who answered what.
            foreach (var to in new[] { m.MenteeId, m.MentorId })
                await notifier.PublishAsync(to, NotificationKind.ReviewDue, "An invitation to revisit your agreement",
                    $"Your review of the mentorship between {m.MenteeName} and {m.MentorName} suggests it is a good moment to look at your agreement together. It is prefilled with what you agreed; change what no longer fits.",
                    RevisionHandlers.Link(m.MentorshipId), ct);
        }
        if (review.CompletedAt is not null)
        {
            await notifier.PublishAsync(m.OtherId, NotificationKind.ReviewDue, "Your review summary is ready",
                $"You and {m.MyName} have both answered. Read the summary together.", Link(m.MentorshipId), ct);
            db.AddTimeline(m.MentorshipId, now, null, "review", "You both answered the review; the summary is ready.", Link(m.MentorshipId));
        }
        if (await db.SaveOrConflictAsync(Changed, ct) is { } conflict) return conflict;
        return await CurrentViewAsync(m, ct);
    }

    /// <summary>Reviews waiting for my answer across my running mentorships, for the dashboard.</summary>
    public async Task<IReadOnlyList<(Guid MentorshipId, string OtherName, DateTimeOffset DueAt, bool Overdue)>> WaitingForMeAsync(Guid me, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await db.Reviews.AsNoTracking()
            .Where(r => r.CompletedAt == null && r.DueAt <= now)
            .Join(db.Mentorships.Where(m => (m.MenteeId == me || m.MentorId == me) && m.Status == MentorshipStatus.Active),
                r => r.MentorshipId, m => m.Id, (r, m) => new { Review = r, m.MenteeId, m.MentorId })
            .Where(x => x.MenteeId == me ? !x.Review.Answers.Any(a => a.Party == Party.Mentee) : !x.Review.Answers.Any(a => a.Party == Party.Mentor))
            .Select(x => new
            {
                x.Review.MentorshipId,
                x.Review.DueAt,
                OtherName = db.Users.Where(u => u.Id == (x.MenteeId == me ? x.MentorId : x.MenteeId)).Select(u => u.DisplayName).First(),
            })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.DueAt).Select(r => (r.MentorshipId, r.OtherName, r.DueAt, r.DueAt + OverdueAfter <= now)).ToList();
    }

    private async Task<CurrentReviewView> CurrentViewAsync(MentorshipMembership m, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (m.InForce is null || m.ActivatedAt is null) return new CurrentReviewView(null, null, false);
        var pending = await db.Reviews.AsNoTracking().Include(r => r.Answers)
            .SingleOrDefaultAsync(r => r.MentorshipId == m.MentorshipId && r.CompletedAt == null, ct);
        if (pending is not null && pending.IsOpen(now)) return new CurrentReviewView(View(pending, m, now), pending.DueAt, false);
        var next = pending?.DueAt ?? await schedule.NextDueAsync(m.MentorshipId, m.ActivatedAt.Value, m.InForce.ReviewEveryMonths, ct);
        if (next <= now && m.IsActive)
        {
            // Due, but the job has not opened it yet: show it as open; the first answer creates the row.
            var due = Review.Schedule(m.MentorshipId, next, now);
            return new CurrentReviewView(View(due, m, now), next, false);
        }
        var last = await db.Reviews.AsNoTracking().Include(r => r.Answers)
            .Where(r => r.MentorshipId == m.MentorshipId && r.CompletedAt != null)
            .OrderByDescending(r => r.CompletedAt).FirstOrDefaultAsync(ct);
        return new CurrentReviewView(last is null ? null : View(last, m, now), next, m.IsActive);
    }

    private static ReviewView View(Review r, MentorshipMembership m, DateTimeOffset now)
    {
        var mine = r.AnswerOf(m.MyRole);
        var theirs = r.AnswerOf(Mentorship.Other(m.MyRole));
        var summary = mine is not null && theirs is not null ? ReviewSummary.Of(mine, theirs) : null;
        return new ReviewView(r.Id, r.DueAt, r.StartedBy is not null, r.IsOpen(now),
            r.IsOpen(now) && mine is null && r.DueAt + OverdueAfter <= now, r.CompletedAt,
            mine is null ? null : new MyAnswerView(mine.Score, mine.GoingWell, mine.ShouldChange, mine.Direction, mine.WantsRevision, mine.AnsweredAt),
            m.OtherName, theirs is not null, summary?.Sentences.ToList() ?? [], r.RevisionInvitedAt is not null);
    }
}
