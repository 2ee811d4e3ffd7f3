using CsCheck;
using Trellis.Matching.Assignment;
using Trellis.Matching.Stable;

namespace Trellis.Matching.Tests.Assignment;

/// <summary>Whatever the instance and rules, both solvers honour capacities, pins and bans.</summary>
public class RulesPropertyTests
{
    private sealed record Case(Candidates Candidates, MatchingRules Rules);

    private static readonly Gen<Case> Cases =
        Gen.Select(Gen.Int[1, 40], Gen.Int[1, 12], Gen.Int[0, 8], Gen.Int, (n, m, k, seed) =>
        {
            var candidates = new Shape(n, m, k, 0, 4, 10_000).Create(seed);
            var random = new Random(seed);
            var arcs = Enumerable.Range(0, n)
                .SelectMany(i => Enumerable.Range(candidates.Offsets[i], candidates.CandidateCount(i)).Select(a => (i, candidates.Mentors[a])))
                .OrderBy(_ => random.Next()).ToList();
            var load = new int[m];
            var pinnedMentees = new HashSet<int>();
            var cap = random.Next(3) == 0 ? random.Next(1, 3) : (int?)null;
            var pinned = new List<(int, int)>();
            foreach (var (i, j) in arcs.Take(arcs.Count / 5))
                if (load[j] < Math.Min(candidates.Capacity[j], cap ?? int.MaxValue) && pinnedMentees.Add(i))
                {
                    load[j]++;
                    pinned.Add((i, j));
                }
            var forbidden = arcs.Skip(arcs.Count / 5).Take(arcs.Count / 4).ToList();
            return new Case(candidates, new MatchingRules
            {
                UnmatchedPenalty = random.Next(100, 2_000),
                MaxMenteesPerMentor = cap,
                Pinned = pinned,
                Forbidden = forbidden,
            });
        });

    [Fact]
    public void OptimalAssignment_AnyRules_RespectsCapacityCapPinsAndBans() =>
        Cases.Sample(c => AssertRulesHold(c, OptimalAssignment.Solve(c.Candidates, c.Rules)), iter: 300);

    [Fact]
    public void DeferredAcceptance_AnyRules_RespectsCapacityCapPinsAndBansAndIsStable() =>
        Cases.Sample(c =>
        {
            var result = DeferredAcceptance.Solve(c.Candidates, c.Rules);
            AssertRulesHold(c, result);
            Assert.Equal(0, BlockingPairs.Count(c.Candidates, result.Matches!, c.Rules));
        }, iter: 300);

    [Fact]
    public void OptimalAssignment_AnyRules_NeverCostsMoreThanDeferredAcceptance() =>
        Cases.Sample(c =>
            Assert.True(OptimalAssignment.Solve(c.Candidates, c.Rules).Matches!.TotalCost
                <= DeferredAcceptance.Solve(c.Candidates, c.Rules).Matches!.TotalCost), iter: 300);

    private static void AssertRulesHold(Case c, MatchingResult result)
    {
        Assert.True(result.IsValid, string.Join("; ", result.Violations));
        var matches = result.Matches!;
        OptimalAssignmentTests.AssertCapacitiesRespected(c.Candidates, matches, c.Rules.MaxMenteesPerMentor);
        foreach (var (i, j) in c.Rules.Pinned) Assert.Equal(j, matches.MentorOf[i]);
        foreach (var (i, j) in c.Rules.Forbidden) Assert.NotEqual(j, matches.MentorOf[i]);
        Assert.Equal(matches.TotalCost, OptimalAssignmentTests.RecomputedCost(c.Candidates, matches));
    }
}
