using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Endorsements;

/// <summary>The seed's "legacy": the difference a mentor has made, shown on their profile and dashboard.</summary>
public sealed record Impact(int MenteesHelped, int MentorshipsCompleted, double HoursOfMeetings, int Endorsements);

public sealed class ImpactStats(TrellisDbContext db, TimeProvider time)
{
    public async Task<Impact> ForMentorAsync(Guid mentorId, CancellationToken ct)
    {
        var mine = db.Mentorships.Where(m => m.MentorId == mentorId);
        // Mentees helped: everyone with whom a mentorship actually started, counted once however many times.
        var helped = await mine.Where(m => m.ActivatedAt != null).Select(m => m.MenteeId).Distinct().CountAsync(ct);
        var completed = await mine.CountAsync(m => m.Status == MentorshipStatus.Completed, ct);
        var endorsements = await db.Endorsements.CountAsync(e => e.MentorId == mentorId && e.PublishedAt != null && e.HiddenAt == null, ct);
        return new Impact(helped, completed, await HoursOfMeetingsAsync(mentorId, time.GetUtcNow(), ct), endorsements);
    }

    /// <summary>
    /// Hours of meetings held as the mentor, before <paramref name="now"/>. The meetings feature is built on
    /// another branch; until the lead wires it, this is 0.
    /// </summary>
    // TODO(lead): return MeetingStats.HoursHeldAsync(db, mentorId, now, ct) once the meetings branch is merged.
    public static Task<double> HoursOfMeetingsAsync(Guid mentorId, DateTimeOffset now, CancellationToken ct) => Task.FromResult(0d);
}
