using System.Numerics.Tensors;
using Trellis.Matching.Embeddings;
using Trellis.Matching.Scoring;

namespace Trellis.Bench.Search;

/// <summary>
/// Seeded synthetic mentors. Half offer video (the 50% filter) and there are 50 fields of equal
/// size (a one-field filter passes 2%); everyone speaks English, is open and has room, so the
/// unfiltered search passes 100%.
/// </summary>
public static class SyntheticMentors
{
    public const int FieldCount = 50;
    private static readonly string[] Fields = Pool("field", FieldCount);
    private static readonly string[] Skills = Pool("skill", 500);
    private static readonly string[] Interests = Pool("interest", 100);
    private static readonly string[] OtherLanguages = ["es", "fr", "de", "pt", "hi", "zh", "ja", "sw", "it", "nl"];
    private static readonly string[] Zones =
    [
        "Europe/London", "Europe/Berlin", "Europe/Lisbon", "Europe/Madrid", "Europe/Warsaw", "Europe/Athens", "Europe/Istanbul",
        "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Toronto", "America/Mexico_City",
        "America/Sao_Paulo", "America/Bogota", "America/Argentina/Buenos_Aires", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo",
        "Asia/Shanghai", "Asia/Dubai", "Asia/Jakarta", "Asia/Manila", "Australia/Sydney", "Pacific/Auckland", "Africa/Lagos",
        "Africa/Nairobi", "Africa/Johannesburg", "Africa/Cairo", "Etc/UTC",
    ];
    private static readonly WorkingHours[] Hours =
    [
        WorkingHours.NineToFive, new(new(8, 0), new(16, 0)), new(new(10, 0), new(18, 0)), new(new(7, 30), new(15, 30)),
    ];

    public static string FieldName(int i) => Fields[i];

    public static IEnumerable<MentorProfile> Generate(int count, int seed = 42)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var capacity = random.Next(1, 6);
            var formats = (random.Next(2) == 0 ? MeetingFormats.Video : 0) | (MeetingFormats)(random.Next(16) & ~(int)MeetingFormats.Video);
            yield return new MentorProfile
            {
                Id = NewId(random),
                Field = Fields[random.Next(FieldCount)],
                RelatedFields = [Fields[random.Next(FieldCount)]],
                YearsOfExperience = random.Next(0, 41),
                Skills = [Skills[random.Next(Skills.Length)], Skills[random.Next(Skills.Length)], Skills[random.Next(Skills.Length)]],
                Topics = [Skills[random.Next(Skills.Length)], Skills[random.Next(Skills.Length)]],
                QualitiesOffered = (MentorQualities)random.Next(1 << 12),
                Interests = [Interests[random.Next(Interests.Length)], Interests[random.Next(Interests.Length)], Interests[random.Next(Interests.Length)]],
                TimeZone = Zones[random.Next(Zones.Length)],
                WorkingHours = Hours[random.Next(Hours.Length)],
                Languages = random.Next(3) == 0 ? ["en", OtherLanguages[random.Next(OtherLanguages.Length)]] : ["en"],
                Formats = formats,
                OpenToMentoring = true,
                Capacity = capacity,
                ActiveMentees = random.Next(capacity),
                HoursPerMonth = random.Next(2, 11),
                OpenToPeerMentoring = random.Next(4) == 0,
                OpenToReverseMentoring = random.Next(8) == 0,
                Embedding = UnitVector(random),
            };
        }
    }

    public static MenteeProfile Mentee(int seed = 7)
    {
        var random = new Random(seed);
        return new MenteeProfile
        {
            Id = NewId(random),
            Field = Fields[0],
            RelatedFields = [Fields[1], Fields[2]],
            YearsOfExperience = 4,
            SkillsSought = [Skills[0], Skills[1], Skills[2]],
            QualitiesSought = MentorQualities.Patient | MentorQualities.Candid | MentorQualities.Practical,
            Interests = [Interests[0], Interests[1], Interests[2]],
            TimeZone = "Europe/Berlin",
            Languages = ["en", "de"],
            RequiresSharedLanguage = true,
            FormatsPreferred = MeetingFormats.Video | MeetingFormats.Messages,
            Embedding = UnitVector(random),
        };
    }

    private static Guid NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static float[] UnitVector(Random random)
    {
        var v = new float[SentenceEmbedder.Dimensions];
        for (var i = 0; i < v.Length; i++) v[i] = random.NextSingle() * 2 - 1;
        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }

    private static string[] Pool(string prefix, int n) => Enumerable.Range(0, n).Select(i => $"{prefix} {i}").ToArray();
}
