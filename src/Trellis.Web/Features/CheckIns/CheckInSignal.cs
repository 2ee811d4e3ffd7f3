using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.CheckIns;

/// <summary>A check-in still open past the time its urgency gave the mentor to answer; since the earliest such due time.</summary>
public sealed class CheckInSignal(TrellisDbContext db) : IPairSignal
{
    public const string SignalName = SignalNames.CheckInOverdue;

    public string Name => SignalName;

    public IQueryable<PairFlag> Flagged(IQueryable<Mentorship> running, DateTimeOffset now, HealthRules rules) =>
        running.Where(m => db.CheckIns.Any(c => c.MentorshipId == m.Id && c.Status == CheckInStatus.Open
                                                && c.AnswerDueAt != null && c.AnswerDueAt < now))
            .Select(m => new PairFlag(m.Id, db.CheckIns
                .Where(c => c.MentorshipId == m.Id && c.Status == CheckInStatus.Open && c.AnswerDueAt != null && c.AnswerDueAt < now)
                .OrderBy(c => c.AnswerDueAt).Select(c => c.AnswerDueAt!.Value).First()));
}
