using nietras.SeparatedValues;
using Trellis.Matching.Cohort;

namespace Trellis.Matching.CommandLine;

/// <summary>
/// matches.csv: one row per mentee with the pair, its score (999 − cost, higher is better), the
/// rank each side gives the other among their candidates, and the explanation in words.
/// </summary>
public static class MatchReport
{
    /// <summary>Replaces <paramref name="path"/> only once the whole file is written (<see cref="AtomicFile"/>).</summary>
    public static void Write(string path, CohortInput input, CohortResult result) => Write(path, input, result, null);

    internal static void Write(string path, CohortInput input, CohortResult result, Func<string, Stream>? open) =>
        AtomicFile.Write(path, text => Write(text, input, result), open);

    private static void Write(TextWriter text, CohortInput input, CohortResult result)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(text, leaveOpen: true);
        foreach (var a in result.Assignments)
        {
            var mentee = input.Mentees[a.Mentee];
            using var row = writer.NewRow();
            row["mentee_id"].Set(mentee.Id);
            row["mentee_name"].Set(mentee.Name);
            if (a.Mentor is not { } j || a.Pair is not { } pair)
            {
                foreach (var column in new[] { "mentor_id", "mentor_name", "score", "mentee_rank", "mentor_rank" })
                    row[column].Set("");
                row["explanation"].Set(CohortText.Unmatched(a.Unmatched!));
                continue;
            }
            var mentor = input.Mentors[j];
            row["mentor_id"].Set(mentor.Id);
            row["mentor_name"].Set(mentor.Name);
            row["score"].Format(a.Score);
            row["mentee_rank"].Format(pair.MenteeRank);
            row["mentor_rank"].Format(pair.MentorRank);
            row["explanation"].Set(CohortText.Pair(pair));
        }
    }
}
