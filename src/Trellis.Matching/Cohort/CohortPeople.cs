using Trellis.Matching.Scoring;

namespace Trellis.Matching.Cohort;

/// <summary>
/// A mentee of a programme's cohort, as bulk matching needs them: an id the caller knows them by,
/// the ISO 639-1 (or any) language codes they speak, their organisation unit (null: none given),
/// the embedding of their goals, and optionally their own ranking of mentors (ids, best first) and
/// the mentors they must not get. The profile facts (<see cref="RequiredLanguages"/>, years, whom they
/// ask for, when they can meet) feed the same hard rules as Find a mentor (<see cref="HardFilters"/>);
/// left out, a rule does not apply.
/// </summary>
public sealed record CohortMentee(string Id, IReadOnlyList<string> Languages, string? OrgUnit, ReadOnlyMemory<float> Embedding)
{
    public IReadOnlyList<string> Ranking { get; init; } = [];
    public IReadOnlyList<string> Blocked { get; init; } = [];

    /// <summary>Languages every mentor of theirs must speak ("we must share: Portuguese").</summary>
    public IReadOnlyList<string> RequiredLanguages { get; init; } = [];

    /// <summary>Years of experience; null: not given, and the career-stage rule does not apply to them.</summary>
    public int? YearsOfExperience { get; init; }

    public MentorAsk Ask { get; init; }

    /// <summary>When they can meet; null: working hours 09:00–17:00 UTC, Monday to Friday.</summary>
    public MeetingSchedule? Schedule { get; init; }

    /// <summary>Only mentors with at least 30 minutes a week both can meet (<see cref="MeetingOverlap.MinimumWeeklyMinutes"/>).</summary>
    public bool RequiresMeetingOverlap { get; init; }
}

/// <summary>A mentor of a cohort: as <see cref="CohortMentee"/>, plus how many more mentees they take.</summary>
public sealed record CohortMentor(string Id, IReadOnlyList<string> Languages, string? OrgUnit, int Capacity,
    ReadOnlyMemory<float> Embedding)
{
    public IReadOnlyList<string> Ranking { get; init; } = [];

    /// <summary>Years of experience; null: not given, and the career-stage rule does not apply to them.</summary>
    public int? YearsOfExperience { get; init; }
    public bool OpenToPeerMentoring { get; init; }
    public bool OpenToReverseMentoring { get; init; }

    /// <summary>When they can meet; null: working hours 09:00–17:00 UTC, Monday to Friday.</summary>
    public MeetingSchedule? Schedule { get; init; }
}

/// <summary>Someone's IANA time zone, working hours and weekly meeting windows (none: the working hours, Monday to Friday).</summary>
public sealed record MeetingSchedule(string TimeZone, WorkingHours WorkingHours, IReadOnlyList<WeeklyWindow> Windows)
{
    public static MeetingSchedule Default { get; } = new("Etc/UTC", WorkingHours.NineToFive, []);

    internal string Key => $"{TimeZones.FindOrUtc(TimeZone).Id}|{WorkingHours}|{WeeklyWindow.Key(Windows)}";
}
