namespace Trellis.Matching.Scoring;

/// <summary>
/// One criterion's part of a score: its value in [0,1], the weight applied to it (its share of the
/// total weight; for the day-to-day criteria scaled down by the fit gate, see
/// <see cref="MatchingOptions.UnrelatedFitShare"/>), whether it counts as a reason to show, and the
/// facts behind the value (<see cref="CriterionReason"/>; the web app puts them into words).
/// </summary>
public sealed record CriterionScore(Criterion Criterion, float Value, float Weight, bool IsReason, CriterionReason Reason)
{
    public float Contribution => Value * Weight;
}

/// <summary>How well a mentor suits a mentee: a total in [0,1] and the per-criterion breakdown behind it.</summary>
public sealed record CompatibilityScore(float Total, IReadOnlyList<CriterionScore> Criteria, int MaxReasons = 4)
{
    public CriterionScore this[Criterion criterion] => Criteria[(int)criterion];

    /// <summary>The strongest reasons, best first: those that add most to the total. Empty when nothing stands out.</summary>
    public IEnumerable<CriterionScore> Reasons =>
        Criteria.Where(c => c.IsReason).OrderByDescending(c => c.Contribution).ThenBy(c => c.Criterion).Take(MaxReasons);
}
