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
}

/// <summary>
/// The rules no recommendation or cohort match may break (BRIEF §2), in one place. Two shapes of
/// input, the same rules: a member's profile on "Find a mentor", a row of a cohort's packed arrays
/// for bulk matching. The mentor index and the candidate search apply these rules inline, over
/// bitsets and masks, and their tests compare them with this class.
/// </summary>
public static class HardFilters
{
    public static Exclusion Check(MenteeProfile mentee, MentorProfile mentor)
    {
        if (mentor.Id == mentee.Id) return Exclusion.IsTheMentee;
        if (!mentor.OpenToMentoring) return Exclusion.NotOpenToMentoring;
        if (!HasRoom(mentor.RemainingCapacity)) return Exclusion.NoRemainingCapacity;
        if (mentor.BlockedIds.Contains(mentee.Id) || mentee.BlockedIds.Contains(mentor.Id)) return Exclusion.Blocked;
        if (mentee.RequiresSharedLanguage && !LanguageSet.From(mentee.Languages).Overlaps(LanguageSet.From(mentor.Languages)))
            return Exclusion.NoSharedLanguage;
        return Exclusion.None;
    }

    public static bool Allows(MenteeProfile mentee, MentorProfile mentor) => Check(mentee, mentor) == Exclusion.None;

    /// <summary>
    /// A cohort pair by index. Blocks are the coordinator's list (<see cref="Assignment.MatchingRules.Forbidden"/>
    /// and the mentee's own blocked column), checked by the caller, so this never says <see cref="Exclusion.Blocked"/>.
    /// In a cohort everyone has agreed to take part, so every mentor is open and languages are always required.
    /// </summary>
    public static Exclusion Check(CohortSide mentees, int mentee, CohortSide mentors, int mentor)
    {
        if (!HasRoom(mentors.Capacity[mentor])) return Exclusion.NoRemainingCapacity;
        if (!SharesLanguage(mentees.Languages[mentee], mentors.Languages[mentor])) return Exclusion.NoSharedLanguage;
        if (SameOrgUnit(mentees.OrgUnits[mentee], mentors.OrgUnits[mentor])) return Exclusion.SameOrgUnit;
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
