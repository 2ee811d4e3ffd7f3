namespace Trellis.Web.Features.Programmes;

/// <summary>Who may enrol in one role, and what they must fill in first.</summary>
public sealed class EnrolmentRules
{
    public EnrolmentAccess Access { get; set; } = EnrolmentAccess.Open;

    /// <summary>With <see cref="EnrolmentAccess.Domains"/>: e-mail domains whose members may enrol ("example.org").</summary>
    public List<string> Domains { get; set; } = [];

    /// <summary>Profile fields this programme needs before someone can enrol in this role.</summary>
    public List<ProfileField> RequiredFields { get; set; } = [];

    public bool Admits(string email)
    {
        if (Access != EnrolmentAccess.Domains) return Access == EnrolmentAccess.Open;
        var at = email.LastIndexOf('@');
        var domain = at < 0 ? "" : email[(at + 1)..].ToLowerInvariant();
        return Domains.Any(d => domain == d || domain.EndsWith("." + d, StringComparison.Ordinal));
    }
}

public enum EnrolmentAccess
{
    /// <summary>Anyone signed in who has the link.</summary>
    Open,
    /// <summary>Only people a coordinator invited (by e-mail, one at a time or from a CSV file).</summary>
    InvitationOnly,
    /// <summary>Anyone signed in whose e-mail address is at one of the programme's domains.</summary>
    Domains,
}

/// <summary>The profile fields a programme can require at enrolment.</summary>
public enum ProfileField
{
    Headline,
    Bio,
    Field,
    CurrentRole,
    Languages,
    Skills,
    Interests,
    CareerHistory,
    MenteeGoals,
    MentorTopics,
}

/// <summary>How pairs are made in a programme.</summary>
public enum MatchingMode
{
    /// <summary>Mentees ask the programme's mentors through the normal request flow.</summary>
    MenteeChoice,
    /// <summary>A coordinator makes each draft on the matching board.</summary>
    ByHand,
    /// <summary>The engine proposes a whole cohort's drafts in a background run.</summary>
    Bulk,
}

public enum BulkMethod
{
    /// <summary>Maximum total compatibility over the whole cohort.</summary>
    Optimal,
    /// <summary>Stable matching from the rankings both sides gave (by score where someone did not rank).</summary>
    Stable,
}
