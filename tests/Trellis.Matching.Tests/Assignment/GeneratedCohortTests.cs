using Trellis.Bench.Assignment;
using Trellis.Matching.Assignment;

namespace Trellis.Matching.Tests.Assignment;

/// <summary>
/// The realistic shape, small: candidate lists of generated cohorts (popular topics, rare
/// languages that leave mentees without a place), where the solver's warm start and searches
/// work hardest. Same oracle as the random instances.
/// </summary>
public class GeneratedCohortTests
{
    public static TheoryData<int, int, int> Cohorts()
    {
        var data = new TheoryData<int, int, int>();
        for (var seed = 1; seed <= 6; seed++)
        {
            data.Add(1_000, 200, seed);   // places = mentees, as the full-scale cohort
            data.Add(2_000, 300, seed);   // too few places: many mentees unmatched
            data.Add(2_500, 500, seed);
        }
        return data; // 18 cohorts
    }

    [Theory]
    [MemberData(nameof(Cohorts))]
    public void Solve_GeneratedCohort_CostEqualsOrToolsMinCostFlowOptimum(int mentees, int mentors, int seed)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"trellis-cohort-{Guid.NewGuid():N}");
        try
        {
            var candidates = GeneratedCohort.Create(folder, mentees, mentors, seed);

            var matching = OptimalAssignment.Solve(candidates).Matches!;

            Assert.Equal(OrToolsMinCostFlow.Solve(candidates, MatchingRules.Default.UnmatchedPenalty), matching.TotalCost);
            Assert.Equal(matching.TotalCost, OptimalAssignmentTests.RecomputedCost(candidates, matching));
            OptimalAssignmentTests.AssertCapacitiesRespected(candidates, matching);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
