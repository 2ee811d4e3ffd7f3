using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Reviews;

/// <summary>
/// When reviews come due: every <c>ReviewEveryMonths</c> of the agreement in force, counted from the start
/// of the mentorship or from the last completed review (an on-demand review restarts the count). The
/// pending review is a row; the reminder job creates it for every active mentorship that has none.
/// </summary>
public sealed class ReviewSchedule(TrellisDbContext db) : IAgreementRevisionListener
{
    public static DateTimeOffset NextDue(DateTimeOffset activatedAt, DateTimeOffset? lastCompleted, int months) =>
        (lastCompleted ?? activatedAt).AddMonths(months);

    public Task<Review?> PendingAsync(Guid mentorshipId, CancellationToken ct) =>
        db.Reviews.Include(r => r.Answers).SingleOrDefaultAsync(r => r.MentorshipId == mentorshipId && r.CompletedAt == null, ct);

    public async Task<DateTimeOffset> NextDueAsync(Guid mentorshipId, DateTimeOffset activatedAt, int months, CancellationToken ct)
    {
        var last = await db.Reviews.Where(r => r.MentorshipId == mentorshipId).MaxAsync(r => r.CompletedAt, ct);
        return NextDue(activatedAt, last, months);
    }

    /// <summary>The pending review, or a new one added to the unit of work (the caller saves).</summary>
    public async Task<Review> EnsurePendingAsync(Guid mentorshipId, DateTimeOffset activatedAt, int months, DateTimeOffset now, CancellationToken ct)
    {
        if (await PendingAsync(mentorshipId, ct) is { } pending) return pending;
        var review = Review.Schedule(mentorshipId, await NextDueAsync(mentorshipId, activatedAt, months, ct), now);
        db.Reviews.Add(review);
        return review;
    }

    public Task OnAgreementRevisedAsync(AgreementRevised revised, CancellationToken ct) =>
        RescheduleAsync(revised.Mentorship.Id, revised.Mentorship.ActivatedAt!.Value, revised.Mentorship.InForce!.ReviewEveryMonths, revised.At, ct);

    /// <summary>A revised agreement with another interval moves a scheduled review that is not open yet.</summary>
    public async Task RescheduleAsync(Guid mentorshipId, DateTimeOffset activatedAt, int months, DateTimeOffset now, CancellationToken ct)
    {
        var pending = await PendingAsync(mentorshipId, ct);
        if (pending is null || pending.IsOpen(now) || pending.StartedBy is not null) return;
        pending.MoveTo(await NextDueAsync(mentorshipId, activatedAt, months, ct));
    }
}
