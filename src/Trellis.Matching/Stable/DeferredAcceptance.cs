using System.Runtime.CompilerServices;
using Trellis.Matching.Assignment;

namespace Trellis.Matching.Stable;

/// <summary>
/// Mentee-proposing deferred acceptance with capacities (the hospitals/residents problem): every
/// free mentee proposes to their next preferred candidate, who keeps the best proposals up to
/// capacity and sends back the worst. The result is stable and the best stable outcome for every
/// mentee at once (Gale–Shapley), which is why mentees propose: they are the ones being served.
/// </summary>
/// <remarks>
/// Preferences are never sorted in full. A mentee's first proposal is the minimum of their list
/// (one sequential pass, both cores); only a mentee who is rejected turns the rest of their list
/// into a binary heap, and each later proposal pops it. Most mentees propose a handful of times
/// out of 50 candidates, so this reads every arc once instead of sorting five million.
/// A mentor's held mentees are a max-heap on the mentor's key, so the worst one is at the root.
/// </remarks>
public static class DeferredAcceptance
{
    public static MatchingResult Solve(Candidates candidates, MatchingRules? rules = null, Rankings? rankings = null)
    {
        rules ??= MatchingRules.Default;
        rankings ??= Rankings.FromScores;
        var (problem, violations) = PreparedProblem.Prepare(candidates, rules);
        if (problem is null) return MatchingResult.Invalid(violations);

        var c = problem.Candidates;
        var proposals = new Proposals(c, rankings.MenteeRank ?? c.Costs);
        var (mentorOf, arcOf) = Propose(problem, proposals, rankings.MentorRank ?? c.Costs);

        var total = problem.PinnedCost;
        for (var i = 0; i < c.MenteeCount; i++)
        {
            if (problem.Pinned[i] != Matches.Unmatched) continue;
            total += mentorOf[i] == Matches.Unmatched ? rules.UnmatchedPenalty : c.Costs[arcOf[i]];
        }
        return MatchingResult.Ok(new Matches(mentorOf, total, rules.UnmatchedPenalty));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int[] MentorOf, int[] ArcOf) Propose(PreparedProblem problem, Proposals proposals, int[] mentorRank)
    {
        var c = problem.Candidates;
        var (mentors, capacity) = (c.Mentors, problem.Capacity);
        var slotStart = new int[c.MentorCount + 1];
        for (var j = 0; j < c.MentorCount; j++) slotStart[j + 1] = slotStart[j] + capacity[j];
        // Mentor j holds slots slotStart[j] .. + count[j], a max-heap on the mentor's key
        // (rank · 2³² + mentee: ties between mentees break by index, so the key is strict).
        var slotKey = GC.AllocateUninitializedArray<long>(slotStart[^1]);
        var count = new int[c.MentorCount];
        var mentorOf = (int[])problem.Pinned.Clone();
        var arcOf = GC.AllocateUninitializedArray<int>(c.MenteeCount);

        var free = GC.AllocateUninitializedArray<int>(c.MenteeCount);
        var top = 0;
        for (var i = c.MenteeCount - 1; i >= 0; i--)
            if (problem.Pinned[i] == Matches.Unmatched) free[top++] = i;

        while (top > 0)
        {
            var i = free[--top];
            int arc;
            while ((arc = proposals.Next(i)) >= 0)
            {
                var j = mentors[arc];
                var key = ((long)mentorRank[arc] << 32) | (uint)i;
                var start = slotStart[j];
                var held = count[j];
                if (held < capacity[j])
                {
                    count[j] = held + 1;
                    SiftUp(slotKey, start, held, key);
                    (mentorOf[i], arcOf[i]) = (j, arc);
                    break;
                }
                if (held == 0 || key > slotKey[start]) continue;

                var rejected = (int)(uint)slotKey[start];
                mentorOf[rejected] = Matches.Unmatched;
                free[top++] = rejected;
                SiftDown(slotKey, start, held, key);
                (mentorOf[i], arcOf[i]) = (j, arc);
                break;
            }
        }
        return (mentorOf, arcOf);
    }

    private static void SiftUp(long[] heap, int start, int at, long key)
    {
        while (at > 0)
        {
            var parent = (at - 1) >> 1;
            if (heap[start + parent] >= key) break;
            heap[start + at] = heap[start + parent];
            at = parent;
        }
        heap[start + at] = key;
    }

    /// <summary>Replaces the root (the worst held mentee) with <paramref name="key"/>.</summary>
    private static void SiftDown(long[] heap, int start, int count, long key)
    {
        var at = 0;
        while (true)
        {
            var child = 2 * at + 1;
            if (child >= count) break;
            if (child + 1 < count && heap[start + child + 1] > heap[start + child]) child++;
            if (heap[start + child] <= key) break;
            heap[start + at] = heap[start + child];
            at = child;
        }
        heap[start + at] = key;
    }
}
