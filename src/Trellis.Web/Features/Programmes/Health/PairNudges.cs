using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Programmes.Health;

public sealed record NudgeSent(Guid MentorshipId, DateTimeOffset NudgedAt, DateTimeOffset NudgeAgainAfter, int Recipients);

/// <summary>
/// A coordinator nudges one of the programme's pairs by hand: both members get a notification (and the e-mail their
/// preference for programme news allows) through the outbox, committed with the <see cref="NudgeClaim"/>. Once a
/// pair has been nudged it cannot be nudged again for <see cref="PairHealth.ManualNudgeWindow"/> (409): a pair that
/// is struggling should not get a reminder from every coordinator on the same afternoon.
/// </summary>
public sealed class PairNudges(TrellisDbContext db, ProgrammeAccess access, Notifier notifier, TimeProvider time)
{
    private static readonly MentorshipStatus[] Nudgeable =
        [MentorshipStatus.Proposed, MentorshipStatus.Negotiating, MentorshipStatus.Active, MentorshipStatus.Paused];

    public async Task<Result<NudgeSent>> NudgeAsync(Guid me, Guid programmeId, Guid mentorshipId, CancellationToken ct)
    {
        var programme = await access.FindAsync(me, programmeId, ct);
        if (programme is null) return new NotFoundError();
        var pair = await db.Mentorships
            .Where(m => m.Id == mentorshipId && m.ProgrammeId == programmeId && Nudgeable.Contains(m.Status))
            .Select(m => new
            {
                m.MenteeId, m.MentorId,
                Mentee = db.Users.Where(u => u.Id == m.MenteeId).Select(u => u.DisplayName).First(),
                Mentor = db.Users.Where(u => u.Id == m.MentorId).Select(u => u.DisplayName).First(),
            })
            .SingleOrDefaultAsync(ct);
        if (pair is null) return new NotFoundError("This pair is not one of the programme's running pairs.");

        var now = time.GetUtcNow();
        var last = await db.Set<NudgeClaim>()
            .Where(c => c.ProgrammeId == programmeId && c.Kind == NudgeKind.Manual && c.SubjectId == mentorshipId)
            .OrderByDescending(c => c.At).Select(c => (DateTimeOffset?)c.At).FirstOrDefaultAsync(ct);
        if (last is { } at && now - at < PairHealth.ManualNudgeWindow)
            return await TooSoonAsync(me, at, ct);

        db.Set<NudgeClaim>().Add(new NudgeClaim(programmeId, NudgeKind.Manual, mentorshipId,
            now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), me, 2, now));
        var link = $"/Mentorships/{mentorshipId}";
        foreach (var (to, other) in new[] { (pair.MenteeId, pair.Mentor), (pair.MentorId, pair.Mentee) })
            await notifier.PublishAsync(to, NotificationKind.Programme, Title(programme.Name, other), Body(programme.Name), link, ct);
        if (await db.SaveOrConflictAsync("Another coordinator nudged this pair at the same moment.", ct) is { } conflict)
            return conflict;
        return new NudgeSent(mentorshipId, now, now + PairHealth.ManualNudgeWindow, 2);
    }

    public static string Title(string programme, string other) => $"{programme}: how is your mentorship with {other} going?";

    // The same words whichever signal the coordinator saw: the nudge must not tell one member what the other answered.
    public static string Body(string programme) =>
        $"The coordinators of {programme} are checking in on your mentorship. If it has been a while since you last met, " +
        "plan your next meeting together; if something is in the way, tell them: they are there to help. " +
        "They cannot see your messages, notes or reviews.";

    private async Task<Error> TooSoonAsync(Guid me, DateTimeOffset at, CancellationToken ct)
    {
        var zone = await db.ZoneOfAsync(me, ct);
        return new ConflictError($"This pair was nudged at {MemberClock.Format(at, zone, nameZone: true)}; " +
                                 $"you can nudge it again after {MemberClock.Format(at + PairHealth.ManualNudgeWindow, zone)}.");
    }
}
