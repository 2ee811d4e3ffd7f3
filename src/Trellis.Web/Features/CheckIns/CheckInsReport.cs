using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Programmes.Reports;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.CheckIns;

/// <summary>A programme's check-ins with a deadline, by whether the mentor answered in time: counts, never the words.</summary>
public sealed class CheckInsReport(TrellisDbContext db) : IPairReport
{
    public int Position => 70;
    public string Key => "check-ins";

    public async Task<Report> BuildAsync(PairScope scope, CancellationToken ct)
    {
        var now = scope.Now;
        // 0 answered in time, 1 answered late, 2 overdue, 3 not due yet, 4 resolved without an answer.
        var groups = await db.CheckIns.AsNoTracking()
            .Where(c => c.AnswerDueAt != null && scope.Pairs.Contains(c.MentorshipId))
            .Select(c => c.AnsweredAt != null ? (c.AnsweredAt <= c.AnswerDueAt ? 0 : 1)
                : c.Status == CheckInStatus.Resolved ? 4 : c.AnswerDueAt < now ? 2 : 3)
            .GroupBy(state => state).Select(g => new { State = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var counts = new int[5, 1];
        foreach (var g in groups) counts[g.State, 0] = g.Count;
        return new CountTable(["Answered in time", "Answered late", "Overdue, not answered", "Not due yet", "Resolved before an answer"],
            ["Check-ins"], counts)
        { TotalRow = "All with a deadline", ShareColumn = "Share" }
            .ToReport(Key, "Check-ins answered in time",
                "Check-ins asked for today or this week, by whether the mentor answered by the time due.", ChartKind.Bar);
    }
}
