using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Meetings;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Programmes.Health;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Programmes.Reports;

/// <summary>The programme at a glance on its overview, each number a link to the report (or page) behind it.</summary>
public sealed record FiveNumbers(ReportCell Participants, ReportCell Matched, ReportCell Meeting, ReportCell Healthy,
    ReportCell Completed);

public sealed class ProgrammeGlance(TrellisDbContext db, ProgrammeReports reports, PairHealth health, TimeProvider clock)
{
    public static readonly TimeSpan MeetingWithin = TimeSpan.FromDays(28);

    /// <summary>Participants: enrolled places. Matched: enrolled mentees whose pair started. Meeting: running pairs with a
    /// meeting held in the last 4 weeks. Healthy: active pairs with no pair-health signal (ADR 0031). Completed: pairs.
    /// The first, second and last are the reports' own cells (suppressed as there), so neither page gives the other away.</summary>
    public async Task<FiveNumbers> OfAsync(Programme programme, CancellationToken ct)
    {
        var id = programme.Id;
        var now = clock.GetUtcNow();
        var since = now - MeetingWithin;
        var (enrolment, matchRate, completion) = await reports.GlanceAsync(programme, ct);
        var meeting = await db.Mentorships.CountAsync(m => m.ProgrammeId == id
            && (m.Status == MentorshipStatus.Active || m.Status == MentorshipStatus.Paused)
            && db.Meetings.Any(x => x.MentorshipId == m.Id && x.Status == MeetingStatus.Confirmed && x.StartsAt >= since && x.StartsAt < now), ct);
        var healthy = (await health.OfAsync(id, ct)).Healthy;
        return new FiveNumbers(enrolment.Rows[0].Cells[2], matchRate.Rows[0].Cells[0], ReportCell.Count(meeting),
            ReportCell.Count(healthy), completion.Rows[1].Cells[0]);
    }
}
