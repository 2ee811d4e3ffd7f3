namespace Trellis.Web.Features.Programmes.Enrolment;

/// <summary>What any signed-in member may see of a published programme, and where they stand in it.</summary>
public sealed record ProgrammeAbout(
    Guid Id, string Slug, string Name, string Description, ProgrammeKind Kind, ProgrammeStatus Status,
    DateOnly? EnrolmentClosesOn, DateOnly? RunsFrom, DateOnly? RunsUntil, string MenteeWord, string MentorWord,
    MatchingMode MatchingMode, IReadOnlyList<RoleStanding> Roles, bool IAmCoordinator);

/// <summary>One role: may I enrol (and if not, why not), and my participation in it if I have one.</summary>
public sealed record RoleStanding(ProgrammeRole Role, string Word, bool CanEnrol, string? WhyNot, MyParticipation? Mine,
    IReadOnlyList<ProfileField> MissingProfileFields);

public sealed record MyParticipation(Guid Id, ProgrammeRole Role, ParticipantStatus Status, int Capacity,
    IReadOnlyList<AnswerView> Answers, DateTimeOffset JoinedAt, DateTimeOffset? EnrolledAt);

public sealed record AnswerView(Guid QuestionId, string Key, string Question, IReadOnlyList<string> Values);

public sealed record QuestionView(Guid Id, int Position, string Key, string Text, QuestionKind Kind,
    IReadOnlyList<string> Choices, ProgrammeRole? Role, bool Required, QuestionUse Use, HardRule HardRule);

/// <summary>A programme on "my programmes": mine as a participant.</summary>
public sealed record MyProgramme(Guid ProgrammeId, string Slug, string Name, ProgrammeStatus Status, ProgrammeRole Role,
    string RoleWord, ParticipantStatus ParticipantStatus);

public sealed record AnswerInput(Guid? QuestionId, List<string>? Values);

public sealed record EnrolRequest(ProgrammeRole? Role, List<AnswerInput>? Answers, int? Capacity);

public sealed record RoleRequest(ProgrammeRole? Role);

public static class QuestionViews
{
    public static QuestionView ToView(this EnrolmentQuestion q) =>
        new(q.Id, q.Position, q.Key, q.Text, q.Kind, q.Choices, q.Role, q.Required, q.Use, q.HardRule);
}
