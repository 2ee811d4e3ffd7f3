namespace Trellis.Web.Features.Programmes.Matching;

/// <summary>
/// A pair the coordinators propose (by hand, or from a bulk run) and have not approved yet. Approving it starts the
/// relationship the seed describes: the programme's agreement sent as the mentee's proposal, through the normal
/// negotiation. A mentee has at most one draft at a time (a unique index), and <see cref="Version"/> changes on every
/// move, so two coordinators approving the same draft at once cannot both make a mentorship.
/// </summary>
public sealed class DraftMatch
{
    public const int MaxReasons = 12;

    private DraftMatch() { }

    public DraftMatch(Guid programmeId, Guid menteeId, Guid mentorId, DraftSource source, int score, IReadOnlyList<string> reasons,
        Guid createdBy, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ProgrammeId = programmeId;
        MenteeId = menteeId;
        MentorId = mentorId;
        Source = source;
        Score = score;
        Reasons = [.. reasons.Take(MaxReasons)];
        CreatedBy = createdBy;
        CreatedAt = at;
        Status = DraftStatus.Draft;
        Touch(at);
    }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public Guid MenteeId { get; private set; }
    public Guid MentorId { get; private set; }
    public DraftStatus Status { get; private set; }
    public DraftSource Source { get; private set; }

    /// <summary>The engine's score (0–100) and its reasons in plain words, as "Find a mentor" gives them.</summary>
    public int Score { get; private set; }
    public List<string> Reasons { get; private set; } = [];

    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The mentorship approval started.</summary>
    public Guid? MentorshipId { get; private set; }
    public Guid Version { get; private set; }

    public ProgrammeError? Approve(Guid mentorshipId, DateTimeOffset at)
    {
        if (Status != DraftStatus.Draft) return ProgrammeError.Conflict(AlreadyDecided);
        Status = DraftStatus.Approved;
        MentorshipId = mentorshipId;
        DecidedAt = at;
        Touch(at);
        return null;
    }

    /// <summary>A swap gives this draft another mentor: the coordinator chose the pair, so it counts as made by hand.</summary>
    public ProgrammeError? Rematch(Guid mentorId, int score, IReadOnlyList<string> reasons, DateTimeOffset at)
    {
        if (Status != DraftStatus.Draft) return ProgrammeError.Conflict(AlreadyDecided);
        MentorId = mentorId;
        Score = score;
        Reasons = [.. reasons.Take(MaxReasons)];
        Source = DraftSource.ByHand;
        Touch(at);
        return null;
    }

    public ProgrammeError? Discard(DateTimeOffset at)
    {
        if (Status != DraftStatus.Draft) return ProgrammeError.Conflict(AlreadyDecided);
        Status = DraftStatus.Discarded;
        DecidedAt = at;
        Touch(at);
        return null;
    }

    private string AlreadyDecided => $"This match was {Status.ToString().ToLowerInvariant()} already.";

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at;
        Version = Guid.NewGuid();
    }
}

public enum DraftStatus
{
    Draft,
    Approved,
    Discarded,
}

/// <summary>Where a draft came from: a coordinator by hand (or a swap), a bulk run's choice, or a run keeping a pin.</summary>
public enum DraftSource
{
    ByHand,
    Bulk,
    Pinned,
}
