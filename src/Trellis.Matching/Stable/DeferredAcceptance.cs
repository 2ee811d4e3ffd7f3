using System.Runtime.CompilerServices;
using Trellis.Matching.Assignment;

namespace Trellis.Matching.Stable;

/// <summary>
/// Mentee-proposing deferred acceptance with capacities (the hospitals/residents problem): every
/// free mentee proposes to their next preferred candidate, who keeps the best proposals up to
/// capacity and sends back the worst. The result is stable and the best stable outcome for every
/// mentee at once (Gale–Shapley), which is why mentees propose: they are the ones being served.
/// </summary>
public static class DeferredAcceptance
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static MatchingResult Solve(Candidates candidates, MatchingRules? rules = null, Rankings? rankings = null)
    {
        rules ??= MatchingRules.Default;
        rankings ??= Rankings.FromScores;
        var (problem, violations) = PreparedProblem.Prepare(candidates, rules);
        if (problem is null) return MatchingResult.Invalid(violations);

        var c = problem.Candidates;
        var order = ProposalOrder(c, rankings);
        var capacity = problem.Capacity;
        var slotStart = new int[c.MentorCount + 1];
        for (var j = 0; j < c.MentorCount; j++) slotStart[j + 1] = slotStart[j] + capacity[j];
        var slotMentee = new int[slotStart[^1]];
        var slotKey = new long[slotStart[^1]];
        var count = new int[c.MentorCount];
        var next = new int[c.MenteeCount];
        var mentorOf = problem.Pinned.ToArray();
        var arcOf = new int[c.MenteeCount];

        var free = new Stack<int>();
        for (var i = c.MenteeCount - 1; i >= 0; i--)
        {
            next[i] = c.Offsets[i];
            if (problem.Pinned[i] == Matches.Unmatched) free.Push(i);
        }

        while (free.Count > 0)
        {
            var i = free.Pop();
            while (next[i] < c.Offsets[i + 1])
            {
                var arc = order[next[i]++];
                var j = c.Mentors[arc];
                var key = rankings.MentorKey(c, arc, i);
                if (count[j] < capacity[j])
                {
                    var s = slotStart[j] + count[j]++;
                    (slotMentee[s], slotKey[s]) = (i, key);
                    (mentorOf[i], arcOf[i]) = (j, arc);
                    break;
                }
                if (capacity[j] == 0) continue;

                var worst = slotStart[j];
                for (var s = worst + 1; s < slotStart[j] + capacity[j]; s++)
                    if (slotKey[s] > slotKey[worst]) worst = s;
                if (key > slotKey[worst]) continue;

                var rejected = slotMentee[worst];
                mentorOf[rejected] = Matches.Unmatched;
                free.Push(rejected);
                (slotMentee[worst], slotKey[worst]) = (i, key);
                (mentorOf[i], arcOf[i]) = (j, arc);
                break;
            }
        }

        var total = problem.PinnedCost;
        for (var i = 0; i < c.MenteeCount; i++)
        {
            if (problem.Pinned[i] != Matches.Unmatched) continue;
            total += mentorOf[i] == Matches.Unmatched ? rules.UnmatchedPenalty : c.Costs[arcOf[i]];
        }
        return MatchingResult.Ok(new Matches(mentorOf, total, rules.UnmatchedPenalty));
    }

    /// <summary>
    /// Each mentee's arcs sorted by that mentee's preference, as arc indices. The candidate search
    /// already emits arcs best first, so a list already in order is left as it is.
    /// </summary>
    internal static int[] ProposalOrder(Candidates c, Rankings rankings)
    {
        var order = new int[c.ArcCount];
        var keys = new long[c.ArcCount];
        for (var a = 0; a < c.ArcCount; a++)
        {
            order[a] = a;
            keys[a] = rankings.MenteeKey(c, a);
        }
        for (var i = 0; i < c.MenteeCount; i++)
        {
            var list = keys.AsSpan(c.Offsets[i], c.CandidateCount(i));
            var sorted = true;
            for (var r = 1; r < list.Length && sorted; r++) sorted = list[r - 1] <= list[r];
            if (!sorted) list.Sort(order.AsSpan(c.Offsets[i], list.Length));
        }
        return order;
    }
}
