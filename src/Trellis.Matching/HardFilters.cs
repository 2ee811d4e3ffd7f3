using Trellis.Matching.Cohort;
using Trellis.Matching.Scoring;

namespace Trellis.Matching;

/// <summary>Why a mentor may not be matched with a mentee, whatever the score.</summary>
public enum Exclusion
{
    None,
    NotOpenToMentoring,
    NoRemainingCapacity,
    IsTheMentee,
    Blocked,
    NoSharedLanguage,
    /// <summary>Cohorts: both give the same organisation unit (often one's manager or a close colleague).</summary>
    SameOrgUnit,
    /// <summary>The mentor does not speak every language the mentee said they must share.</summary>
    MissingRequiredLanguage,
    /// <summary>Not ahead of the mentee, and not open to peer (or, when junior, reverse) mentoring.</summary>
    NotAheadAndNotOpen,
    /// <summary>The mentee asked for a peer open to peer mentoring; this mentor is not one.</summary>
    NotAPeer,
    /// <summary>The mentee asked for someone junior open to reverse mentoring; this mentor is not one.</summary>
    NotJunior,
    /// <summary>The mentee requires a shared window and the two share fewer than 30 minutes in the week.</summary>
    NoTimeToMeet,
}

/// <summary>
/// The rules no recommendation or cohort match may break (BRIEF §2), in one place. Two shapes of
/// input, the same rules: a member's profile on "Find a mentor", a row of a cohort's packed arrays
/// for bulk matching. The mentor index and the candidate search apply these rules inline, over
/// bitsets and masks, and their tests compare them with this class.
/// </summary>
public static class HardFilters
{
    /// <summary>The rule that excludes the pair, with the default peer band (<see cref="MatchingOptions.DefaultMinYearsAhead"/>).</summary>
    public static Exclusion Check(MenteeProfile mentee, MentorProfile mentor) => Check(mentee, mentor, MatchingOptions.DefaultMinYearsAhead);

    /// <param name="minYearsAhead">
    /// <see cref="MatchingOptions.MinYearsAhead"/>: closer than this the two are peers; the index uses its
    /// scorer's value, so search and this check agree.
    /// </param>
    public static Exclusion Check(MenteeProfile mentee, MentorProfile mentor, int minYearsAhead)
    {
        if (mentor.Id == mentee.Id) return Exclusion.IsTheMentee;
        if (!mentor.OpenToMentoring) return Exclusion.NotOpenToMentoring;
        if (!HasRoom(mentor.RemainingCapacity)) return Exclusion.NoRemainingCapacity;
        if (mentor.BlockedIds.Contains(mentee.Id) || mentee.BlockedIds.Contains(mentor.Id)) return Exclusion.Blocked;
        if (mentee.RequiresSharedLanguage && !LanguageSet.From(mentee.Languages).Overlaps(LanguageSet.From(mentor.Languages)))
            return Exclusion.NoSharedLanguage;
        if (!LanguageSet.From(mentor.Languages).ContainsAll(LanguageSet.From(mentee.RequiredLanguages)))
            return Exclusion.MissingRequiredLanguage;
        return Stage(mentee.Ask, mentor.YearsOfExperience - mentee.YearsOfExperience, mentor.OpenToPeerMentoring, mentor.OpenToReverseMentoring, minYearsAhead);
    }

    public static bool Allows(MenteeProfile mentee, MentorProfile mentor) => Check(mentee, mentor) == Exclusion.None;

    public static bool Allows(MenteeProfile mentee, MentorProfile mentor, int minYearsAhead) => Check(mentee, mentor, minYearsAhead) == Exclusion.None;

    /// <summary>
    /// Every rule, including the mentee's required meeting window (<see cref="MenteeProfile.RequiresMeetingOverlap"/>),
    /// which needs the week it is computed for: the seven days from <paramref name="referenceDate"/>, with real offsets.
    /// </summary>
    public static Exclusion Check(MenteeProfile mentee, MentorProfile mentor, DateOnly referenceDate, int minYearsAhead)
    {
        var exclusion = Check(mentee, mentor, minYearsAhead);
        if (exclusion != Exclusion.None || !mentee.RequiresMeetingOverlap) return exclusion;
        return CanMeet(WeeklyMinutes(mentee.TimeZone, mentee.WorkingHours, mentee.MeetingWindows, mentor.TimeZone, mentor.WorkingHours, mentor.MeetingWindows, referenceDate))
            ? Exclusion.None : Exclusion.NoTimeToMeet;
    }

    public static bool Allows(MenteeProfile mentee, MentorProfile mentor, DateOnly referenceDate) =>
        Check(mentee, mentor, referenceDate, MatchingOptions.DefaultMinYearsAhead) == Exclusion.None;

    public static bool CanMeet(double weeklyMinutes) => weeklyMinutes >= MeetingOverlap.MinimumWeeklyMinutes;

    /// <summary>Minutes a week two people can both meet; a side without windows meets in its working hours, Monday to Friday.</summary>
    internal static double WeeklyMinutes(string zoneA, WorkingHours hoursA, IReadOnlyList<WeeklyWindow> windowsA,
        string zoneB, WorkingHours hoursB, IReadOnlyList<WeeklyWindow> windowsB, DateOnly referenceDate) =>
        MeetingTime(zoneA, hoursA, windowsA, zoneB, hoursB, windowsB, referenceDate).WeeklyMinutes;

