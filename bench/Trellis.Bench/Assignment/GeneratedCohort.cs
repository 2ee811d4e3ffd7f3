using Trellis.Matching.Assignment;
using Trellis.Matching.Cohort;
using Trellis.Matching.CommandLine;
using Trellis.Matching.Embeddings;

namespace Trellis.Bench.Assignment;

/// <summary>
/// The candidate lists `trellis match --hashing-embedder` builds for a generated cohort: topics make
/// some mentors popular and rare languages leave some mentees without a place, the shape that is
/// hardest for the optimal solver. Shared by `probe cohort` and the tests' OR-Tools comparison.
/// </summary>
public static class GeneratedCohort
{
    /// <summary>Writes a seeded cohort (capacity 5, as `trellis generate`) to a folder and returns its candidates.</summary>
    public static Candidates Create(string folder, int mentees, int mentors, int seed, int k = 50)
    {
        CohortGenerator.Write(folder, mentees, mentors, seed, 5, 5);
        return Read(folder, k);
    }

    public static Candidates Read(string folder, int k = 50)
    {
        List<CohortPerson> Side(string file, bool mentors)
        {
            using var text = new StreamReader(Path.Combine(folder, file));
            return mentors ? CohortCsv.ReadMentors(text, file).People : CohortCsv.ReadMentees(text, file).People;
        }
        return Candidates(new CohortInput { Mentees = Side("mentees.csv", false), Mentors = Side("mentors.csv", true) }, k);
    }

    private static Candidates Candidates(CohortInput input, int k)
    {
        var embed = (IEnumerable<CohortPerson> people) => HashingEmbedder.Embed([.. people.Select(p => p.Text)]).SelectMany(v => v).ToArray();
        var bits = input.Mentees.Concat(input.Mentors).SelectMany(p => p.Languages).Distinct().Select((l, b) => (l, b)).ToDictionary(x => x.l, x => x.b);
        var units = input.Mentees.Concat(input.Mentors).Select(p => p.OrgUnit ?? "").Distinct().Select((u, n) => (u, n)).ToDictionary(x => x.u, x => x.n);
        CohortSide Side(List<CohortPerson> people, bool mentors) => new(HashingEmbedder.Dimensions, embed(people),
            [.. people.Select(p => p.Languages.Aggregate(0UL, (m, l) => m | 1UL << bits[l]))],
            [.. people.Select(p => p.OrgUnit is null ? -1 : units[p.OrgUnit])],
            mentors ? [.. people.Select(p => p.Capacity)] : null);
        var (mentees, mentors) = (Side(input.Mentees, false), Side(input.Mentors, true));
        return CandidateSearch.Find(mentees, mentors, new WeightedScore(mentees, mentors), k).Candidates;
    }
}
