using System.Numerics.Tensors;
using Trellis.Matching.Scoring;
using Trellis.Matching.Text;

namespace Trellis.Matching.Tests.Support;

/// <summary>Test data with sensible defaults: an available English-speaking mentor, a mentee in the same field.</summary>
public static class Builders
{
    public static readonly DateOnly November = new(2026, 11, 26);
    public static readonly DateOnly July = new(2026, 7, 15);

    public static MentorProfile Mentor(Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        Field = "Software Engineering",
        YearsOfExperience = 12,
        Languages = ["en"],
        OpenToMentoring = true,
        Capacity = 3,
        ActiveMentees = 1,
        HoursPerMonth = 4,
        Formats = MeetingFormats.Video | MeetingFormats.Phone,
        TimeZone = "Europe/London",
    };

    public static MenteeProfile Mentee(Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        Field = "software engineering",
        YearsOfExperience = 2,
        Languages = ["en"],
        FormatsPreferred = MeetingFormats.Video,
        TimeZone = "Europe/London",
    };

    /// <summary>A random unit vector; the same seed gives the same vector.</summary>
    public static float[] UnitVector(int seed)
    {
        var random = new Random(seed);
        var v = new float[SentenceEmbedder.Dimensions];
        for (var i = 0; i < v.Length; i++) v[i] = (float)(random.NextDouble() * 2 - 1);
        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }
}
