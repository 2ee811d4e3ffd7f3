using System.Numerics.Tensors;
using nietras.SeparatedValues;
using Trellis.Matching.Assignment;
using Trellis.Matching.Stable;

namespace Trellis.Matching.Cohort;

public sealed record MatchSummary(int Matched, int Unmatched, Dictionary<UnmatchedReason, int> ByReason,
    long TotalScore, double MeanMenteeRank, double MeanMentorRank);

/// <summary>
/// matches.csv: one row per mentee with the pair, its score (999 − cost, higher is better), the
/// rank each side gives the other among their candidates, and the explanation.
/// </summary>
public static class MatchReport
{
    public static MatchSummary Write(string path, CohortInput input, CohortSide mentees, CohortSide mentors,
        CohortCandidates found, Matches matches, Rankings rankings)
    {
        var c = found.Candidates;
        var mentorKeys = MentorSideKeys(c, rankings, out var keyStart);
        var byReason = Enum.GetValues<UnmatchedReason>().ToDictionary(r => r, _ => 0);
        long totalScore = 0, menteeRanks = 0, mentorRanks = 0;
        var matched = 0;

        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(path);
        for (var i = 0; i < c.MenteeCount; i++)
        {
            var mentee = input.Mentees[i];
            using var row = writer.NewRow();
            row["mentee_id"].Set(mentee.Id);
            row["mentee_name"].Set(mentee.Name);
            var j = matches.MentorOf[i];
            if (j == Matches.Unmatched)
            {
                var reason = Explanations.ReasonUnmatched(c.CandidateCount(i), found.Blocked[i]);
                byReason[reason]++;
                foreach (var column in new[] { "mentor_id", "mentor_name", "score", "mentee_rank", "mentor_rank" }) row[column].Set("");
                row["explanation"].Set(Explanations.Describe(reason, c.CandidateCount(i)));
                continue;
            }

            var mentor = input.Mentors[j];
            var arc = c.FindArc(i, j);
            var menteeKey = rankings.MenteeKey(c, arc);
            var menteeRank = 1;
            for (var a = c.Offsets[i]; a < c.Offsets[i + 1]; a++)
                if (rankings.MenteeKey(c, a) < menteeKey) menteeRank++;
            var segment = mentorKeys.AsSpan(keyStart[j], keyStart[j + 1] - keyStart[j]);
            var mentorRank = 1 + LowerBound(segment, rankings.MentorKey(c, arc, i));
            var score = WeightedScore.MaxCost - c.Costs[arc];

            matched++;
            totalScore += score;
            menteeRanks += menteeRank;
            mentorRanks += mentorRank;
            row["mentor_id"].Set(mentor.Id);
            row["mentor_name"].Set(mentor.Name);
            row["score"].Format(score);
            row["mentee_rank"].Format(menteeRank);
            row["mentor_rank"].Format(mentorRank);
            var similarity = TensorPrimitives.Dot(mentees.Embedding(i), mentors.Embedding(j));
            row["explanation"].Set(Explanations.ForPair(similarity, [.. mentee.Languages.Intersect(mentor.Languages)],
                mentee.OrgUnit, mentor.OrgUnit, menteeRank, c.CandidateCount(i)));
        }

        return new MatchSummary(matched, c.MenteeCount - matched, byReason, totalScore,
            matched == 0 ? 0 : (double)menteeRanks / matched, matched == 0 ? 0 : (double)mentorRanks / matched);
    }

    /// <summary>Per mentor, the sorted preference keys of every mentee who has them as a candidate.</summary>
    private static long[] MentorSideKeys(Candidates c, Rankings rankings, out int[] start)
    {
        start = new int[c.MentorCount + 1];
        foreach (var j in c.Mentors) start[j + 1]++;
        for (var j = 0; j < c.MentorCount; j++) start[j + 1] += start[j];
        var next = start[..^1].ToArray();
        var keys = new long[c.ArcCount];
        for (var i = 0; i < c.MenteeCount; i++)
            for (var a = c.Offsets[i]; a < c.Offsets[i + 1]; a++)
                keys[next[c.Mentors[a]]++] = rankings.MentorKey(c, a, i);
        for (var j = 0; j < c.MentorCount; j++) keys.AsSpan(start[j], start[j + 1] - start[j]).Sort();
        return keys;
    }

    private static int LowerBound(ReadOnlySpan<long> sorted, long key)
    {
        var index = sorted.BinarySearch(key);
        return index >= 0 ? index : ~index;
    }
}
