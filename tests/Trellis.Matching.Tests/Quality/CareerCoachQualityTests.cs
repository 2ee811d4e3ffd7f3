using System.Numerics.Tensors;
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
    public void Before_WithMiniLm_Report() => Run("before issue 14 (what a profile could say then), all-MiniLM-L6-v2", Facts.Before);

    [Fact]
    public void Now_WithMiniLm_Report() => Run("now, all-MiniLM-L6-v2", Facts.Now);

    private static void Run(string title, Facts facts)
    {
        var vectors = MiniLm.Value;
        var (rows, outcomes) = CoachReport.Measure(Set, Ranker((mentee, i) => TensorPrimitives.Dot(vectors.Mentees[mentee.Id], vectors.Mentors[i]), facts));
        Report(CoachReport.Table(title, rows));
        foreach (var o in CoachReport.Worst(outcomes).Take(10))
            Report($"  {o.Mentee.Id}: first acceptable at {o.FirstAcceptableRank}, top {string.Join(", ", o.Top)}; {string.Join("; ", o.Violations)}");
        Assert.Equal(Set.Mentees.Count, rows[^1].Mentees);
    }

    /// <summary>What the profiles can say. Each slice of issue 14 adds facts to <see cref="Now"/>; <see cref="Before"/> stays as shipped.</summary>
    internal enum Facts
    {
        /// <summary>
        /// The engine as shipped before issue 14: a target field could only be listed as related, a
        /// required language only as one of the languages spoken, and evenings not at all.
        /// </summary>
        Before,
        /// <summary>
        /// Direction of travel (target field, the mentor's previous fields); required languages; whom the
        /// mentee asks for (a mentor ahead, a peer, a junior) with the career-stage hard rule; weekly
        /// meeting windows and a required overlap.
        /// </summary>
        Now,
    }

    internal sealed record Vectors(float[][] Mentors, Dictionary<string, float[]> Mentees);

    private static readonly Lazy<Vectors> MiniLm = new(() => new Vectors(
        SentenceEmbedder.Shared.EmbedMentors([.. Set.Mentors.Select(m => ProfileText.ForMentorParts(m.Headline, m.Bio, m.Topics, null))]),
        Set.Mentees.Zip(SentenceEmbedder.Shared.EmbedMany([.. Set.Mentees.Select(m => ProfileText.ForMentee(m.Goals, m.Skills))], 32, default))
            .ToDictionary(x => x.First.Id, x => x.Second)));

    /// <summary>
    /// The engine's ranking of the set's mentors for a mentee: hard filters, then the full score with
    /// the text similarity <paramref name="similarity"/> gives for (mentee, mentor's position in the set).
    /// </summary>
    internal static Func<CoachMentee, IReadOnlyList<string>> Ranker(Func<CoachMentee, int, float> similarity, Facts facts, MatchingOptions? options = null)
    {
        var mentors = Mentors(facts);
        var scorer = new CompatibilityScorer(options);
        return mentee =>
        {
            var profile = Mentee(mentee, facts);
            return [.. mentors.Select((m, i) => (m, i)).Where(x => HardFilters.Allows(profile, x.m, CoachSet.Week))
                .Select(x => (Set.Mentors[x.i].Id, scorer.Score(profile, x.m, similarity(mentee, x.i), CoachSet.Week).Total))
                .OrderByDescending(x => x.Total).ThenBy(x => x.Id, StringComparer.Ordinal).Select(x => x.Id)];
        };
    }

    /// <summary>The set's mentors as the engine sees them, in the order of <see cref="CoachSet.Mentors"/>.</summary>
    internal static IReadOnlyList<MentorProfile> Mentors(Facts facts)
    {
        var before = facts == Facts.Before;
        return [.. Set.Mentors.Select(m => new MentorProfile
        {
            Id = m.Guid, Field = m.Field, YearsOfExperience = m.Years, Topics = m.Topics,
            RelatedFields = before ? m.PreviousFields : [], PreviousFields = before ? [] : m.PreviousFields,
            Skills = m.Topics, TimeZone = m.Zone, MeetingWindows = before ? [] : Windows(m.Windows), Languages = m.Languages, OpenToMentoring = true, Capacity = 3, HoursPerMonth = 4,
            Formats = MeetingFormats.Video, OpenToPeerMentoring = m.Peer, OpenToReverseMentoring = m.Reverse,
        })];
    }

    /// <summary>A mentee of the set as the engine sees them (without an embedding: the caller gives the text similarity).</summary>
    internal static MenteeProfile Mentee(CoachMentee mentee, Facts facts)
    {
        var before = facts == Facts.Before;
        return new MenteeProfile
        {
            Id = mentee.Guid, Field = mentee.Field,
            RelatedFields = before && mentee.Target is { } t ? [t] : [], TargetField = before ? null : mentee.Target,
            YearsOfExperience = mentee.Years, SkillsSought = mentee.Skills, TimeZone = mentee.Zone,
            Languages = before ? [.. mentee.Languages.Union(mentee.Required)] : mentee.Languages,
            RequiredLanguages = before ? [] : mentee.Required,
            MeetingWindows = before ? [] : Windows(mentee.Windows), RequiresMeetingOverlap = !before && mentee.RequireOverlap,
            Ask = before ? MentorAsk.Mentor : mentee.Ask switch { "Peer" => MentorAsk.Peer, "Reverse" => MentorAsk.Junior, _ => MentorAsk.Mentor },
            FormatsPreferred = MeetingFormats.Video,
        };
    }

    private static IReadOnlyList<WeeklyWindow> Windows(string? text) =>
        text is null ? [] : [.. CoachConstraints.Parse(text).Select(w => new WeeklyWindow(w.Day, w.Start, w.End))];

    /// <summary>To the test output and to career-coach-report.md beside the test binary (MTP hides passing output).</summary>
    private static void Report(string text)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "career-coach-report.md"), text + Environment.NewLine);
    }
}
