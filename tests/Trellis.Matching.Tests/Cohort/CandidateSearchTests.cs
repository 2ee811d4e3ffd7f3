using System.Numerics.Tensors;
using CsCheck;
using Trellis.Matching.Cohort;

namespace Trellis.Matching.Tests.Cohort;

public class CandidateSearchTests
{
    private sealed record Cohort(CohortSide Mentees, CohortSide Mentors, List<(int, int)> Blocked, int K);

    /// <summary>Odd sizes and dimensions on purpose: partial tiles, an odd mentor count, padding.</summary>
    private static readonly Gen<Cohort> Cohorts =
        Gen.Select(Gen.Int[1, 150], Gen.Int[1, 300], Gen.Int[1, 40], Gen.Int[1, 20], Gen.Int, (n, m, dims, k, seed) =>
        {
            var random = new Random(seed);
            CohortSide Side(int count, bool mentors) => new(dims,
                [.. Enumerable.Range(0, count).SelectMany(_ => UnitVector(random, dims))],
                [.. Enumerable.Range(0, count).Select(_ => (ulong)random.Next(0, 8))],
                [.. Enumerable.Range(0, count).Select(_ => random.Next(-1, 4))],
                mentors ? [.. Enumerable.Range(0, count).Select(_ => random.Next(0, 3))] : null);
            var mentees = Side(n, false);
            var mentors = Side(m, true);
            var blocked = Enumerable.Range(0, n * m / 10).Select(_ => (random.Next(n), random.Next(m))).Distinct().ToList();
            return new Cohort(mentees, mentors, blocked, k);
        });

    [Fact]
    public void Find_AnyCohort_EqualsBruteForceTopKAndNeverBreaksAHardFilter() =>
        Cohorts.Sample(c =>
        {
            var score = new WeightedScore(c.Mentees, c.Mentors);
            var found = CandidateSearch.Find(c.Mentees, c.Mentors, score, c.K, c.Blocked);
            var blocked = c.Blocked.ToHashSet();

            for (var i = 0; i < c.Mentees.Count; i++)
            {
                var expected = Enumerable.Range(0, c.Mentors.Count)
                    .Where(j => HardFilters.Allows(c.Mentees, i, c.Mentors, j) && !blocked.Contains((i, j)))
                    .Select(j => (Cost: score.Cost(TensorPrimitives.Dot(c.Mentees.Embedding(i), c.Mentors.Embedding(j)), i, j), Mentor: j))
                    .OrderBy(x => x.Cost).ThenBy(x => x.Mentor).Take(c.K).ToList();
                var arcs = Enumerable.Range(found.Candidates.Offsets[i], found.Candidates.CandidateCount(i))
                    .Select(a => (Cost: found.Candidates.Costs[a], Mentor: found.Candidates.Mentors[a])).ToList();

                foreach (var (_, j) in arcs)
                    Assert.True(HardFilters.Allows(c.Mentees, i, c.Mentors, j) && !blocked.Contains((i, j)));
                // Blocked kernels and a plain dot product may round a score differently by one.
                Assert.Equal(expected.Count, arcs.Count);
                for (var r = 0; r < arcs.Count; r++) Assert.InRange(arcs[r].Cost - expected[r].Cost, -1, 1);
            }
        }, iter: 150);

    [Fact]
    public void Find_WhenTheOnlyPassingMentorIsBlocked_CountsItAsBlockedNotAsACandidate()
    {
        var mentees = new CohortSide(8, UnitVector(new Random(1), 8), [1UL], [-1]);
        var mentors = new CohortSide(8, [.. UnitVector(new Random(2), 8), .. UnitVector(new Random(3), 8)], [1UL, 2UL], [-1, -1], [1, 1]);

        var found = CandidateSearch.Find(mentees, mentors, new WeightedScore(mentees, mentors), 5, [(0, 0)]);

        Assert.Equal(0, found.Candidates.CandidateCount(0));
        Assert.Equal(1, found.Blocked[0]);
    }

    private static float[] UnitVector(Random random, int dims)
    {
        var v = Enumerable.Range(0, dims).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }
}
