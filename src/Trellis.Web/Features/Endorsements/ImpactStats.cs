using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Meetings;
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
        // Hours held: confirmed meetings in the past where this member was the mentor (the meetings feature's rule).
        var hours = await MeetingStats.HoursHeldAsync(db, mentorId, time.GetUtcNow(), ct);
        return new Impact(helped, completed, hours, endorsements);
    }

}
