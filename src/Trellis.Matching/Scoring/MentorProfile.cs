namespace Trellis.Matching.Scoring;

/// <summary>What matching needs to know about a mentor. Plain data, filled from the member's profile.</summary>
public sealed record MentorProfile
{
    public required Guid Id { get; init; }
    public required string Field { get; init; }
    public IReadOnlyList<string> RelatedFields { get; init; } = [];

    /// <summary>
    /// Fields the mentor worked in before <see cref="Field"/>. They count like related fields, and a
    /// mentor who came from the field a mentee is leaving into the one they aim at is credited as
    /// having made that move (<see cref="FieldFit.MovedFromYours"/>).
    /// </summary>
    public IReadOnlyList<string> PreviousFields { get; init; } = [];
    public int YearsOfExperience { get; init; }
    public IReadOnlyList<string> Skills { get; init; } = [];
    public IReadOnlyList<string> Topics { get; init; } = [];
    public MentorQualities QualitiesOffered { get; init; }

    /// <summary>What the mentor listed as qualities they bring, in their words, each with the qualities it names.</summary>
    public IReadOnlyList<QualityWords> QualitiesOfferedWords { get; init; } = [];
    public IReadOnlyList<string> Interests { get; init; } = [];

    /// <summary>IANA time zone id, e.g. "Europe/Lisbon".</summary>
    public string TimeZone { get; init; } = "Etc/UTC";
    public WorkingHours WorkingHours { get; init; } = WorkingHours.NineToFive;

    /// <summary>Weekly windows when this person can meet, in their own zone; empty: <see cref="WorkingHours"/>, Monday to Friday.</summary>
    public IReadOnlyList<WeeklyWindow> MeetingWindows { get; init; } = [];

    /// <summary>ISO 639-1 codes, e.g. "en", "pt".</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];
    public MeetingFormats Formats { get; init; }
    public bool OpenToMentoring { get; init; }
    public int Capacity { get; init; }
    public int ActiveMentees { get; init; }
    /// <summary>Hours a month the mentor offers; null when they did not say (it then counts as none, and is never shown as 0).</summary>
    public int? HoursPerMonth { get; init; }
    public bool OpenToPeerMentoring { get; init; }
    public bool OpenToReverseMentoring { get; init; }
    public IReadOnlyCollection<Guid> BlockedIds { get; init; } = [];

    /// <summary>
    /// Embedding (<see cref="Search.MentorIndex.Dimensions"/> floats) of the mentor's expertise: in
    /// Trellis the mean of the unit vectors of the profile's parts (Trellis.Matching.Embeddings,
    /// <c>MentorVectors</c>), so not itself unit length; null until it has been computed.
    /// </summary>
    public float[]? Embedding { get; init; }

    public int RemainingCapacity => Math.Max(0, Capacity - ActiveMentees);
}
