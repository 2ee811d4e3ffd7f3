using Trellis.Matching.Assignment;
using Trellis.Matching.Stable;

namespace Trellis.Matching.Tests.Stable;

/// <summary>Every feasible matching of a tiny instance, filtered by the blocking-pair checker.</summary>
internal static class BruteForce
{
    public static IEnumerable<int[]> StableMatchings(Candidates c)
    {
        var mentorOf = new int[c.MenteeCount];
        var load = new int[c.MentorCount];
        return Enumerate(0).Where(m => BlockingPairs.Count(c, new Matches(m, 0, 0)) == 0);

        IEnumerable<int[]> Enumerate(int i)
        {
            if (i == c.MenteeCount)
            {
                yield return mentorOf.ToArray();
                yield break;
            }
            mentorOf[i] = Matches.Unmatched;
            foreach (var m in Enumerate(i + 1)) yield return m;
            for (var a = c.Offsets[i]; a < c.Offsets[i + 1]; a++)
            {
                var j = c.Mentors[a];
                if (load[j] == c.Capacity[j]) continue;
                load[j]++;
                mentorOf[i] = j;
                foreach (var m in Enumerate(i + 1)) yield return m;
                load[j]--;
            }
        }
    }

    /// <summary>The mentee's preference key for a partner; being unmatched is worst.</summary>
    public static long MenteeKey(Candidates c, int mentee, int mentor) =>
        mentor == Matches.Unmatched ? long.MaxValue : Rankings.FromScores.MenteeKey(c, c.FindArc(mentee, mentor));
}
