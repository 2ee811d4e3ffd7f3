namespace Trellis.Matching.Scoring;

/// <summary>
/// Why a criterion has the value it has, as facts rather than words: which case applies and the
/// numbers behind it. The library never writes sentences; the web app and the command line turn
/// these into words (and could into any language). One subtype per <see cref="Criterion"/>.
/// </summary>
public abstract record CriterionReason;

public enum FieldFit
{
    /// <summary>The mentor works in the mentee's field, and the mentee stays in it.</summary>
    Same,
    /// <summary>The mentor's field is one the mentee listed as related, or the mentor lists the mentee's (target) field as related or previous.</summary>
    Related,
    Different,
    /// <summary>The mentor works in the field the mentee wants to move into.</summary>
    Target,
    /// <summary>The mentor works in the field the mentee wants to move into and came from the one they are leaving.</summary>
    MovedFromYours,
    /// <summary>The mentor works in the field the mentee is leaving: shared background, not where they are going.</summary>
    SharedBackground,
}

/// <summary>
/// The mentor's field against the one the mentee aims at (their target field, else their own), and
/// the fields either listed as related. <paramref name="LeavingField"/> is the mentee's own field when
/// they want to move (the one they are leaving), null when they stay.
/// </summary>
public sealed record FieldReason(FieldFit Fit, string MentorField, string? LeavingField = null) : CriterionReason;

public enum CareerStageFit
{
    /// <summary>At least <see cref="MatchingOptions.MinYearsAhead"/> years ahead, in the same or a related field.</summary>
    AheadOnSimilarPath,
    /// <summary>At least <see cref="MatchingOptions.MinYearsAhead"/> years ahead, in another field.</summary>
    Ahead,
    /// <summary>A peer open to peer mentoring who knows a skill the mentee asked for.</summary>
    PeerWithSkill,
    /// <summary>Junior to the mentee, open to reverse mentoring, knows a skill the mentee asked for.</summary>
    ReverseWithSkill,
    /// <summary>Ahead, but by fewer than <see cref="MatchingOptions.MinYearsAhead"/> years.</summary>
    SlightlyAhead,
    /// <summary>Not further along than the mentee.</summary>
    NotAhead,
    /// <summary>The mentee asked for a peer; this is one, open to peer mentoring.</summary>
    PeerAsAsked,
    /// <summary>The mentee asked for someone junior with fresh skills; this is one, open to reverse mentoring.</summary>
    JuniorAsAsked,
}

/// <summary>Career stage: the case, how many years the mentor is ahead (negative: behind), and the skill that counted.</summary>
public sealed record CareerStageReason(CareerStageFit Fit, int YearsAhead, string? SoughtSkill) : CriterionReason;

/// <summary>
/// The qualities the mentee looks for and those of them the mentor offers (<see cref="MentorQualities.None"/>: not said).
/// When the two gave their own words (<see cref="MenteeProfile.QualitiesSoughtWords"/>,
/// <see cref="MentorProfile.QualitiesOfferedWords"/>), <see cref="Listed"/> is how many things the mentee listed and
/// <see cref="Matches"/> each of them the mentor's words offer, with the mentor's words for it: an explanation then
/// quotes both profiles, never a name from the fixed list that neither of them wrote.
/// </summary>
public sealed record QualitiesReason(MentorQualities Sought, MentorQualities Shared) : CriterionReason
{
    public int Listed { get; init; }
    public IReadOnlyList<QualityMatch> Matches { get; init; } = [];

    /// <summary>By value, the matches included (a record compares lists by reference).</summary>
    public bool Equals(QualitiesReason? other) =>
        other is not null && Sought == other.Sought && Shared == other.Shared && Listed == other.Listed && Matches.SequenceEqual(other.Matches);

    public override int GetHashCode() => HashCode.Combine(Sought, Shared, Listed, Matches.Count);
}

/// <summary>One thing a mentee looks for, in their words, and the mentor's words that offer it.</summary>
public sealed record QualityMatch(string Sought, string Offered);

/// <summary>A quality as a member wrote it, and the qualities of the fixed list it names (<see cref="MentorQualities.None"/>: none).</summary>
public sealed record QualityWords(string Text, MentorQualities Qualities);

/// <summary>Personal interests both listed, normalised (lower case, single spaces), in the mentor's order.</summary>
public sealed record InterestsReason(IReadOnlyList<string> Shared) : CriterionReason;

/// <summary>Hours a working day overlaps, on the reference date, with both zones' real offsets.</summary>
public sealed record WorkingHoursReason(double OverlapHours) : CriterionReason;

/// <summary>
/// The working-hours criterion when either person gave weekly meeting windows: the minutes both can meet
/// in the week from the reference date, the first shared slot in each one's zone (null when none), and
/// the two zones (IANA ids as resolved; an unknown zone is UTC).
/// </summary>
public sealed record MeetingTimeReason(double WeeklyMinutes, WeeklyWindow? FirstForMentee, WeeklyWindow? FirstForMentor,
    string MenteeZone, string MentorZone) : CriterionReason;

/// <summary>The ISO 639-1 codes both speak, in alphabetical order.</summary>
public sealed record LanguageReason(IReadOnlyList<string> Shared) : CriterionReason;

/// <summary>The formats the mentee prefers and those of them the mentor offers (<see cref="MeetingFormats.None"/>: not said).</summary>
public sealed record FormatsReason(MeetingFormats Preferred, MeetingFormats Shared) : CriterionReason;

/// <summary>Places the mentor has left and the hours a month they offer (null: they did not say).</summary>
public sealed record AvailabilityReason(int RemainingCapacity, int? HoursPerMonth) : CriterionReason;

public enum GoalsFit
{
    /// <summary>No goals text, or no expertise text, to compare yet.</summary>
    NoText,
    /// <summary>Goals value 0.6 or more.</summary>
    Close,
    /// <summary>Goals value from 0.3 to 0.6.</summary>
    Related,
    /// <summary>Goals value below 0.3.</summary>
    Unrelated,
}

/// <summary>Goals ↔ expertise: the case and the cosine of the two embeddings (NaN without text).</summary>
public sealed record GoalsReason(GoalsFit Fit, float Cosine) : CriterionReason;
