using Trellis.Matching.Embeddings;
using Trellis.Matching.Scoring;

namespace Trellis.Matching.Tests.Quality;

/// <summary>
/// The career-coach set (issue 14, item 6) against the engine as it is. Rerun:
/// <c>dotnet test --project tests/Trellis.Matching.Tests -- --filter-class '*CareerCoachQualityTests' --output Detailed</c>;
/// the tables in docs/matching.md are this test's output.
/// </summary>
public sealed class CareerCoachQualityTests
{
    private static readonly CoachSet Set = CoachSet.Shared;

    [Fact]
    public void TheSet_HasAtLeast150MenteesInEveryCategory_AndItsAcceptableMentorsBreakNoConstraint()
    {
        Assert.True(Set.Mentees.Count >= 150, $"{Set.Mentees.Count} mentees");
        Assert.All(CoachSet.Categories, c => Assert.True(Set.Mentees.Count(m => m.Category == c) >= 20, c));
        var mentors = Set.Mentors.ToDictionary(m => m.Id);
        var broken = Set.Mentees.SelectMany(m => m.Acceptable.Select(a => (m.Id, a, why: CoachConstraints.Violation(m, mentors[a]))))
            .Where(x => x.why is not null).Select(x => $"{x.Id} -> {x.a}: {x.why}").ToList();
        Assert.Empty(broken);
    }

    [Fact]
    public void CurrentEngine_WithMiniLm_Report()
    {
        var (rows, outcomes) = CoachReport.Measure(Set, Ranker(SentenceEmbedder.Shared.EmbedMany, SentenceEmbedder.Shared.EmbedMentors));
        Report(CoachReport.Table("current engine, all-MiniLM-L6-v2", rows));
        foreach (var o in CoachReport.Worst(outcomes).Take(10))
            Report($"  {o.Mentee.Id}: first acceptable at {o.FirstAcceptableRank}, top {string.Join(", ", o.Top)}; {string.Join("; ", o.Violations)}");
        Assert.Equal(Set.Mentees.Count, rows[^1].Mentees);
    }

    /// <summary>
    /// The engine as shipped before issue 14: what a member could say then. A target field could only be
    /// listed as related, a required language only as one of the languages spoken, and evenings not at all.
    /// </summary>
    private static Func<CoachMentee, IReadOnlyList<string>> Ranker(
        Func<IReadOnlyList<string>, int, CancellationToken, float[][]> embed, Func<IReadOnlyList<IReadOnlyList<string>>, float[][]> embedMentors)
    {
        var mentorVectors = embedMentors([.. Set.Mentors.Select(m => ProfileText.ForMentorParts(m.Headline, m.Bio, m.Topics, null))]);
        var menteeVectors = embed([.. Set.Mentees.Select(m => ProfileText.ForMentee(m.Goals, m.Skills))], 32, default);
        var mentors = Set.Mentors.Select((m, i) => (m.Id, Profile: new MentorProfile
        {
            Id = m.Guid, Field = m.Field, RelatedFields = m.PreviousFields, YearsOfExperience = m.Years, Topics = m.Topics,
            Skills = m.Topics, TimeZone = m.Zone, Languages = m.Languages, OpenToMentoring = true, Capacity = 3, HoursPerMonth = 4,
            Formats = MeetingFormats.Video, OpenToPeerMentoring = m.Peer, OpenToReverseMentoring = m.Reverse, Embedding = mentorVectors[i],
        })).ToList();
        var scorer = new CompatibilityScorer();
        var vectorOf = Set.Mentees.Select((m, i) => (m.Id, menteeVectors[i])).ToDictionary(x => x.Id, x => x.Item2);
        return mentee =>
        {
            var profile = new MenteeProfile
            {
                Id = mentee.Guid, Field = mentee.Field, RelatedFields = mentee.Target is { } t ? [t] : [],
                YearsOfExperience = mentee.Years, SkillsSought = mentee.Skills, TimeZone = mentee.Zone, Languages = mentee.Languages,
                FormatsPreferred = MeetingFormats.Video, Embedding = vectorOf[mentee.Id],
            };
            return [.. mentors.Where(m => HardFilters.Allows(profile, m.Profile))
                .Select(m => (m.Id, scorer.Score(profile, m.Profile, CoachSet.Week).Total))
                .OrderByDescending(x => x.Total).ThenBy(x => x.Id, StringComparer.Ordinal).Select(x => x.Id)];
        };
    }

    /// <summary>To the test output and to career-coach-report.md beside the test binary (MTP hides passing output).</summary>
    private static void Report(string text)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "career-coach-report.md"), text + Environment.NewLine);
    }
}
