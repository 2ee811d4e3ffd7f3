namespace Trellis.Matching.Scoring;

/// <summary>
/// One criterion's part of a score: its value in [0,1], the weight applied to it (its share of the
/// total weight; for the day-to-day criteria scaled down by the fit gate, see
/// <see cref="MatchingOptions.UnrelatedFitShare"/>), and a sentence for the member.
/// </summary>
public sealed record CriterionScore(Criterion Criterion, float Value, float Weight, string Sentence, bool IsReason)
{
    public float Contribution => Value * Weight;
}

/// <summary>How well a mentor suits a mentee: a total in [0,1] and the per-criterion breakdown behind it.</summary>
public sealed record CompatibilityScore(float Total, IReadOnlyList<CriterionScore> Criteria, int MaxReasons = 4)
{
    public CriterionScore this[Criterion criterion] => Criteria[(int)criterion];

    /// <summary>The strongest reasons, best first: those that add most to the total.</summary>
    public IEnumerable<CriterionScore> Reasons =>
        Criteria.Where(c => c.IsReason).OrderByDescending(c => c.Contribution).ThenBy(c => c.Criterion).Take(MaxReasons);

    /// <summary>The top reasons as one sentence, e.g. "Same field; 11 years ahead of you on a similar path; 4 working hours overlap".</summary>
    public string Explain()
    {
        var parts = Reasons.Select((c, i) => i == 0 ? c.Sentence : LowerFirst(c.Sentence)).ToList();
        return parts.Count == 0 ? "Few obvious things in common, but open to mentoring and has time" : string.Join("; ", parts);
    }

    private static string LowerFirst(string s) =>
        s.Length > 1 && char.IsUpper(s[0]) && !char.IsUpper(s[1]) ? char.ToLowerInvariant(s[0]) + s[1..] : s;
}
