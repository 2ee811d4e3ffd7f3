using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Meetings;

/// <summary>No confirmed meeting has taken place in the last N weeks, counted from the pair's start when it is younger.</summary>
public sealed class MeetingSignal(TrellisDbContext db) : IPairSignal
{
    public const string SignalName = "NoMeeting";

    public string Name => SignalName;

    public IQueryable<Guid> Flagged(IQueryable<Mentorship> running, DateTimeOffset now, HealthRules rules)
    {
        var since = now.AddDays(-7 * rules.NoMeetingWeeks);
        return running
            .Where(m => (m.ActivatedAt ?? m.CreatedAt) <= since
                        && !db.Meetings.Any(x => x.MentorshipId == m.Id && x.Status == MeetingStatus.Confirmed
                                                 && x.StartsAt > since && x.StartsAt <= now))
            .Select(m => m.Id);
    }
}
