using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;
using Trellis.Web.Infrastructure.Validation;

namespace Trellis.Web.Features.CheckIns;

public sealed record RaiseCheckIn(
    [Needed("Say what you are facing; a few sentences are enough."), MaxChars(CheckIn.TextMax)] string? Text,
    [Needed("Choose how soon you need an answer."), OneOf] CheckInUrgency? Urgency);

public sealed record AnswerCheckIn([Needed("Write your answer."), MaxChars(CheckIn.TextMax)] string? Text);

public sealed record CheckInView(Guid Id, CheckInUrgency Urgency, CheckInStatus Status, string Text, DateTimeOffset CreatedAt,
    DateTimeOffset? AnswerDueAt, bool Overdue, string? Answer, DateTimeOffset? AnsweredAt, DateTimeOffset? ResolvedAt);

/// <param name="ResponseWithinDays">The agreement's expected answer time, shown next to the form.</param>
public sealed record CheckInsView(Guid MentorshipId, int? ResponseWithinDays, IReadOnlyList<CheckInView> CheckIns);

/// <summary>A check-in that waits on the member: unanswered ones for a mentor, answered but not resolved for a mentee.</summary>
public sealed record WaitingCheckIn(Guid MentorshipId, Guid CheckInId, string OtherName, Party MyRole, CheckInUrgency Urgency,
    DateTimeOffset CreatedAt, DateTimeOffset? AnswerDueAt, bool Overdue);

/// <summary>Check-ins, for the API and the pages: each method works inside a <see cref="MentorshipMembership"/>
/// (the caller is one of its two members), and requests come checked against their own annotations.</summary>
public sealed class CheckInHandlers(TrellisDbContext db, Notifier notifier, TimeProvider time)
{
    public static string Link(Guid mentorshipId) => $"/Mentorships/{mentorshipId}/CheckIns";

    public static string UrgencyText(CheckInUrgency urgency) => Words.Of(urgency);

    public async Task<CheckInsView> ListAsync(MentorshipMembership membership, CancellationToken ct)
    {
        var mentorshipId = membership.MentorshipId;
        var now = time.GetUtcNow();
        var rows = await db.CheckIns.AsNoTracking().Where(c => c.MentorshipId == mentorshipId).OrderByDescending(c => c.CreatedAt).ToListAsync(ct);
        // Open ones first, overdue ones first among them; then the rest, newest first.
        var ordered = rows.OrderBy(c => c.Status == CheckInStatus.Open ? 0 : 1).ThenBy(c => c.IsOverdue(now) ? 0 : 1).ThenByDescending(c => c.CreatedAt);
        return new CheckInsView(mentorshipId, membership.InForce?.ResponseWithinDays, ordered.Select(c => View(c, now)).ToList());
    }

    public async Task<Result<CheckInView>> GetAsync(MentorshipMembership membership, Guid checkInId, CancellationToken ct)
    {
        var checkIn = await Find(membership.MentorshipId, checkInId).AsNoTracking().SingleOrDefaultAsync(ct);
        return checkIn is null ? new NotFoundError("No such check-in.") : View(checkIn, time.GetUtcNow());
    }

    public async Task<Result<CheckInView>> RaiseAsync(MentorshipMembership membership, RaiseCheckIn request, CancellationToken ct)
    {
        var (me, mentorshipId, now) = (membership.Me, membership.MentorshipId, time.GetUtcNow());
        var raised = CheckIn.Raise(membership, request.Text!, request.Urgency!.Value, now);
        if (!raised.IsSuccess) return raised.Error;
        var checkIn = raised.Value;
        db.Add(checkIn);
        var urgency = UrgencyText(checkIn.Urgency);
        db.AddTimeline(mentorshipId, now, me, "check-in", $"{membership.MenteeName} raised a check-in ({urgency}).", Link(mentorshipId));
        var due = checkIn.AnswerDueAt is { } at ? $" They hope for your answer by {(await db.ZoneOfAsync(membership.MentorId, ct)).Local(at)}." : "";
        // The text stays in Trellis: the e-mail says who needs guidance and how soon, the link leads to it.
        await notifier.PublishAsync(membership.MentorId, NotificationKind.CheckIn, $"{membership.MenteeName} is facing a challenge and asks for your guidance",
            $"Urgency: {urgency}.{due}", Link(mentorshipId), ct, urgent: checkIn.Urgency == CheckInUrgency.Today);
        await db.SaveChangesAsync(ct);
        return View(checkIn, now);
    }

