using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Meetings;

/// <summary>The meetings side of pausing (<see cref="IPauseMeetings"/>): which meetings are still to come, and
/// cancelling the ones the member chose, on the request's DbContext.</summary>
public sealed class MeetingPause(TrellisDbContext db, TimeProvider time) : IPauseMeetings
{
    public async Task<IReadOnlyList<UpcomingMeeting>> UpcomingAsync(Guid mentorshipId, string zone, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var future = await db.Meetings.Where(x => x.MentorshipId == mentorshipId && x.Status != MeetingStatus.Cancelled && x.StartsAt > now)
            .OrderBy(x => x.StartsAt).ToListAsync(ct);
        return [.. future.Select(x => new UpcomingMeeting(x.Id, x.StartsAt, x.Status == MeetingStatus.Confirmed, MeetingTimes.Describe(x.StartsAt, x.Minutes, zone)))];
    }

    public void Cancel(IEnumerable<Guid> meetingIds, Guid by, string note, DateTimeOffset at)
    {
        var ids = meetingIds.ToHashSet();
        foreach (var meeting in db.Meetings.Local.Where(x => ids.Contains(x.Id)).ToList()) meeting.Cancel(by, note, at);
    }
}
