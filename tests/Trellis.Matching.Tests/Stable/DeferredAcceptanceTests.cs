using Trellis.Matching.Assignment;
using Trellis.Matching.Stable;
using Trellis.Matching.Tests.Assignment;

namespace Trellis.Matching.Tests.Stable;

public class DeferredAcceptanceTests
{
    private static readonly Shape[] Shapes =
    [
        new(50, 10, 5, 1, 3, 10_000, MaxCost: 20), // many ties in score
        new(500, 100, 10, 1, 10, 10_000),
        new(5_000, 1_000, 30, 5, 5, 10_000),
    ];

    public static TheoryData<int, int> Instances()
    {
        var data = new TheoryData<int, int>();
        for (var shape = 0; shape < Shapes.Length; shape++)
            for (var seed = 0; seed < 20; seed++) data.Add(shape, seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Instances))]
    public void Solve_RandomInstance_HasNoBlockingPair(int shape, int seed)
    {
        var candidates = Shapes[shape].Create(seed * 31 + shape);

        var matches = DeferredAcceptance.Solve(candidates).Matches!;

        Assert.Equal(0, BlockingPairs.Count(candidates, matches));
        OptimalAssignmentTests.AssertCapacitiesRespected(candidates, matches);
    }

    [Theory]
    [MemberData(nameof(Instances))]
    public void Solve_WithExplicitRankingsOnBothSides_HasNoBlockingPair(int shape, int seed)
    {
        var candidates = Shapes[shape].Create(seed * 37 + shape);
        var random = new Random(seed);
        var rankings = new Rankings(
            Enumerable.Range(0, candidates.ArcCount).Select(_ => random.Next(100)).ToArray(),
            Enumerable.Range(0, candidates.ArcCount).Select(_ => random.Next(100)).ToArray());

        var matches = DeferredAcceptance.Solve(candidates, rankings: rankings).Matches!;

        Assert.Equal(0, BlockingPairs.Count(candidates, matches, rankings: rankings));
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, 150)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_TinyInstance_EqualsMenteeOptimalStableMatchingByBruteForce(int seed)
    {
        var random = new Random(seed);
        var candidates = new Shape(random.Next(1, 7), random.Next(1, 4), 3, 0, 2, 10_000, MaxCost: 9).Create(seed);

        var matches = DeferredAcceptance.Solve(candidates).Matches!;

        var stable = BruteForce.StableMatchings(candidates).ToList();
        Assert.NotEmpty(stable); // stable matchings always exist
        for (var i = 0; i < candidates.MenteeCount; i++)
        {
            var bestStable = stable.Min(m => BruteForce.MenteeKey(candidates, i, m[i]));
            Assert.Equal(bestStable, BruteForce.MenteeKey(candidates, i, matches.MentorOf[i]));
        }
    }

    [Fact]
    public void Count_MatchingWhereBothPreferEachOther_FindsTheBlockingPair()
    {
        // Mentee 0 prefers mentor 0, who has a free place: leaving 0 with mentor 1 is unstable.
        var candidates = new CandidatesBuilder(1, [1, 1]).Add(0, 0, 5).Add(0, 1, 50).Build();
        var unstable = new Matches([1], 50, 10_000);

        Assert.Equal(1, BlockingPairs.Count(candidates, unstable));
    }
}