    public Task<Result<CheckInView>> AnswerAsync(
        MentorshipMembership membership, Guid checkInId, AnswerCheckIn request, CancellationToken ct) =>
        ChangeAsync(membership, checkInId, async (checkIn, now) =>
        {
            if (checkIn.AnswerWith(membership, request.Text!, now) is { } refused) return refused;
            var (me, mentorshipId) = (membership.Me, membership.MentorshipId);
            db.AddTimeline(mentorshipId, now, me, "check-in", $"{membership.MentorName} answered a check-in.", Link(mentorshipId));
            await notifier.PublishAsync(membership.MenteeId, NotificationKind.CheckIn, $"{membership.MentorName} answered your check-in",
                "Read the answer, and mark the check-in resolved when it has helped.", Link(mentorshipId), ct);
            return null;
        }, ct);

    public Task<Result<CheckInView>> ResolveAsync(MentorshipMembership membership, Guid checkInId, CancellationToken ct) =>
        ChangeAsync(membership, checkInId, async (checkIn, now) =>
        {
            if (checkIn.Resolve(membership, now) is { } refused) return refused;
            var (me, mentorshipId) = (membership.Me, membership.MentorshipId);
            db.AddTimeline(mentorshipId, now, me, "check-in", $"{membership.MenteeName} marked a check-in resolved.", Link(mentorshipId));
            await notifier.PublishAsync(membership.MentorId, NotificationKind.CheckIn, $"{membership.MenteeName} marked a check-in resolved",
                "Nothing more is needed from you.", Link(mentorshipId), ct, email: false);
            return null;
        }, ct);

    /// <summary>Across all my mentorships: overdue first, then by deadline, then oldest first.</summary>
    public async Task<IReadOnlyList<WaitingCheckIn>> WaitingOnAsync(Guid me, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await (from c in db.CheckIns.AsNoTracking()
                          join m in db.Mentorships on c.MentorshipId equals m.Id
                          where (m.MentorId == me && c.Status == CheckInStatus.Open) || (m.MenteeId == me && c.Status == CheckInStatus.Answered)
                          select new
                          {
                              CheckIn = c,
                              IAmMentor = m.MentorId == me,
                              OtherName = db.Users.Where(u => u.Id == (m.MentorId == me ? m.MenteeId : m.MentorId)).Select(u => u.DisplayName).First(),
                          }).ToListAsync(ct);
        return rows
            .Select(r => new WaitingCheckIn(r.CheckIn.MentorshipId, r.CheckIn.Id, r.OtherName, r.IAmMentor ? Party.Mentor : Party.Mentee,
                r.CheckIn.Urgency, r.CheckIn.CreatedAt, r.CheckIn.AnswerDueAt, r.CheckIn.IsOverdue(now)))
            .OrderBy(w => w.Overdue ? 0 : 1).ThenBy(w => w.AnswerDueAt ?? DateTimeOffset.MaxValue).ThenBy(w => w.CreatedAt)
            .ToList();
    }

    private IQueryable<CheckIn> Find(Guid mentorshipId, Guid checkInId) =>
        db.CheckIns.Where(c => c.Id == checkInId && c.MentorshipId == mentorshipId);

    private async Task<Result<CheckInView>> ChangeAsync(MentorshipMembership membership, Guid checkInId,
        Func<CheckIn, DateTimeOffset, Task<Error?>> change, CancellationToken ct)
    {
        var checkIn = await Find(membership.MentorshipId, checkInId).SingleOrDefaultAsync(ct);
        if (checkIn is null) return new NotFoundError("No such check-in.");
        var now = time.GetUtcNow();
        if (await change(checkIn, now) is { } error) return error;
        if (await db.SaveOrConflictAsync("This check-in changed at the same moment. Reload it to see what changed.", ct)
            is { } conflict) return conflict;
        return View(checkIn, now);
    }

    private static CheckInView View(CheckIn c, DateTimeOffset now) =>
        new(c.Id, c.Urgency, c.Status, c.Text, c.CreatedAt, c.AnswerDueAt, c.IsOverdue(now), c.Answer, c.AnsweredAt, c.ResolvedAt);
}
