using Trellis.Matching.Assignment;
using Trellis.Matching.Stable;

namespace Trellis.Matching.Cohort;

/// <summary>
/// Turns people's own rankings (indices on the other side, best first) into per-arc ranks for
/// stable matching. A person's ranked candidates come first in their order; everyone they did not
/// rank follows by score.
/// </summary>
internal static class ExplicitRankings
{
    private const int Unranked = 1_000_000;

    public static Rankings From(int[][] menteeRanking, int[][] mentorRanking, Candidates c)
    {
        var menteeRanked = menteeRanking.Any(r => r.Length > 0);
        var mentorRanked = mentorRanking.Any(r => r.Length > 0);
        if (!menteeRanked && !mentorRanked) return Rankings.FromScores;

        var menteePosition = Positions(menteeRanking);
        var mentorPosition = Positions(mentorRanking);
        int[]? menteeRank = menteeRanked ? new int[c.ArcCount] : null;
        int[]? mentorRank = mentorRanked ? new int[c.ArcCount] : null;
        for (var i = 0; i < c.MenteeCount; i++)
            for (var a = c.Offsets[i]; a < c.Offsets[i + 1]; a++)
            {
                var j = c.Mentors[a];
                if (menteeRank is not null)
                    menteeRank[a] = menteePosition[i].TryGetValue(j, out var p) ? p : Unranked + c.Costs[a];
                if (mentorRank is not null)
                    mentorRank[a] = mentorPosition[j].TryGetValue(i, out var q) ? q : Unranked + c.Costs[a];
            }
        return new Rankings(menteeRank, mentorRank);
    }

    /// <summary>The first position of each ranked id (a repeat keeps its first place).</summary>
    private static Dictionary<int, int>[] Positions(int[][] rankings) =>
        [.. rankings.Select(r => r.Select((other, position) => (other, position))
            .DistinctBy(x => x.other).ToDictionary(x => x.other, x => x.position))];
}
