using Trellis.Matching.Assignment;

namespace Trellis.Matching.Cohort;

/// <summary>
/// The proof that an optimal result is optimal over every feasible pair, not only over the K
/// candidates per mentee. <see cref="Objective"/> is the result's total cost; <see cref="DualBound"/>
/// is the LP dual Σ uᵢ − Σ placesⱼ · pⱼ of the mentor prices p the solver ends with, where each
/// mentee's uᵢ = min(penalty, min over every mentor who passes the filters of cᵢⱼ + pⱼ) comes from
/// the scan of all pairs. Every assignment costs at least any dual value, so equal numbers prove
/// the optimum (weak duality); pairs whose cᵢⱼ + pⱼ undercut the candidates' uᵢ are added and the
/// cohort solved again, for <see cref="Rounds"/> rounds until the scan finds none.
/// </summary>
/// <param name="PairsScanned">Mentee × mentor pairs the scans covered, over all rounds (all mentors with room).</param>
/// <param name="PairsAdded">Pairs outside the candidate lists that the scans added.</param>
public sealed record OptimalityCertificate(int Rounds, long PairsScanned, int PairsAdded, long Objective, long DualBound)
{
    public bool Proven => Objective == DualBound;
}

/// <summary>
/// Optimal mode over all pairs: solve on the candidate lists, scan every pair against the dual
/// prices with the candidate search's own blocked kernel (the score is the reduced cost cᵢⱼ + pⱼ,
/// so each mentee's best few are its most improving pairs), add the pairs that undercut, repeat.
/// </summary>
internal static class GlobalOptimum
{
    /// <summary>Improving pairs kept per mentee and round: enough for the next solve to choose among.</summary>
    private const int PerMentee = 4;

    public static (Candidates Candidates, MatchingResult Result, OptimalityCertificate? Certificate) Solve(
        CohortProblemData problem, Candidates c, MatchingRules rules, IProgress<double>? progress, CancellationToken ct)
    {
        var (mentees, mentors) = (problem.Mentees, problem.Mentors);
        var withRoom = mentors.Capacity.Count(HardFilters.HasRoom);
        long scanned = 0;
        var added = 0;
        for (var round = 1; ; round++)
        {
            var (result, prices, placesLeft) = OptimalAssignment.SolveWithPrices(c, rules, progress);
            if (!result.IsValid) return (c, result, null);
            ct.ThrowIfCancellationRequested();

            var best = CandidateSearch.Find(mentees, mentors, new ReducedCost(mentees, mentors, prices!), PerMentee,
                problem.Blocked).Candidates;
            scanned += (long)mentees.Count * withRoom;
            var pinned = new bool[c.MenteeCount];
            foreach (var (i, _) in rules.Pinned) pinned[i] = true;

            var extra = new List<(int, int)>?[c.MenteeCount];
            var newPairs = 0;
            long dual = 0;
            for (var i = 0; i < c.MenteeCount; i++)
            {
                if (pinned[i]) continue;
                long u = rules.UnmatchedPenalty;
                for (var a = c.Offsets[i]; a < c.Offsets[i + 1]; a++) u = Math.Min(u, c.Costs[a] + prices![c.Mentors[a]]);
                var full = u; // the mentee's dual value over every pair, once the scan has had its say
                for (var a = best.Offsets[i]; a < best.Offsets[i + 1]; a++)
                {
                    var (j, reduced) = (best.Mentors[a], best.Costs[a]);
                    full = Math.Min(full, reduced);
                    if (reduced >= u || c.FindArc(i, j) >= 0) continue;
                    (extra[i] ??= []).Add((j, (int)(reduced - prices![j])));
                    newPairs++;
                }
                dual += full;
            }
            for (var j = 0; j < c.MentorCount; j++) dual -= placesLeft![j] * prices![j];
            var objective = result.Matches!.TotalCost - PinnedCost(c, rules);

            if (newPairs == 0) return (c, result, new OptimalityCertificate(round, scanned, added, objective, dual));
            c = CandidateLists.Add(c, extra);
            added += newPairs;
        }
    }

    private static long PinnedCost(Candidates c, MatchingRules rules) => rules.Pinned.Sum(p => (long)c.Costs[c.FindArc(p.Mentee, p.Mentor)]);

    /// <summary>cᵢⱼ + pⱼ: a pair's cost plus what its mentor's place is worth to the others.</summary>
    private readonly struct ReducedCost(CohortSide mentees, CohortSide mentors, long[] prices) : IPairScore
    {
        private readonly WeightedScore _score = new(mentees, mentors);

        public int Cost(float cosine, int mentee, int mentor) =>
            (int)Math.Min(_score.Cost(cosine, mentee, mentor) + prices[mentor], int.MaxValue / 2);

        // Prices are never negative, so a pair whose cost alone cannot beat the bound cannot with its price either.
        public float CosineNeededToBeat(int cost, int mentee) => _score.CosineNeededToBeat(cost, mentee);
    }
}
