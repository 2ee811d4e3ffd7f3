using Microsoft.EntityFrameworkCore;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Meetings;

/// <summary>Numbers about meetings other features may show (a mentor's impact), never their content.</summary>
public static class MeetingStats
{
    /// <summary>Hours of meetings held (confirmed and over by <paramref name="now"/>) in mentorships where the member is the mentor.</summary>
    public static async Task<double> HoursHeldAsync(TrellisDbContext db, Guid mentorId, DateTimeOffset now, CancellationToken ct)
    {
        var held = await db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Confirmed && m.StartsAt < now
                && db.Mentorships.Any(s => s.Id == m.MentorshipId && s.MentorId == mentorId))
            .Select(m => new { m.StartsAt, m.Minutes })
            .ToListAsync(ct);
        return held.Where(m => m.StartsAt.AddMinutes(m.Minutes) <= now).Sum(m => m.Minutes) / 60.0;
    }
}
