using Trellis.Bench.Assignment;
using Trellis.Matching.Assignment;

namespace Trellis.Matching.Tests.Assignment;

public class OptimalAssignmentTests
{
    public static readonly Shape[] Shapes =
    [
        new(12, 4, 4, 1, 3, 10_000),          // tiny, room for almost everyone
        new(60, 10, 6, 1, 2, 10_000),         // far fewer places than mentees
        new(200, 40, 8, 5, 5, 10_000),        // exactly as many places as mentees
        new(300, 60, 10, 1, 10, 600),         // a low penalty: a poor match is worse than none
        new(1_000, 200, 20, 5, 5, 10_000),    // tight, denser
        new(2_000, 400, 30, 1, 10, 1_500),    // medium, mixed capacities
    ];

    public static TheoryData<int, int> Instances()
    {
        var data = new TheoryData<int, int>();
        for (var shape = 0; shape < Shapes.Length; shape++)
            for (var seed = 0; seed < (shape < 4 ? 25 : 10); seed++)
                data.Add(shape, seed);
        return data; // 4 × 25 + 2 × 10 = 120 instances
    }

    [Theory]
    [MemberData(nameof(Instances))]
    public void Solve_RandomInstance_CostEqualsOrToolsMinCostFlowOptimum(int shape, int seed)
    {
        var s = Shapes[shape];
        var candidates = s.Create(seed * 7919 + shape);
        var rules = new MatchingRules { UnmatchedPenalty = s.Penalty };

        var matching = OptimalAssignment.Solve(candidates, rules).Matches!;

        Assert.Equal(OrToolsMinCostFlow.Solve(candidates, s.Penalty), matching.TotalCost);
        Assert.Equal(matching.TotalCost, RecomputedCost(candidates, matching));
        AssertCapacitiesRespected(candidates, matching);
    }

    [Fact]
    public void Solve_WhenPlacesRunOut_LeavesTheMenteeWithTheWorstAlternativesUnmatched()
    {
        var candidates = new CandidatesBuilder(2, [1])
            .Add(0, 0, 100)
            .Add(1, 0, 10)
            .Build();

        var matching = OptimalAssignment.Solve(candidates).Matches!;

        Assert.Equal([Matches.Unmatched, 0], matching.MentorOf);
        Assert.Equal(10 + MatchingRules.Default.UnmatchedPenalty, matching.TotalCost);
    }

    [Fact]
    public void Solve_WhenPairCostsMoreThanPenalty_LeavesMenteeUnmatched()
    {
        var candidates = new CandidatesBuilder(1, [1]).Add(0, 0, 900).Build();

        var matching = OptimalAssignment.Solve(candidates, new MatchingRules { UnmatchedPenalty = 500 }).Matches!;

        Assert.Equal(Matches.Unmatched, matching.MentorOf[0]);
        Assert.Equal(500, matching.TotalCost);
    }

    [Fact]
    public void Solve_PinnedToAFullMentor_ReturnsRuleViolation()
    {
        var candidates = new CandidatesBuilder(2, [1]).Add(0, 0, 1).Add(1, 0, 1).Build();

        var result = OptimalAssignment.Solve(candidates, new MatchingRules { Pinned = [(0, 0), (1, 0)] });

        Assert.False(result.IsValid);
        Assert.Contains(result.Violations, v => v.Mentee == 1 && v.Kind == RuleViolationKind.PinnedOverCapacity);
    }

    [Fact]
    public void Solve_PairBothPinnedAndForbidden_ReturnsRuleViolation()
    {
        var candidates = new CandidatesBuilder(1, [1]).Add(0, 0, 1).Build();

        var result = OptimalAssignment.Solve(candidates, new MatchingRules { Pinned = [(0, 0)], Forbidden = [(0, 0)] });

        Assert.False(result.IsValid);
    }

    internal static long RecomputedCost(Candidates c, Matches matching)
    {
        long total = 0;
        for (var i = 0; i < c.MenteeCount; i++)
            total += matching.MentorOf[i] == Matches.Unmatched
                ? matching.UnmatchedPenalty
                : c.Costs[c.FindArc(i, matching.MentorOf[i])];
        return total;
    }

    internal static void AssertCapacitiesRespected(Candidates c, Matches matching, int? cap = null)
    {
        var load = new int[c.MentorCount];
        for (var i = 0; i < c.MenteeCount; i++)
        {
            var j = matching.MentorOf[i];
            if (j == Matches.Unmatched) continue;
            Assert.True(c.FindArc(i, j) >= 0, $"mentee {i} got mentor {j}, who is not a candidate");
            load[j]++;
        }
        for (var j = 0; j < c.MentorCount; j++)
            Assert.True(load[j] <= Math.Min(c.Capacity[j], cap ?? int.MaxValue), $"mentor {j} over capacity");
    }
}
