using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Meetings;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Programmes.Reports;

/// <summary>
/// The reports over time and over what pairs do: when people joined, the first meeting, meetings a month (review
/// scores and check-ins are <see cref="IPairReport"/>s of their own features). Counts, scores and instants only; never an agenda, a note, an answer's words.
/// </summary>
public sealed class ActivityReports(TrellisDbContext db)
{
    public async Task<Report> JoinedAsync(Guid id, Months months, (string Mentees, string Mentors) words, CancellationToken ct)
    {
        var counts = new int[months.Count, 2];
        foreach (var role in new[] { ProgrammeRole.Mentee, ProgrammeRole.Mentor })
        {
            var groups = await db.Participants.AsNoTracking().Where(p => p.ProgrammeId == id && p.Role == role)
                .GroupBy(months.Of<Participant>(p => p.JoinedAt)).Select(g => new { Month = g.Key, People = g.Count() })
                .ToListAsync(ct);
            foreach (var g in groups.Where(g => g.Month >= 0)) counts[g.Month, role == ProgrammeRole.Mentee ? 0 : 1] = g.People;
        }
        return new CountTable([.. Enumerable.Range(0, months.Count).Select(months.Label)], [words.Mentees, words.Mentors], counts)
        { TotalRow = "All", TotalColumn = "Both roles" }
            .ToReport("joined", "Enrolment over time", "The month each place was taken (UTC), by role: whoever joined, whatever they did next.",
                ChartKind.StackedBar, $"At most the last {Months.Most} months.");
    }

    public async Task<Report> FirstMeetingAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        // One row per started pair (its start and its first held meeting, the minimum taken in the database); the days
        // between two instants are counted here because SQLite holds instants as ticks.
        var pairs = await db.Mentorships.AsNoTracking().Where(m => m.ProgrammeId == id && m.ActivatedAt != null)
            .Select(m => new
            {
                Started = m.ActivatedAt!.Value,
                First = db.Meetings.Where(x => x.MentorshipId == m.Id && x.Status == MeetingStatus.Confirmed && x.StartsAt < now)
                    .Min(x => (DateTimeOffset?)x.StartsAt),
            })
            .ToListAsync(ct);
        var days = pairs.Where(p => p.First is not null)
            .Select(p => Math.Max(0, (p.First!.Value - p.Started).TotalDays)).ToList();
        var counts = new int[5, 1];
        foreach (var d in days) counts[d <= 7 ? 0 : d <= 14 ? 1 : d <= 28 ? 2 : 3, 0]++;
        counts[4, 0] = pairs.Count - days.Count;
        var report = new CountTable(["Within a week", "8–14 days", "15–28 days", "More than 28 days", "Not met yet"], ["Pairs"], counts)
        { TotalRow = "All", ShareColumn = "Share" }
            .ToReport("first-meeting", "Time from match to first meeting",
                "Days from the pair's start to its first meeting held (confirmed and begun).", ChartKind.Bar);
        return report with
        {
            Rows = [.. report.Rows, new ReportRow("Median days, pairs that met", [ReportCell.Median(days.Select(Math.Floor).ToList()), ReportCell.None])],
        };
    }

    public async Task<Report> MeetingsAsync(Guid id, Months months, DateTimeOffset now, CancellationToken ct)
    {
        var held = await db.Meetings.AsNoTracking()
            .Where(x => x.Status == MeetingStatus.Confirmed && x.StartsAt < now
                && db.Mentorships.Any(m => m.Id == x.MentorshipId && m.ProgrammeId == id))
            .GroupBy(months.Of<Meeting>(x => x.StartsAt))
            .Select(g => new { Month = g.Key, Meetings = g.Count(), Pairs = g.Select(x => x.MentorshipId).Distinct().Count() })
            .ToListAsync(ct);
        // Pairs running at some time in each month: one row per started pair, counted here.
        var spans = await db.Mentorships.AsNoTracking().Where(m => m.ProgrammeId == id && m.ActivatedAt != null)
            .Select(m => new { From = m.ActivatedAt!.Value, To = m.ClosedAt }).ToListAsync(ct);
        var rows = new List<ReportRow>();
        for (var i = 0; i < months.Count; i++)
        {
            var start = months.Starts[i];
            var end = start.AddMonths(1);
            var running = spans.Count(s => s.From < end && (s.To is null || s.To >= start));
            var month = held.SingleOrDefault(h => h.Month == i);
            var met = month?.Pairs ?? 0;
            rows.Add(new ReportRow(months.Label(i),
            [
                ReportCell.Count(running),
                ReportCell.Count(met),
                ReportCell.Figure(month?.Meetings ?? 0, met),
                ReportCell.Mean(month?.Meetings ?? 0, running),
            ]));
        }
        return new Report("meetings", "Meetings held per pair per month",
            "Meetings confirmed and begun in each month (UTC), and per pair running that month.", ChartKind.Line,
            ["Pairs running", "Pairs that met", "Meetings held", "Per running pair"], [3], rows,
            "A month's figures about 1–4 pairs that met read \"fewer than 5\".");
    }
}
