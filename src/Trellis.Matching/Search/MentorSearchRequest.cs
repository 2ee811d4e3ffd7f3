using Trellis.Matching.Scoring;

namespace Trellis.Matching.Search;

/// <summary>What a mentee asks for on "Find a mentor" or gets as "Recommended for you".</summary>
public sealed record MentorSearchRequest
{
    public const int MaxPageSize = 100;
    public const int MaxDepth = 1000;

    public required MenteeProfile Mentee { get; init; }

    /// <summary>The day whose time-zone offsets count for working-hours overlap (today, from the injected clock).</summary>
    public required DateOnly ReferenceDate { get; init; }

    public MentorFilter Filter { get; init; } = MentorFilter.None;

    /// <summary>Embedding of a free-text query ("someone who moved from engineering into product"), or null.</summary>
    public float[]? QueryEmbedding { get; init; }

    /// <summary>How much the query text counts against the mentee's own goals text, in [0,1].</summary>
    public float QueryWeight { get; init; } = 0.6f;

    /// <summary>
    /// With a <see cref="QueryEmbedding"/>: only mentors whose relevance to the query alone (the dot
    /// product of the query with the mentor's vector, not blended with the goals) is at least this
    /// pass, and <see cref="MentorSearchResult.TotalMatching"/> counts only them. Null: every mentor
    /// the filters let through, re-ordered by the query.
    /// </summary>
    public float? MinQueryRelevance { get; init; }

    public int Skip { get; init; }
    public int Take { get; init; } = 10;
}

/// <summary>Search filters; every one left null lets all mentors through. Values within one filter are alternatives (any of).</summary>
public sealed record MentorFilter
{
    public static MentorFilter None { get; } = new();

    public IReadOnlyList<string>? Fields { get; init; }
    public IReadOnlyList<string>? SkillsOrTopics { get; init; }
    public IReadOnlyList<string>? Languages { get; init; }
    public MeetingFormats? Formats { get; init; }
    public double? MinOverlapHours { get; init; }
    public int? MinYearsOfExperience { get; init; }
    public int? MaxYearsOfExperience { get; init; }

    /// <summary>True: only mentors open to peer or to reverse mentoring.</summary>
    public bool? OpenToPeerOrReverse { get; init; }

    internal bool IsEmpty => this == None || (Fields is null && SkillsOrTopics is null && Languages is null && Formats is null &&
        MinOverlapHours is null && MinYearsOfExperience is null && MaxYearsOfExperience is null && OpenToPeerOrReverse is null);
}

/// <summary>One recommended mentor: the total (what results are sorted by) and the breakdown with its reasons.</summary>
public sealed record MentorMatch(Guid MentorId, float Score, CompatibilityScore Breakdown);

/// <summary>A page of matches, best first, and how many mentors passed the filters in all.</summary>
public sealed record MentorSearchResult(IReadOnlyList<MentorMatch> Matches, int TotalMatching);
