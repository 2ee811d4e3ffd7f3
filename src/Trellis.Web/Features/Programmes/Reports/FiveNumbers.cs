using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Meetings;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Features.Programmes.Health;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Programmes.Reports;

/// <summary>The programme at a glance on its overview, each number a link to the report (or page) behind it.</summary>
public sealed record FiveNumbers(ReportCell Participants, ReportCell Matched, ReportCell Meeting, ReportCell Healthy,
    ReportCell Completed);

public sealed class ProgrammeGlance(TrellisDbContext db, PairHealth health, TimeProvider clock)
{
    public static readonly TimeSpan MeetingWithin = TimeSpan.FromDays(28);

    /// <summary>Participants: enrolled places. Matched: enrolled mentees whose pair started. Meeting: running pairs with a
    /// meeting held in the last 4 weeks. Healthy: active pairs with no pair-health signal (ADR 0031). Completed: pairs.</summary>
    public async Task<FiveNumbers> OfAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = now - MeetingWithin;
        var participants = await db.Participants.CountAsync(p => p.ProgrammeId == id && p.Status == ParticipantStatus.Enrolled, ct);
        var matched = await db.Participants.CountAsync(p => p.ProgrammeId == id && p.Role == ProgrammeRole.Mentee
            && p.Status == ParticipantStatus.Enrolled
            && db.Mentorships.Any(m => m.ProgrammeId == id && m.MenteeId == p.MemberId && m.ActivatedAt != null), ct);
        var meeting = await db.Mentorships.CountAsync(m => m.ProgrammeId == id
            && (m.Status == MentorshipStatus.Active || m.Status == MentorshipStatus.Paused)
            && db.Meetings.Any(x => x.MentorshipId == m.Id && x.Status == MeetingStatus.Confirmed && x.StartsAt >= since && x.StartsAt < now), ct);
        var healthy = (await health.OfAsync(id, ct)).Healthy;
        var completed = await db.Mentorships.CountAsync(m => m.ProgrammeId == id && m.Status == MentorshipStatus.Completed, ct);
        return new FiveNumbers(ReportCell.Count(participants), ReportCell.Count(matched), ReportCell.Count(meeting),
            ReportCell.Count(healthy), ReportCell.Count(completed));
    }
}
