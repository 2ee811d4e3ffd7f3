namespace Trellis.Matching.Scoring;

public enum Exclusion
{
    None,
    NotOpenToMentoring,
    NoRemainingCapacity,
    IsTheMentee,
    Blocked,
    NoSharedLanguage,
}

/// <summary>Rules no recommendation may break, whatever the score (BRIEF §2).</summary>
public static class HardFilters
{
    public static Exclusion Check(MenteeProfile mentee, MentorProfile mentor)
    {
        if (mentor.Id == mentee.Id) return Exclusion.IsTheMentee;
        if (!mentor.OpenToMentoring) return Exclusion.NotOpenToMentoring;
        if (mentor.RemainingCapacity <= 0) return Exclusion.NoRemainingCapacity;
        if (mentor.BlockedIds.Contains(mentee.Id) || mentee.BlockedIds.Contains(mentor.Id)) return Exclusion.Blocked;
        if (mentee.RequiresSharedLanguage && !LanguageSet.From(mentee.Languages).Overlaps(LanguageSet.From(mentor.Languages)))
            return Exclusion.NoSharedLanguage;
        return Exclusion.None;
    }

    public static bool Allows(MenteeProfile mentee, MentorProfile mentor) => Check(mentee, mentor) == Exclusion.None;
}
