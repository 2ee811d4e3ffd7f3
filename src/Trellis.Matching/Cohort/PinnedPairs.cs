using System.Numerics.Tensors;
using Trellis.Matching.Assignment;

namespace Trellis.Matching.Cohort;

/// <summary>
/// Pins are the coordinator's decision, so a pinned mentor is a candidate whatever the score; but
/// a pin may not break a hard filter or a block. Checked here, by the rule that fails, because the
/// solver can only say "not a candidate" and a pinned mentor outside the K best is no error at all.
/// </summary>
internal static class PinnedPairs
{
    public static (Candidates Candidates, List<CohortProblem> Problems) Add(Candidates c, CohortProblemData problem,
        IReadOnlyList<CohortMentee> mentees, IReadOnlyList<CohortMentor> mentors)
    {
        var problems = new List<CohortProblem>();
        var blocked = problem.Blocked.ToHashSet();
        var extra = new List<(int, int)>?[c.MenteeCount];
        var score = new WeightedScore(problem.Mentees, problem.Mentors);
        foreach (var (i, j) in problem.Pinned.Distinct())
        {
            var (menteeId, mentorId) = (mentees[i].Id, mentors[j].Id);
            if (HardFilters.Check(problem.Mentees, i, problem.Mentors, j) is var exclusion && exclusion != Exclusion.None)
                problems.Add(new(CohortProblemKind.PinBreaksFilter, menteeId, mentorId, exclusion));
            else if (blocked.Contains((i, j)))
                problems.Add(new(CohortProblemKind.PinnedAndForbidden, menteeId, mentorId));
            else if (c.FindArc(i, j) < 0 && !(extra[i]?.Exists(a => a.Item1 == j) ?? false))
                (extra[i] ??= []).Add((j, score.Cost(TensorPrimitives.Dot(problem.Mentees.Embedding(i), problem.Mentors.Embedding(j)), i, j)));
        }
        return (problems.Count > 0 || extra.All(e => e is null) ? c : CandidateLists.Add(c, extra), problems);
    }
}
