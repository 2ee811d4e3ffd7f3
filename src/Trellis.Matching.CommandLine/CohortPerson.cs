using Trellis.Matching.Cohort;
using Trellis.Matching.Scoring;

namespace Trellis.Matching.CommandLine;

/// <summary>One row of mentees.csv or mentors.csv after validation.</summary>
public sealed record CohortPerson(
    string Id,
    string Name,
    string[] Languages,
    string? OrgUnit,
    int Capacity,
    string Text,
    string[] Ranking,
    string[] Blocked,
    int Line)
{
    /// <summary>Mentees: the mentor id the coordinator fixed for them (the optional <c>pinned</c> column).</summary>
    public string? Pinned { get; init; }

    /// <summary>The profile's facts from the optional columns (docs/matching.md, "Input columns"): the hard rules of Find a mentor.</summary>
    public IReadOnlyList<string> RequiredLanguages { get; init; } = [];
    public int? YearsOfExperience { get; init; }
    public MentorAsk Ask { get; init; }
    public bool OpenToPeerMentoring { get; init; }
    public bool OpenToReverseMentoring { get; init; }
    public MeetingSchedule? Schedule { get; init; }
    public bool RequiresMeetingOverlap { get; init; }
}

/// <summary>A row that cannot be used, with where it is and why.</summary>
public sealed record CsvError(string File, int Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}