    /// <summary>The same week as <see cref="WeeklyMinutes"/>, with the first shared slot in each zone.</summary>
    internal static MeetingOverlap MeetingTime(string zoneA, WorkingHours hoursA, IReadOnlyList<WeeklyWindow> windowsA,
        string zoneB, WorkingHours hoursB, IReadOnlyList<WeeklyWindow> windowsB, DateOnly referenceDate) =>
        TimeZones.WeeklyOverlap(TimeZones.FindOrUtc(zoneA), windowsA.Count > 0 ? windowsA : WeeklyWindow.FromWorkingHours(hoursA),
            TimeZones.FindOrUtc(zoneB), windowsB.Count > 0 ? windowsB : WeeklyWindow.FromWorkingHours(hoursB), referenceDate);

    /// <summary>
    /// Career stage as a hard rule (issue 14): someone not ahead of the mentee comes only if they opted
    /// in (peers to peer mentoring, juniors to reverse mentoring), and a mentee who asks for a peer or a
    /// junior gets only those. The index evaluates it once per (years, flags) and reads a table.
    /// </summary>
    public static Exclusion Stage(MentorAsk ask, int yearsAhead, bool openToPeer, bool openToReverse, int minYearsAhead)
    {
        var peer = yearsAhead > -minYearsAhead && yearsAhead < minYearsAhead;
        var junior = yearsAhead <= -minYearsAhead;
        return ask switch
        {
            MentorAsk.Peer when !(peer && openToPeer) => Exclusion.NotAPeer,
            MentorAsk.Junior when !(junior && openToReverse) => Exclusion.NotJunior,
            _ when yearsAhead <= 0 && !(peer ? openToPeer : openToReverse) => Exclusion.NotAheadAndNotOpen,
            _ => Exclusion.None,
        };
    }

    /// <summary>
    /// A cohort pair by index. Blocks are the coordinator's list (<see cref="Assignment.MatchingRules.Forbidden"/>
    /// and the mentee's own blocked column), checked by the caller, so this never says <see cref="Exclusion.Blocked"/>.
    /// In a cohort everyone has agreed to take part, so every mentor is open and languages are always required; the
    /// profile's rules follow (<see cref="CheckProfileRules"/>).
    /// </summary>
    public static Exclusion Check(CohortSide mentees, int mentee, CohortSide mentors, int mentor)
    {
        if (!HasRoom(mentors.Capacity[mentor])) return Exclusion.NoRemainingCapacity;
        if (!SharesLanguage(mentees.Languages[mentee], mentors.Languages[mentor])) return Exclusion.NoSharedLanguage;
        if (SameOrgUnit(mentees.OrgUnits[mentee], mentors.OrgUnits[mentor])) return Exclusion.SameOrgUnit;
        return CheckProfileRules(mentees, mentee, mentors, mentor);
    }

    /// <summary>
    /// The rules of a member's profile, for a cohort pair: the same as <see cref="Check(MenteeProfile, MentorProfile, DateOnly, int)"/>
    /// (required languages, <see cref="Stage"/> with the default peer band, a required shared window) over the packed arrays.
    /// A rule whose facts were not given (years unknown on either side, no required window) does not apply.
    /// </summary>
    public static Exclusion CheckProfileRules(CohortSide mentees, int mentee, CohortSide mentors, int mentor)
    {
        if ((mentees.RequiredLanguages[mentee] & ~mentors.Languages[mentor]) != 0) return Exclusion.MissingRequiredLanguage;
        var (menteeYears, mentorYears) = (mentees.Years[mentee], mentors.Years[mentor]);
        if (menteeYears != CohortSide.UnknownYears && mentorYears != CohortSide.UnknownYears
            && Stage(mentees.Ask[mentee], mentorYears - menteeYears, mentors.OpenToPeer[mentor], mentors.OpenToReverse[mentor],
                MatchingOptions.DefaultMinYearsAhead) is var stage && stage != Exclusion.None)
            return stage;
        if (mentees.Schedule[mentee] is var needs and >= 0 && !mentees.CanMeet[needs][mentors.Schedule[mentor]]) return Exclusion.NoTimeToMeet;
        return Exclusion.None;
    }

    public static bool Allows(CohortSide mentees, int mentee, CohortSide mentors, int mentor) =>
        Check(mentees, mentee, mentors, mentor) == Exclusion.None;

    public static bool HasRoom(int remainingCapacity) => remainingCapacity > 0;

    /// <summary>Languages as bit masks (bit = language).</summary>
    public static bool SharesLanguage(ulong menteeLanguages, ulong mentorLanguages) => (menteeLanguages & mentorLanguages) != 0;

    /// <summary>Units as small numbers, −1 where none was given (then the rule does not apply).</summary>
    public static bool SameOrgUnit(int menteeUnit, int mentorUnit) => menteeUnit >= 0 && menteeUnit == mentorUnit;
}
