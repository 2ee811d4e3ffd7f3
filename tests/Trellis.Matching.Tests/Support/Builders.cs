using System.Numerics.Tensors;
using System.Text.Json;
using System.Text.Json.Serialization;
using Trellis.Matching.Embeddings;
using Trellis.Matching.Scoring;

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

    private static readonly JsonSerializerOptions FactsJson = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>A match's shown reasons with all their facts, as text that compares by value (lists included).</summary>
    public static string Explanation(Trellis.Matching.Search.MentorMatch match) =>
        string.Join(" | ", match.Breakdown.Reasons.Select(r => $"{r.Criterion} {JsonSerializer.Serialize(r.Reason, r.Reason.GetType(), FactsJson)}"));
}
