using Trellis.Web.Features.Mentorships.Agreements;

namespace Trellis.Web.Features.Programmes;

/// <summary>A programme as its coordinators see it: settings, next moves and counts (never relationship content).</summary>
public sealed record ProgrammeView(
    Guid Id, string Slug, string Name, string Description, ProgrammeKind Kind, ProgrammeStatus Status, bool Archived,
    DateOnly? EnrolmentOpensOn, DateOnly? EnrolmentClosesOn, DateOnly? MatchingOn, DateOnly? RunsFrom, DateOnly? RunsUntil,
    string MenteeTerm, string MentorTerm, EnrolmentRules MenteeEnrolment, EnrolmentRules MentorEnrolment,
    int DefaultMentorCapacity, MatchingMode MatchingMode, BulkMethod BulkMethod, int MaxOpenRequests, bool StartDirectly,
    AgreementInput Template, string IntroSubject, string IntroBody, IReadOnlyList<ProgrammeStatus> NextStates,
    bool IAmOwner, Guid Version)
{
    public static ProgrammeView From(Programme p, bool owner)
    {
        var template = MatchingSettingsInput.From(p).Template!;
        return new(p.Id, p.Slug, p.Name, p.Description, p.Kind, p.Status, p.IsArchived, p.EnrolmentOpensOn,
            p.EnrolmentClosesOn, p.MatchingOn, p.RunsFrom, p.RunsUntil, p.MenteeTerm, p.MentorTerm, p.MenteeEnrolment,
            p.MentorEnrolment, p.DefaultMentorCapacity, p.MatchingMode, p.BulkMethod, p.MaxOpenRequests, p.StartDirectly,
            template, p.IntroSubject, p.IntroBody, p.NextStates(), owner, p.Version);
    }
}

/// <summary>One line of a list of programmes.</summary>
public sealed record ProgrammeSummary(Guid Id, string Slug, string Name, ProgrammeKind Kind, ProgrammeStatus Status,
    bool Archived, int Coordinators);

public sealed record CoordinatorView(Guid MemberId, string Name, string Email, bool IsOwner, DateTimeOffset AddedAt);

public sealed record MoveRequest(ProgrammeStatus? To, Guid? Version);

public sealed record CoordinatorRequest(string? Email);
