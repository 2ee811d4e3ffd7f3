namespace Trellis.Web.Features.Programmes.Enrolment;

/// <summary>
/// A member's place in a programme in one role (a person can be a mentee and a mentor of the same programme).
/// Enrolled participants are matched; an incomplete one was added by a coordinator or an invitation and still
/// has to fill in the enrolment form; one who left or was removed keeps the row, so history and counts stay true.
/// </summary>
public sealed class Participant
{
    public const int MaxCapacity = 50, MaxRanking = 100;

    private Participant() { }

    public Participant(Guid programmeId, Guid memberId, ProgrammeRole role, ParticipantSource source, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ProgrammeId = programmeId;
        MemberId = memberId;
        Role = role;
        Source = source;
        Status = ParticipantStatus.Incomplete;
        JoinedAt = at;
        Touch(at);
    }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public Guid MemberId { get; private set; }
    public ProgrammeRole Role { get; private set; }
    public ParticipantStatus Status { get; private set; }
    public ParticipantSource Source { get; private set; }

    /// <summary>Mentors: how many mentees they take in this programme.</summary>
    public int Capacity { get; private set; }

    /// <summary>The answers to the programme's enrolment questions; read and written whole.</summary>
    public List<Answer> Answers { get; private set; } = [];

    /// <summary>Members of the other side in order of preference (stable matching); empty means "by score".</summary>
    public List<Guid> Ranking { get; private set; } = [];

    public DateTimeOffset JoinedAt { get; private set; }
    public DateTimeOffset? EnrolledAt { get; private set; }
    public DateTimeOffset? LeftAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid Version { get; private set; }

    public bool IsActive => Status is ParticipantStatus.Enrolled or ParticipantStatus.Incomplete;

    public static readonly ParticipantStatus[] ActiveStatuses = [ParticipantStatus.Enrolled, ParticipantStatus.Incomplete];

    /// <summary>The member fills in (or changes) their enrolment form; it is complete when nothing required is missing.</summary>
    public void Fill(IReadOnlyList<Answer> answers, int capacity, bool complete, DateTimeOffset at)
    {
        Answers = [.. answers];
        Capacity = Role == ProgrammeRole.Mentor ? capacity : 0;
        if (Status is ParticipantStatus.Left or ParticipantStatus.Removed) LeftAt = null;
        Status = complete ? ParticipantStatus.Enrolled : ParticipantStatus.Incomplete;
        if (complete) EnrolledAt ??= at;
        Touch(at);
    }

    /// <summary>A coordinator or an import sets what it knows; a member who left is not brought back by it.</summary>
    public void Prepare(IReadOnlyList<Answer> answers, int capacity, IReadOnlyList<Guid> ranking, DateTimeOffset at)
    {
        if (answers.Count > 0) Answers = [.. answers];
        if (Role == ProgrammeRole.Mentor && capacity > 0) Capacity = capacity;
        if (ranking.Count > 0) Ranking = [.. ranking];
        Touch(at);
    }

    public void Rank(IReadOnlyList<Guid> ranking, DateTimeOffset at)
    {
        Ranking = [.. ranking];
        Touch(at);
    }

    public ProgrammeError? SetCapacity(int capacity, DateTimeOffset at)
    {
        if (Role != ProgrammeRole.Mentor) return ProgrammeError.Invalid("capacity", "Only mentors have a capacity.");
        Capacity = capacity;
        Touch(at);
        return null;
    }

    public ProgrammeError? Leave(DateTimeOffset at) => Stop(ParticipantStatus.Left, at);

    public ProgrammeError? Remove(DateTimeOffset at) => Stop(ParticipantStatus.Removed, at);

    private ProgrammeError? Stop(ParticipantStatus status, DateTimeOffset at)
    {
        if (!IsActive) return ProgrammeError.WrongState("They are no longer in this programme.");
        Status = status;
        LeftAt = at;
        Touch(at);
        return null;
    }

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at;
        Version = Guid.NewGuid();
    }
}

/// <summary>The answer to one enrolment question: the text, the chosen choices, or the scale value ("1"–"5").</summary>
public sealed record Answer(Guid QuestionId, List<string> Values);

public enum ParticipantStatus
{
    Incomplete,
    Enrolled,
    Left,
    Removed,
}

public enum ParticipantSource
{
    /// <summary>Enrolled themself through the programme's page.</summary>
    Self,
    /// <summary>Accepted a coordinator's invitation.</summary>
    Invitation,
    /// <summary>An existing member a coordinator's CSV import named.</summary>
    Import,
}
