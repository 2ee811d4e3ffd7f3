namespace Trellis.Matching.Scoring;

/// <summary>What matching needs to know about a mentee. Plain data, filled from the member's profile.</summary>
public sealed record MenteeProfile
{
    public required Guid Id { get; init; }
    public required string Field { get; init; }

    /// <summary>Fields the mentee counts as similar to the one they aim at (<see cref="TargetField"/>, else <see cref="Field"/>).</summary>
    public IReadOnlyList<string> RelatedFields { get; init; } = [];

    /// <summary>
    /// Direction of travel: the field the mentee wants to move into, or null to stay and grow in
    /// <see cref="Field"/>. When set (and different from <see cref="Field"/>), field credit follows
    /// it and a mentor in <see cref="Field"/> counts only as shared background.
    /// </summary>
    public string? TargetField { get; init; }
    public int YearsOfExperience { get; init; }

    /// <summary>Skills and topics the mentee asked for help with.</summary>
    public IReadOnlyList<string> SkillsSought { get; init; } = [];
    public MentorQualities QualitiesSought { get; init; }

    /// <summary>What the mentee listed as qualities they look for, in their words, each with the qualities it names (explanations quote these).</summary>
    public IReadOnlyList<QualityWords> QualitiesSoughtWords { get; init; } = [];
    public IReadOnlyList<string> Interests { get; init; } = [];
    public string TimeZone { get; init; } = "Etc/UTC";
    public WorkingHours WorkingHours { get; init; } = WorkingHours.NineToFive;

    /// <summary>Weekly windows when this person can meet, in their own zone; empty: <see cref="WorkingHours"/>, Monday to Friday.</summary>
    public IReadOnlyList<WeeklyWindow> MeetingWindows { get; init; } = [];

    /// <summary>When true a mentor with whom fewer than <see cref="MeetingOverlap.MinimumWeeklyMinutes"/> minutes a week are shared is never recommended.</summary>
    public bool RequiresMeetingOverlap { get; init; }
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>When true a mentor who shares none of <see cref="Languages"/> is never recommended.</summary>
    public bool RequiresSharedLanguage { get; init; } = true;
    /// <summary>"We must share: Portuguese" — ISO 639-1 codes every recommended mentor speaks (a hard filter, apart from <see cref="Languages"/>).</summary>
    public IReadOnlyList<string> RequiredLanguages { get; init; } = [];

    /// <summary>Whom the mentee asks for: someone ahead (the default), a peer, or someone junior with fresh skills.</summary>
    public MentorAsk Ask { get; init; }
    public MeetingFormats FormatsPreferred { get; init; }
    public IReadOnlyCollection<Guid> BlockedIds { get; init; } = [];

    /// <summary>Normalised embedding of the mentee's goals (<c>ProfileText.ForMentee</c> in Trellis.Matching.Embeddings); null until computed.</summary>
    public float[]? Embedding { get; init; }
}

/// <summary>Whom a mentee asks for (issue 14: peers and reverse mentoring).</summary>
public enum MentorAsk
{
    /// <summary>Someone further along; a peer or junior comes only if they opted in to peer or reverse mentoring.</summary>
    Mentor,
    /// <summary>A peer (fewer than <see cref="MatchingOptions.MinYearsAhead"/> years apart) open to peer mentoring.</summary>
    Peer,
    /// <summary>Someone at least <see cref="MatchingOptions.MinYearsAhead"/> years junior, open to reverse mentoring.</summary>
    Junior,
}
