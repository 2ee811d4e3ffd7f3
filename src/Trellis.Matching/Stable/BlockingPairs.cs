using Trellis.Matching.Assignment;

namespace Trellis.Matching.Stable;

/// <summary>
/// Counts pairs who would both rather be together than with their partners in the matching.
/// Written apart from <see cref="DeferredAcceptance"/> on purpose: it reads only the definition of
/// stability, so a bug in the solver cannot hide itself. Pinned pairs are the coordinator's
/// decision and stand outside the notion: pinned mentees never block, and pinned places are
/// not counted in a mentor's remaining capacity.
/// </summary>
public static class BlockingPairs
{
    public static long Count(Candidates c, Matches matches, MatchingRules? rules = null, Rankings? rankings = null)
    {
        rules ??= MatchingRules.Default;
        rankings ??= Rankings.FromScores;
        var forbidden = rules.Forbidden.Select(p => (p.Mentee, p.Mentor)).ToHashSet();
        var pinned = rules.Pinned.Select(p => p.Mentee).ToHashSet();

        var places = new int[c.MentorCount];
        var worstHeld = new long[c.MentorCount];
        var held = new int[c.MentorCount];
        var menteeKeyOfPartner = new long[c.MenteeCount];
        for (var j = 0; j < c.MentorCount; j++)
            places[j] = Math.Min(c.Capacity[j], rules.MaxMenteesPerMentor ?? int.MaxValue);
        foreach (var (_, j) in rules.Pinned) places[j]--;

        for (var i = 0; i < c.MenteeCount; i++)
        {
            menteeKeyOfPartner[i] = long.MaxValue;
            var j = matches.MentorOf[i];
            if (j == Matches.Unmatched || pinned.Contains(i)) continue;
            var arc = c.FindArc(i, j);
            menteeKeyOfPartner[i] = rankings.MenteeKey(c, arc);
            worstHeld[j] = held[j]++ == 0 ? rankings.MentorKey(c, arc, i) : Math.Max(worstHeld[j], rankings.MentorKey(c, arc, i));
        }

        long blocking = 0;
        for (var i = 0; i < c.MenteeCount; i++)
        {
            if (pinned.Contains(i)) continue;
            for (var a = c.Offsets[i]; a < c.Offsets[i + 1]; a++)
            {
                var j = c.Mentors[a];
                if (forbidden.Contains((i, j)) || rankings.MenteeKey(c, a) >= menteeKeyOfPartner[i]) continue;
                var mentorWouldTake = held[j] < places[j] || (places[j] > 0 && rankings.MentorKey(c, a, i) < worstHeld[j]);
                if (mentorWouldTake) blocking++;
            }
        }
        return blocking;
    }
}
