namespace Trellis.Web.Features.Mentorships.Workspace;

/// <summary>A mentorship moved from one status to another (started, paused, resumed, completed, ended).</summary>
public sealed record MentorshipStatusChange(Mentorship Mentorship, MentorshipStatus From, MentorshipStatus To, Guid? By, DateTimeOffset At);

/// <summary>
/// A workspace feature that must react when a mentorship changes status: meetings cancel future meetings
/// when it is paused or ends, goals are seeded when it starts. Called before the change is saved, with the
/// same DbContext, so the reaction commits together with the change or not at all. A listener adds or
/// changes rows; it never calls SaveChanges.
/// </summary>
public interface IMentorshipStatusListener
{
    Task OnStatusChangedAsync(MentorshipStatusChange change, CancellationToken ct);
}

public sealed class MentorshipEvents(IEnumerable<IMentorshipStatusListener> listeners)
{
    public async Task StatusChangedAsync(Mentorship mentorship, MentorshipStatus from, Guid? by, DateTimeOffset at, CancellationToken ct)
    {
        if (from == mentorship.Status) return;
        var change = new MentorshipStatusChange(mentorship, from, mentorship.Status, by, at);
        foreach (var listener in listeners) await listener.OnStatusChangedAsync(change, ct);
    }
}
