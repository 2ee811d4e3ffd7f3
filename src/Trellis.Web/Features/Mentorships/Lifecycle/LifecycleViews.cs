namespace Trellis.Web.Features.Mentorships.Lifecycle;

/// <summary>
/// Where a mentorship stands in its life, as the signed-in member may see it. The end reason and note
/// appear only for the member who ended it; the reflection is always the caller's own.
/// </summary>
public sealed record LifecycleView(
    Guid MentorshipId, MentorshipStatus Status, Party MyRole, DateOnly? ResumeOn,
    Party? CompletionProposedBy, bool WaitingForMyConfirmation, DateOnly? PlannedEnd, int ExtendedMonths,
    DateTimeOffset? ClosedAt, Party? ClosedBy, EndReason? MyEndReason, string? MyEndNote, ReflectionView? MyReflection)
{
    public bool IsRunning => Status is MentorshipStatus.Active or MentorshipStatus.Paused;
    public bool IsClosed => Status is MentorshipStatus.Completed or MentorshipStatus.Ended;

    internal static LifecycleView From(Mentorship m, Guid me, ReflectionView? reflection)
    {
        var role = m.PartyOf(me) ?? throw new InvalidOperationException("The query only finds mentorships of the caller.");
        var iEnded = m.Status == MentorshipStatus.Ended && m.ClosedBy == role;
        return new LifecycleView(m.Id, m.Status, role, m.ResumeOn, m.CompletionProposedBy,
            m.IsRunning && m.CompletionProposedBy is { } p && p != role, m.PlannedEnd, m.ExtendedMonths,
            m.ClosedAt, m.ClosedBy, iEnded ? m.EndReason : null, iEnded ? m.EndNote : null, reflection);
    }
}

public sealed record ReflectionView(string Learned, string HelpedMost, DateTimeOffset WrittenAt);

/// <param name="CancelMeetings">Which meetings still to come to cancel; null means the unconfirmed ones (confirmed
/// meetings are kept unless named here), an empty list keeps them all.</param>
public sealed record PauseRequest(DateOnly? ResumeOn, IReadOnlyList<Guid>? CancelMeetings = null);

public sealed record ExtendRequest(int? Months);

public sealed record EndRequest(EndReason? Reason, string? Note);

public sealed record ReflectionRequest(string? Learned, string? HelpedMost);

public static class EndReasons
{
    /// <summary>How the short list reads on the page (only the member ending ever sees their choice).</summary>
    public static string Text(EndReason reason) => reason switch
    {
        EndReason.NotWorking => "It wasn't working for me",
        EndReason.NoTime => "I don't have the time any more",
        EndReason.GoalsChanged => "My goals have changed",
        EndReason.LifeChanged => "Something changed in my life",
        _ => "Another reason",
    };
}
