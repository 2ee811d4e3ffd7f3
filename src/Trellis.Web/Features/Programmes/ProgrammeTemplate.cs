using Trellis.Web.Features.Mentorships.Agreements;

namespace Trellis.Web.Features.Programmes;

/// <summary>
/// The programme's agreement template: every term of an agreement except what belongs to the pair (the
/// mentee's goals and the start day). Approval turns it into the first version of each pair's agreement.
/// </summary>
public sealed record ProgrammeTemplate(
    Formality Formality,
    int CadenceEvery,
    CadenceUnit CadenceUnit,
    int MeetingMinutes,
    MeetingMedium Medium,
    List<string> Channels,
    int ResponseWithinDays,
    string Confidentiality,
    int DurationMonths,
    int ReviewEveryMonths,
    string MenteeCommitments)
{
    /// <summary>The "structured programme" starting point of every mentee's proposal.</summary>
    public static ProgrammeTemplate Default { get; } = From(
        AgreementTemplates.Find(AgreementTemplates.StructuredProgramme).Build(DateOnly.MinValue));

    public static ProgrammeTemplate From(Agreement a) => new(a.Formality, a.CadenceEvery, a.CadenceUnit, a.MeetingMinutes,
        a.Medium, [.. a.Channels], a.ResponseWithinDays, a.Confidentiality, a.DurationMonths, a.ReviewEveryMonths,
        a.MenteeCommitments);

    public Agreement Build(IReadOnlyList<string> goals, DateOnly start, string personalNote) => new(Formality, CadenceEvery,
        CadenceUnit, MeetingMinutes, Medium, Channels, ResponseWithinDays, goals, Confidentiality, start, DurationMonths,
        ReviewEveryMonths, MenteeCommitments, personalNote);
}

public sealed record ProgrammeMatchingSettings(
    MatchingMode Mode, BulkMethod BulkMethod, int MaxOpenRequests, bool StartDirectly, ProgrammeTemplate Template,
    string IntroSubject, string IntroBody);
