using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Meetings;

/// <summary>No confirmed meeting has taken place in the last N weeks, counted from the pair's start when it is younger;
/// since the last meeting that started (or the start).</summary>
public sealed class MeetingSignal(TrellisDbContext db) : IPairSignal
{
    public const string SignalName = SignalNames.NoMeeting;

    public string Name => SignalName;

    public IQueryable<PairFlag> Flagged(IQueryable<Mentorship> running, DateTimeOffset now, HealthRules rules)
    {
        var since = now.AddDays(-7 * rules.NoMeetingWeeks);
        return running
            .Where(m => (m.ActivatedAt ?? m.CreatedAt) <= since
                        && !db.Meetings.Any(x => x.MentorshipId == m.Id && x.Status == MeetingStatus.Confirmed
                                                 && x.StartsAt > since && x.StartsAt <= now))
            .Select(m => new PairFlag(m.Id, db.Meetings
                .Where(x => x.MentorshipId == m.Id && x.Status == MeetingStatus.Confirmed && x.StartsAt <= now)
                .OrderByDescending(x => x.StartsAt).Select(x => (DateTimeOffset?)x.StartsAt).FirstOrDefault() ?? m.ActivatedAt ?? m.CreatedAt));
    }
}
