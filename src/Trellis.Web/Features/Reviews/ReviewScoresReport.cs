using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Programmes.Reports;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Reviews;

/// <summary>The trend of a programme's review health scores, a month at a time: the score only, never the answers' words.</summary>
public sealed class ReviewScoresReport(TrellisDbContext db) : IPairReport
{
    public int Position => 60;
    public string Key => "review-scores";

    public async Task<Report> BuildAsync(PairScope scope, CancellationToken ct)
    {
        var months = scope.Months;
        var groups = await db.Set<ReviewAnswer>().AsNoTracking()
            .Where(a => db.Reviews.Any(r => r.Id == a.ReviewId && scope.Pairs.Contains(r.MentorshipId)))
            .GroupBy(months.Of<ReviewAnswer>(a => a.AnsweredAt))
            .Select(g => new { Month = g.Key, Answers = g.Count(), Sum = g.Sum(a => a.Score), Low = g.Count(a => a.Score <= 2) })
            .ToListAsync(ct);
        var rows = Enumerable.Range(0, months.Count).Select(i =>
        {
            var g = groups.SingleOrDefault(x => x.Month == i);
            var answers = g?.Answers ?? 0;
            return new ReportRow(months.Label(i),
                [ReportCell.Count(answers), ReportCell.Mean(g?.Sum ?? 0, answers), ReportCell.Rate(g?.Low ?? 0, answers)]);
        }).ToList();
        return new Report(Key, "Review health scores over time",
            "\"Is this working for you?\" (1 not at all – 5 very well), the answers given each month (UTC).", ChartKind.Line,
            ["Answers", "Average score", "Scored 1–2"], [1], rows);
    }
}
