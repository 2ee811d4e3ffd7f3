using System.Numerics.Tensors;
using Trellis.Matching.Assignment;

namespace Trellis.Matching.Cohort;

/// <summary>What became of the rankings people wrote, for stable mode (counts over both sides).</summary>
/// <param name="Declared">Ranked ids, repeats included.</param>
/// <param name="Added">Declared pairs that were not among the K best by score and were added to the candidates.</param>
/// <param name="Repeated">Ids ranked again by the same person (the first place counts).</param>
/// <param name="FailHardFilter">Pairs a hard filter rules out (no shared language, same unit, no room); never matched.</param>
/// <param name="Blocked">Pairs the mentee or the coordinator blocked; never matched.</param>
public sealed record RankingFacts(int Declared, int Added, int Repeated, int FailHardFilter, int Blocked);

/// <summary>
/// Stable matching over what people declared: every pair someone ranked (either side) that passes
/// the hard filters joins the candidate lists, whatever its score. Without this a ranked mentor
/// outside a mentee's K best was dropped without a word, and the result was stable only against
/// lists nobody wrote.
/// </summary>
internal static class DeclaredPairs
{
    public static (Candidates Candidates, RankingFacts Facts) Add(Candidates c, CohortProblemData problem)
    {
        var (mentees, mentors) = (problem.Mentees, problem.Mentors);
        var blocked = problem.Blocked.Select(p => Key(p.Mentee, p.Mentor)).ToHashSet();
        var extra = new List<int>[c.MenteeCount];
        int declared = 0, repeated = 0, failing = 0, blockedCount = 0, added = 0;
        var seen = new HashSet<long>();

        void Consider(int i, int j, bool byMentee)
        {
            declared++;
            // A repeat is the same person naming the same id again; the pair named by both sides is not one.
            if (!seen.Add(Key(i, j) * 2 + (byMentee ? 1 : 0))) { repeated++; return; }
            if (!HardFilters.Allows(mentees, i, mentors, j)) { failing++; return; }
            if (blocked.Contains(Key(i, j))) { blockedCount++; return; }
            if (c.FindArc(i, j) >= 0 || (extra[i]?.Contains(j) ?? false)) return;
            (extra[i] ??= []).Add(j);
            added++;
        }

        for (var i = 0; i < problem.MenteeRanking.Length; i++)
            foreach (var j in problem.MenteeRanking[i]) Consider(i, j, byMentee: true);
        for (var j = 0; j < problem.MentorRanking.Length; j++)
            foreach (var i in problem.MentorRanking[j]) Consider(i, j, byMentee: false);

        var facts = new RankingFacts(declared, added, repeated, failing, blockedCount);
        if (added == 0) return (c, facts);

        var score = new WeightedScore(mentees, mentors);
        var arcs = new List<(int, int)>?[c.MenteeCount];
        for (var i = 0; i < c.MenteeCount; i++)
            if (extra[i] is { } mentorsAdded)
                arcs[i] = [.. mentorsAdded.Select(j =>
                    (j, score.Cost(TensorPrimitives.Dot(mentees.Embedding(i), mentors.Embedding(j)), i, j)))];
        return (CandidateLists.Add(c, arcs), facts);
    }

    private static long Key(int mentee, int mentor) => ((long)mentee << 32) | (uint)mentor;
}
