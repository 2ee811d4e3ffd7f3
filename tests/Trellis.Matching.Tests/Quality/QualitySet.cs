using System.Text.Json;
using System.Text.Json.Serialization;
using Trellis.Matching.Embeddings;
using Trellis.Matching.Scoring;

namespace Trellis.Matching.Tests.Quality;

/// <summary>
/// QualityData/matching-quality.json: mentee goals and mentor profiles written in different words,
/// with the mentor each mentee was written for. Embedded once per test run with the real model.
/// </summary>
public sealed class QualitySet
{
    private static readonly Lazy<QualitySet> Instance = new(Load);

    public static QualitySet Shared => Instance.Value;

    public required IReadOnlyList<(MenteeProfile Profile, string Text, IReadOnlyList<Guid> Intended)> Mentees { get; init; }
    public required IReadOnlyList<(MentorProfile Profile, string Text)> Mentors { get; init; }

    /// <summary>Each mentor's texts of <see cref="ProfileText.ForMentorParts"/>, in the order of <see cref="Mentors"/> (to embed with another model).</summary>
    public required IReadOnlyList<IReadOnlyList<string>> MentorParts { get; init; }

    private static QualitySet Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "QualityData", "matching-quality.json");
        var file = JsonSerializer.Deserialize<FileDto>(File.ReadAllText(path), Json)!;
        var menteeTexts = file.Mentees.Select(m => ProfileText.ForMentee(m.Goals, m.SkillsSought)).ToList();
        var mentorTexts = file.Mentors.Select(m => ProfileText.ForMentor(m.Headline, m.Bio, m.Topics, null)).ToList();
        var menteeVectors = SentenceEmbedder.Shared.EmbedMany(menteeTexts);
        var mentorParts = file.Mentors.Select(m => ProfileText.ForMentorParts(m.Headline, m.Bio, m.Topics, null)).ToList();
        var mentorVectors = SentenceEmbedder.Shared.EmbedMentors(mentorParts);
        return new QualitySet
        {
            Mentees = file.Mentees.Select((m, i) => (m.ToProfile(menteeVectors[i]), menteeTexts[i], (IReadOnlyList<Guid>)m.IntendedMentorIds)).ToList(),
            Mentors = file.Mentors.Select((m, i) => (m.ToProfile(mentorVectors[i]), mentorTexts[i])).ToList(),
            MentorParts = mentorParts,
        };
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static WorkingHours Hours(string start, string end) => new(TimeOnly.Parse(start), TimeOnly.Parse(end));

    private sealed record FileDto(List<MenteeDto> Mentees, List<MentorDto> Mentors);

    private sealed record MenteeDto(
        Guid Id, string Field, string[] RelatedFields, int Years, string[] SkillsSought, MentorQualities[] QualitiesSought,
        MeetingFormats[] FormatsPreferred, bool RequiresSharedLanguage, Guid[] BlockedIds, string Goals, Guid[] IntendedMentorIds,
        string TimeZone, string WorkStart, string WorkEnd, string[] Languages, string[] Interests)
    {
        public MenteeProfile ToProfile(float[] embedding) => new()
        {
            Id = Id, Field = Field, RelatedFields = RelatedFields, YearsOfExperience = Years, SkillsSought = SkillsSought,
            QualitiesSought = QualitiesSought.Aggregate(MentorQualities.None, (a, q) => a | q),
            FormatsPreferred = FormatsPreferred.Aggregate(MeetingFormats.None, (a, f) => a | f),
            RequiresSharedLanguage = RequiresSharedLanguage, BlockedIds = BlockedIds, TimeZone = TimeZone,
            WorkingHours = Hours(WorkStart, WorkEnd), Languages = Languages, Interests = Interests, Embedding = embedding,
        };
    }

    private sealed record MentorDto(
        Guid Id, string Field, string[] RelatedFields, int Years, string[] Skills, string[] Topics, string Headline, string Bio,
        MentorQualities[] Qualities, MeetingFormats[] Formats, bool OpenToMentoring, int Capacity, int ActiveMentees, int HoursPerMonth,
        bool OpenToPeer, bool OpenToReverse, Guid[] BlockedIds, string TimeZone, string WorkStart, string WorkEnd, string[] Languages,
        string[] Interests)
    {
        public MentorProfile ToProfile(float[] embedding) => new()
        {
            Id = Id, Field = Field, RelatedFields = RelatedFields, YearsOfExperience = Years, Skills = Skills, Topics = Topics,
            QualitiesOffered = Qualities.Aggregate(MentorQualities.None, (a, q) => a | q),
            Formats = Formats.Aggregate(MeetingFormats.None, (a, f) => a | f),
            OpenToMentoring = OpenToMentoring, Capacity = Capacity, ActiveMentees = ActiveMentees, HoursPerMonth = HoursPerMonth,
            OpenToPeerMentoring = OpenToPeer, OpenToReverseMentoring = OpenToReverse, BlockedIds = BlockedIds, TimeZone = TimeZone,
            WorkingHours = Hours(WorkStart, WorkEnd), Languages = Languages, Interests = Interests, Embedding = embedding,
        };
    }
}
