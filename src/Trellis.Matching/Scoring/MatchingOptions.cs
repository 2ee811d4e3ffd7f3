using System.ComponentModel.DataAnnotations;

namespace Trellis.Matching.Scoring;

/// <summary>
/// Settings for compatibility scores; the web app binds it from the "Matching" section of
/// appsettings. docs/matching.md explains and justifies every default.
/// </summary>
public sealed class MatchingOptions
{
    public const string SectionName = "Matching";

    public CriterionWeights Weights { get; set; } = new();

    /// <summary>A mentor this many years ahead of the mentee, or more, counts as fully "ahead".</summary>
    [Range(1, 30)]
    public int MinYearsAhead { get; set; } = DefaultMinYearsAhead;

    public const int DefaultMinYearsAhead = 3;

    /// <summary>Beyond this gap the career-stage value slowly declines: very distant careers are harder to emulate.</summary>
    [Range(1, 60)]
    public int MaxYearsAheadBeforeDecline { get; set; } = 20;

    /// <summary>Working-hours overlap that counts as "enough" for live meetings.</summary>
    [Range(0.5, 24)]
    public double EnoughOverlapHours { get; set; } = 4;

    /// <summary>Cosine similarity at or below which two texts are treated as unrelated (value 0).</summary>
    [Range(-1, 1)]
    public double UnrelatedTextCosine { get; set; } = 0.20;

    /// <summary>Cosine similarity at or above which two texts are treated as saying the same thing (value 1).</summary>
    [Range(-1, 1)]
    public double SameTextCosine { get; set; } = 0.55;

    /// <summary>
    /// Share of the day-to-day criteria's weight (qualities, interests, working hours, language,
    /// formats, availability) that a mentor keeps when their experience is unrelated to the
    /// mentee's goals (goals value 0); it grows in a straight line to the full weight at goals
    /// value 1. 0: good day-to-day fit counts only as far as the mentor can help with the goals;
    /// 1: it always counts in full (the behaviour before November 2026). Without goals text to
    /// compare, the full weight applies.
    /// </summary>
    [Range(0, 1)]
    public double UnrelatedFitShare { get; set; } = 0;

    /// <summary>
    /// A free-text search shows only mentors whose relevance to the query alone (cosine of the query
    /// with the mentor's vector) reaches this; none: "no close match" (docs/matching.md, "Searching
    /// with words", where the value was measured).
    /// </summary>
    [Range(-1, 1)]
    public double MinQueryRelevance { get; set; } = 0.29;

    /// <summary>How many reasons an explanation lists.</summary>
    [Range(1, 9)]
    public int MaxReasons { get; set; } = 4;
}

public sealed class CriterionWeights
{
    [Range(0, 100)] public double Goals { get; set; } = 0.45;
    [Range(0, 100)] public double Field { get; set; } = 0.12;
    [Range(0, 100)] public double CareerStage { get; set; } = 0.11;
    [Range(0, 100)] public double Qualities { get; set; } = 0.06;
    [Range(0, 100)] public double Interests { get; set; } = 0.05;
    [Range(0, 100)] public double WorkingHours { get; set; } = 0.06;
    [Range(0, 100)] public double Language { get; set; } = 0.05;
    [Range(0, 100)] public double Formats { get; set; } = 0.04;
    [Range(0, 100)] public double Availability { get; set; } = 0.06;

    public double this[Criterion criterion] => criterion switch
    {
        Criterion.Goals => Goals,
        Criterion.Field => Field,
        Criterion.CareerStage => CareerStage,
        Criterion.Qualities => Qualities,
        Criterion.Interests => Interests,
        Criterion.WorkingHours => WorkingHours,
        Criterion.Language => Language,
        Criterion.Formats => Formats,
        Criterion.Availability => Availability,
        _ => throw new ArgumentOutOfRangeException(nameof(criterion)),
    };
}
