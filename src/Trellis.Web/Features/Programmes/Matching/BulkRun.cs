namespace Trellis.Web.Features.Programmes.Matching;

/// <summary>
/// One run of the engine over a programme's remainder (the mentees without a draft or a pair, the mentors with a place),
/// asked for by a coordinator and done by whichever node claims it first (a conditional UPDATE), never inside the
/// request. The row carries the run's live progress (stage and percentage, read by the page) and a heartbeat: a run
/// whose node stopped is claimed again once the heartbeat is old. At most one run per programme is queued or running
/// (a unique index), and approvals wait for it (409).
/// </summary>
public sealed class BulkRun
{
    public static readonly BulkRunStatus[] ActiveStatuses = [BulkRunStatus.Queued, BulkRunStatus.Running];
    public const int MaxNotes = 100_000, NoteReasonMax = 300;

    private BulkRun() { }

    public BulkRun(Guid programmeId, Guid requestedBy, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ProgrammeId = programmeId;
        RequestedBy = requestedBy;
        RequestedAt = at;
        Status = BulkRunStatus.Queued;
        Stage = BulkStage.Waiting;
    }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public Guid RequestedBy { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public BulkRunStatus Status { get; private set; }
    public BulkStage Stage { get; private set; }

    /// <summary>0–100 over the whole run (each stage has its share).</summary>
    public int Percent { get; private set; }
    public string? ClaimedBy { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? HeartbeatAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    public int Mentees { get; private set; }
    public int Mentors { get; private set; }
    public int Matched { get; private set; }

    /// <summary>Each mentee the run left without a draft, and why, in plain words.</summary>
    public List<UnmatchedNote> Unmatched { get; private set; } = [];

    /// <summary>Why the run could not finish (a pin that breaks a rule, an unexpected error), for the coordinator.</summary>
    public string? Failure { get; private set; }

    public void Finish(int mentees, int mentors, int matched, IReadOnlyList<UnmatchedNote> unmatched, DateTimeOffset at)
    {
        (Mentees, Mentors, Matched) = (mentees, mentors, matched);
        Unmatched = [.. unmatched.Take(MaxNotes)];
        Status = BulkRunStatus.Done;
        Stage = BulkStage.Finished;
        Percent = 100;
        FinishedAt = HeartbeatAt = at;
    }

    public void Fail(string why, DateTimeOffset at)
    {
        Failure = why.Length > 2000 ? why[..2000] : why;
        Status = BulkRunStatus.Failed;
        FinishedAt = HeartbeatAt = at;
    }
}

public sealed record UnmatchedNote(Guid MenteeId, string Reason);

public enum BulkRunStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

public enum BulkStage
{
    Waiting,
    Loading,
    Candidates,
    Solving,
    Explaining,
    Writing,
    Finished,
}
