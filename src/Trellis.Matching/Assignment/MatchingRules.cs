namespace Trellis.Matching.Assignment;

/// <summary>What a programme coordinator can impose on top of the candidate list.</summary>
public sealed record MatchingRules
{
    /// <summary>
    /// Cost of leaving one mentee without a mentor. Above the highest pair cost (999) it means
    /// "match everyone who can be matched"; lower, a poor match is worse than none.
    /// </summary>
    public int UnmatchedPenalty { get; init; } = 10_000;

    /// <summary>No mentor takes more mentees than this, whatever capacity they offered.</summary>
    public int? MaxMenteesPerMentor { get; init; }

    public IReadOnlyList<(int Mentee, int Mentor)> Pinned { get; init; } = [];

    public IReadOnlyList<(int Mentee, int Mentor)> Forbidden { get; init; } = [];

    public static MatchingRules Default { get; } = new();
}
