namespace Trellis.Matching.Cohort;

/// <summary>
/// A mentee of a programme's cohort, as bulk matching needs them: an id the caller knows them by,
/// the ISO 639-1 (or any) language codes they speak, their organisation unit (null: none given),
/// the embedding of their goals, and optionally their own ranking of mentors (ids, best first) and
/// the mentors they must not get.
/// </summary>
public sealed record CohortMentee(string Id, IReadOnlyList<string> Languages, string? OrgUnit, ReadOnlyMemory<float> Embedding)
{
    public IReadOnlyList<string> Ranking { get; init; } = [];
    public IReadOnlyList<string> Blocked { get; init; } = [];
}

/// <summary>A mentor of a cohort: as <see cref="CohortMentee"/>, plus how many more mentees they take.</summary>
public sealed record CohortMentor(string Id, IReadOnlyList<string> Languages, string? OrgUnit, int Capacity,
    ReadOnlyMemory<float> Embedding)
{
    public IReadOnlyList<string> Ranking { get; init; } = [];
}
