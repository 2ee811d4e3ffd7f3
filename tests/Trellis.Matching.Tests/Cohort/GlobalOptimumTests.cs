using Trellis.Bench.Assignment;
using Trellis.Matching.Assignment;
using Trellis.Matching.Cohort;
using Trellis.Matching.Tests.Support;

namespace Trellis.Matching.Tests.Cohort;

/// <summary>
/// Optimal mode over every pair (issue 15, item 1): with candidate lists cut to 1–5 per mentee, the
/// result's cost equals OR-Tools' min-cost flow on the full graph (every pair that passes the
/// filters), and the certificate proves it (objective = dual bound).
/// </summary>
public sealed class GlobalOptimumTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void CutCandidateLists_ReachTheFullGraphOptimum_WithACertificate(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 10; round++)
        {
            var (mentees, mentors) = RandomCohort(random, random.Next(20, 300), random.Next(5, 60));
            var penalty = random.Next(3) == 0 ? random.Next(100, 999) : 10_000;
            var k = random.Next(1, 6);

            var global = CohortMatcher.Match(mentees, mentors, new CohortSettings { ReferenceDate = Builders.November, CandidatesPerMentee = k, UnmatchedPenalty = penalty });
            var cut = CohortMatcher.Match(mentees, mentors,
                new CohortSettings { ReferenceDate = Builders.November, CandidatesPerMentee = k, UnmatchedPenalty = penalty, OverAllPairs = false });

            var oracle = OrToolsMinCostFlow.Solve(FullGraph(mentees, mentors), penalty);
            var certificate = global.Summary!.Certificate!;
            Assert.Equal(oracle, Objective(global, penalty));
            Assert.True(certificate.Proven, $"objective {certificate.Objective} but dual bound {certificate.DualBound}");
            Assert.Equal(oracle, certificate.Objective);
            Assert.True(Objective(cut, penalty) >= oracle);
            Assert.Null(cut.Summary!.Certificate);
            Assert.DoesNotContain(global.Assignments, a => a.Unmatched?.Reason == UnmatchedReason.NotACandidate);
        }
    }

    [Fact]
    public void TheCertificate_CountsTheScanAndWhatItAdded()
    {
        // Both want m1 (K = 1); m2 is only found by the scan. After the first solve m1's price is what
        // the one left out would pay for it (up to the penalty), so m2 undercuts for both mentees.
        float[] east = [1, 0], between = [0.6f, 0.8f];
        var mentees = new List<CohortMentee> { new("e1", ["en"], null, east), new("e2", ["en"], null, east) };
        var mentors = new List<CohortMentor> { new("m1", ["en"], null, 1, east), new("m2", ["en"], null, 1, between) };

        var result = CohortMatcher.Match(mentees, mentors, new CohortSettings { ReferenceDate = Builders.November, CandidatesPerMentee = 1 });

        Assert.Equal(2, result.Summary!.Matched);
        var certificate = result.Summary.Certificate!;
        Assert.Equal(2, certificate.Rounds);
        Assert.Equal(2, certificate.PairsAdded);
        Assert.Equal(8, certificate.PairsScanned); // 2 mentees × 2 mentors, twice
        Assert.True(certificate.Proven);
    }

    private static long Objective(CohortResult result, int penalty) =>
        (long)WeightedScore.MaxCost * result.Summary!.Matched - result.Summary.TotalScore + (long)penalty * result.Summary.Unmatched;

    /// <summary>Every pair that passes the filters, by asking the candidate search for all of them.</summary>
    private static Candidates FullGraph(List<CohortMentee> mentees, List<CohortMentor> mentors)
    {
        var (problem, _) = CohortProblemBuilder.Build(mentees, mentors, new CohortSettings { ReferenceDate = Builders.November });
        return CandidateSearch.Find(problem!.Mentees, problem.Mentors, new WeightedScore(problem.Mentees, problem.Mentors),
            Math.Max(1, mentors.Count), problem.Blocked).Candidates;
    }

    private static (List<CohortMentee>, List<CohortMentor>) RandomCohort(Random random, int menteeCount, int mentorCount)
    {
        string[][] languageSets = [["en"], ["en", "de"], ["de"], ["fr"]];
        float[] Vector()
        {
            var v = new float[8];
            for (var d = 0; d < v.Length; d++) v[d] = (float)(random.NextDouble() * 2 - 1);
            var norm = MathF.Sqrt(v.Sum(x => x * x));
            return [.. v.Select(x => x / norm)];
        }
        var mentees = Enumerable.Range(0, menteeCount).Select(i => new CohortMentee($"e{i}", languageSets[random.Next(4)],
            random.Next(4) == 0 ? $"u{random.Next(3)}" : null, Vector())).ToList();
        var mentors = Enumerable.Range(0, mentorCount).Select(j => new CohortMentor($"m{j}", languageSets[random.Next(4)],
            random.Next(4) == 0 ? $"u{random.Next(3)}" : null, random.Next(0, 6), Vector())).ToList();
        return (mentees, mentors);
    }
}
