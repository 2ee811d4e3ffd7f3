namespace Trellis.Matching.Cohort;

/// <summary>The rules no score can outweigh. The candidate search applies the same rules inline.</summary>
public static class HardFilters
{
    public static bool SharesLanguage(CohortSide mentees, int mentee, CohortSide mentors, int mentor) =>
        (mentees.Languages[mentee] & mentors.Languages[mentor]) != 0;

    /// <summary>A mentor from one's own unit is often one's manager or a close colleague.</summary>
    public static bool SameOrgUnit(CohortSide mentees, int mentee, CohortSide mentors, int mentor) =>
        mentees.OrgUnits[mentee] >= 0 && mentees.OrgUnits[mentee] == mentors.OrgUnits[mentor];

    public static bool Pass(CohortSide mentees, int mentee, CohortSide mentors, int mentor) =>
        mentors.Capacity[mentor] > 0 && SharesLanguage(mentees, mentee, mentors, mentor)
        && !SameOrgUnit(mentees, mentee, mentors, mentor);
}
