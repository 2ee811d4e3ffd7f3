using Trellis.Matching.Assignment;
using Trellis.Matching.Stable;

namespace Trellis.Matching.Cohort;

/// <summary>
/// Turns the optional ranking columns into per-arc ranks for stable matching. A person's ranked
/// candidates come first in their order; everyone they did not rank follows by score.
/// </summary>
internal static class ExplicitRankings
{
    private const int Unranked = 1_000_000;

    public static Rankings From(CohortInput input, Candidates c)
    {
        var menteeRanked = input.Mentees.Any(p => p.Ranking.Length > 0);
        var mentorRanked = input.Mentors.Any(p => p.Ranking.Length > 0);
        if (!menteeRanked && !mentorRanked) return Rankings.FromScores;

        var mentorIndex = input.Mentors.Select((p, j) => (p.Id, j)).ToDictionary(x => x.Id, x => x.j);
        var menteeIndex = input.Mentees.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var menteePosition = Positions(input.Mentees, mentorIndex);
        var mentorPosition = Positions(input.Mentors, menteeIndex);

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

    private static Dictionary<int, int>[] Positions(List<CohortPerson> people, Dictionary<string, int> otherIndex) =>
        [.. people.Select(p => p.Ranking.Select((id, r) => (otherIndex[id], r))
            .DistinctBy(x => x.Item1).ToDictionary(x => x.Item1, x => x.r))];
}
