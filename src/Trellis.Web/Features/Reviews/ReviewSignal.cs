using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Reviews;

/// <summary>
/// The pair's latest answered review holds a score of 2 or less (the mark <see cref="Review.CallsForRevision"/> uses).
/// Only the flag (and that review's due date) leaves this query: not the score, not whose answer it was.
/// </summary>
public sealed class ReviewSignal(TrellisDbContext db) : IPairSignal
{
    public const string SignalName = SignalNames.LowReview;

    public string Name => SignalName;

    public IQueryable<PairFlag> Flagged(IQueryable<Mentorship> running, DateTimeOffset now, HealthRules rules)
    {
        var answers = db.Set<ReviewAnswer>();
        var answered = db.Reviews.Where(r => answers.Any(x => x.ReviewId == r.Id && x.AnsweredAt <= now));
        return running
            .Where(m => answers.Any(a => a.Score <= 2 && a.AnsweredAt <= now && a.ReviewId == answered
                .Where(r => r.MentorshipId == m.Id).OrderByDescending(r => r.DueAt).Select(r => r.Id).FirstOrDefault()))
            .Select(m => new PairFlag(m.Id, answered.Where(r => r.MentorshipId == m.Id).OrderByDescending(r => r.DueAt).Select(r => r.DueAt).First()));
    }
}
