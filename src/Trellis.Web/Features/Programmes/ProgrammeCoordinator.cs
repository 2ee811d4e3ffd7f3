namespace Trellis.Web.Features.Programmes;

/// <summary>
/// A member who runs a programme. The owner (there is always at least one) adds and removes the others.
/// Coordinators see enrolment answers, drafts, statuses and counts; never what is inside a relationship.
/// </summary>
public sealed class ProgrammeCoordinator
{
    private ProgrammeCoordinator() { }

    public ProgrammeCoordinator(Guid programmeId, Guid memberId, bool isOwner, DateTimeOffset at)
    {
        ProgrammeId = programmeId;
        MemberId = memberId;
        IsOwner = isOwner;
        AddedAt = at;
    }

    public Guid ProgrammeId { get; private set; }
    public Guid MemberId { get; private set; }
    public bool IsOwner { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }

    public void MakeOwner() => IsOwner = true;
}
