using Trellis.Matching.Assignment;

namespace Trellis.Matching.Cohort;

internal static class CandidateLists
{
    /// <summary>
    /// The candidate lists with more arcs (mentor, cost) per mentee, each mentee's list kept best
    /// first as the candidate search leaves it. The caller makes sure an added arc is not there yet.
    /// </summary>
    public static Candidates Add(Candidates c, List<(int Mentor, int Cost)>?[] extra)
    {
        var offsets = new int[c.MenteeCount + 1];
        var arcs = new List<long>(c.ArcCount + extra.Sum(e => e?.Count ?? 0));
        for (var i = 0; i < c.MenteeCount; i++)
        {
            var start = arcs.Count;
            for (var a = c.Offsets[i]; a < c.Offsets[i + 1]; a++) arcs.Add(((long)c.Costs[a] << 32) | (uint)c.Mentors[a]);
            if (extra[i] is { } more)
            {
                foreach (var (j, cost) in more) arcs.Add(((long)cost << 32) | (uint)j);
                arcs.Sort(start, arcs.Count - start, null);
            }
            offsets[i + 1] = arcs.Count;
        }
        return new Candidates(offsets, [.. arcs.Select(k => (int)(k & 0xFFFF_FFFF))], [.. arcs.Select(k => (int)(k >> 32))],
            c.Capacity);
    }
}
