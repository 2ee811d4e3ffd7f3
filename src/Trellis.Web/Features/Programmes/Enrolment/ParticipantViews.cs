namespace Trellis.Web.Features.Programmes.Enrolment;

/// <summary>A participant as coordinators see them: who, in which role, where they stand — and their answers.</summary>
public sealed record ParticipantView(Guid Id, Guid MemberId, string Name, string Email, ProgrammeRole Role,
    ParticipantStatus Status, ParticipantSource Source, int Capacity, DateTimeOffset JoinedAt, DateTimeOffset? EnrolledAt,
    IReadOnlyList<AnswerView> Answers, Guid Version);

public sealed record ParticipantPage(int Total, int Page, int PageSize, IReadOnlyList<ParticipantView> Participants);

/// <summary>How many people are where, per role, and how many of the pairs made in the programme are where: what the
/// overview shows (counts only: a coordinator never sees inside a pair).</summary>
public sealed record EnrolmentCounts(int MenteesEnrolled, int MenteesIncomplete, int MentorsEnrolled, int MentorsIncomplete,
    int MentorPlaces, int Left, int InvitationsPending, PairCounts Pairs);

/// <summary>The programme's mentorships by where they stand: a proposal waiting for an answer (or being shaped),
/// running (active or paused), finished (completed or ended), or never started (declined, withdrawn, expired).</summary>
public sealed record PairCounts(int Waiting, int Running, int Finished, int NotStarted);

public sealed record InvitationView(Guid Id, string Email, ProgrammeRole Role, InvitationState State, DateTimeOffset ExpiresAt,
    DateTimeOffset? LastSentAt, int SendCount, DateTimeOffset? AcceptedAt);

public sealed record InviteRequest(List<string>? Emails, ProgrammeRole? Role);

public sealed record InviteResult(int Invited, int AlreadyInvited, int AlreadyEnrolled);

public sealed record CapacityRequest(int? Capacity, Guid? Version);
