using System.Globalization;
using System.Text;

namespace Trellis.Matching.Tests.Quality;

/// <summary>Per-category quality of one ranking of the career-coach set (issue 14, item 6).</summary>
public sealed record CategoryQuality(string Category, int Mentees, double Top1, double Top3, double Mrr, double WrongAtOne, int Violations)
{
    public bool MeetsTargets => Top1 >= 0.85 && Top3 >= 0.97 && WrongAtOne <= 0.05 && Violations == 0;
}

/// <summary>One mentee's outcome: where the first acceptable mentor came, what came first, and any broken constraint.</summary>
public sealed record MenteeOutcome(CoachMentee Mentee, int FirstAcceptableRank, string? First, IReadOnlyList<string> Top, IReadOnlyList<string> Violations);

public static class CoachReport
{
    /// <param name="rank">The engine's ranked mentor keys for a mentee, best first (at least ten when there are ten).</param>
    public static (IReadOnlyList<CategoryQuality> Rows, IReadOnlyList<MenteeOutcome> Outcomes) Measure(
        CoachSet set, Func<CoachMentee, IReadOnlyList<string>> rank)
    {
        var mentors = set.Mentors.ToDictionary(m => m.Id);
        var outcomes = set.Mentees.Select(mentee =>
        {
            var ranked = rank(mentee);
            var first = ranked.Select((k, i) => (k, i)).FirstOrDefault(x => mentee.Acceptable.Contains(x.k), (k: "", i: -1)).i;
            var violations = ranked.Take(10)
                .Select(k => (k, why: CoachConstraints.Violation(mentee, mentors[k])))
                .Where(x => x.why is not null).Select(x => $"{x.k}: {x.why}").ToList();
            return new MenteeOutcome(mentee, first < 0 ? -1 : first + 1, ranked.FirstOrDefault(), [.. ranked.Take(5)], violations);
        }).ToList();

        var rows = CoachSet.Categories.Select(c => Row(c, outcomes.Where(o => o.Mentee.Category == c).ToList())).ToList();
        rows.Add(Row("all", outcomes));
        return (rows, outcomes);
    }

    private static CategoryQuality Row(string category, IReadOnlyList<MenteeOutcome> outcomes) => new(
        category,
        outcomes.Count,
        outcomes.Count(o => o.FirstAcceptableRank == 1) / (double)outcomes.Count,
        outcomes.Count(o => o.FirstAcceptableRank is >= 1 and <= 3) / (double)outcomes.Count,
        outcomes.Sum(o => o.FirstAcceptableRank > 0 ? 1.0 / o.FirstAcceptableRank : 0) / outcomes.Count,
        outcomes.Count(o => o.First is { } f && o.Mentee.Wrong.Contains(f)) / (double)outcomes.Count,
        outcomes.Sum(o => o.Violations.Count));

    public static string Table(string title, IReadOnlyList<CategoryQuality> rows)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"{title}");
        s.AppendLine();
        s.AppendLine("| category | mentees | top-1 acceptable | top-3 | MRR | wrong-but-close at 1 | violations in top 10 |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in rows)
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {(r.Category == "all" ? "**all**" : r.Category)} | {r.Mentees} | {r.Top1:P1} | {r.Top3:P1} | {r.Mrr:F3} | {r.WrongAtOne:P1} | {r.Violations} |");
        return s.ToString();
    }

    /// <summary>The worst failures first: no acceptable mentor at all, then by rank of the first acceptable one.</summary>
    public static IEnumerable<MenteeOutcome> Worst(IEnumerable<MenteeOutcome> outcomes) => outcomes
        .Where(o => o.FirstAcceptableRank != 1 || o.Violations.Count > 0)
        .OrderByDescending(o => o.Violations.Count)
        .ThenByDescending(o => o.FirstAcceptableRank < 0 ? int.MaxValue : o.FirstAcceptableRank)
        .ThenBy(o => o.Mentee.Id, StringComparer.Ordinal);
}
