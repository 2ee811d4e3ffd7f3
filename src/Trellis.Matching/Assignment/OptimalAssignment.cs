namespace Trellis.Matching.Assignment;

/// <summary>
/// Minimum-cost many-to-one assignment: every mentee gets at most one candidate mentor, no mentor
/// exceeds capacity, and the sum of pair costs plus the unmatched penalties is minimal.
/// Exact for integer costs. The choice of algorithm is explained in docs/matching.md.
/// </summary>
public static class OptimalAssignment
{
    /// <param name="progress">The share of the work done, 0–1, reported on the calling thread.</param>
    public static MatchingResult Solve(Candidates candidates, MatchingRules? rules = null, IProgress<double>? progress = null) =>
        SolveWithPrices(candidates, rules, progress).Result;

    /// <summary>
    /// Also returns each mentor's price (−potential at the end: 0 for a mentor with a free place),
    /// the dual prices <see cref="Cohort.GlobalOptimum"/> checks every other pair against.
    /// </summary>
    internal static (MatchingResult Result, long[]? Prices, int[]? PlacesLeft) SolveWithPrices(Candidates candidates,
        MatchingRules? rules, IProgress<double>? progress)
    {
        rules ??= MatchingRules.Default;
        var (problem, violations) = PreparedProblem.Prepare(candidates, rules);
        if (problem is null) return (MatchingResult.Invalid(violations), null, null);

        var solver = new ShortestAugmentingPaths(problem, rules.UnmatchedPenalty);
        var mentorOf = solver.Run(progress);
        long total = problem.PinnedCost;
        for (var i = 0; i < mentorOf.Length; i++)
        {
            if (problem.Pinned[i] != Matches.Unmatched) mentorOf[i] = problem.Pinned[i];
            else if (mentorOf[i] == Matches.Unmatched) total += rules.UnmatchedPenalty;
            else total += solver.CostOf(i);
        }
        return (MatchingResult.Ok(new Matches(mentorOf, total, rules.UnmatchedPenalty)), solver.Prices(), problem.Capacity);
    }
}
