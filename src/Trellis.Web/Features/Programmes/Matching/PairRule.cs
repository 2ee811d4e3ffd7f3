namespace Trellis.Web.Features.Programmes.Matching;

/// <summary>
/// A coordinator's word on one pair before a bulk run: <see cref="PairRuleKind.Pin"/> (the run must make it) or
/// <see cref="PairRuleKind.Forbid"/> (it must never). One rule per pair, one pin per mentee. Runs read them; drafts by
/// hand ignore them (the coordinator is deciding that pair themselves).
/// </summary>
public sealed class PairRule
{
    private PairRule() { }

    public PairRule(Guid programmeId, Guid menteeId, Guid mentorId, PairRuleKind kind, Guid createdBy, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ProgrammeId = programmeId;
        MenteeId = menteeId;
        MentorId = mentorId;
        Kind = kind;
        CreatedBy = createdBy;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public Guid MenteeId { get; private set; }
    public Guid MentorId { get; private set; }
    public PairRuleKind Kind { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}

public enum PairRuleKind
{
    Pin,
    Forbid,
}
