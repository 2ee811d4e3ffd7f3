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

/// <summary>A revision of the agreement was accepted: <paramref name="Mentorship"/>'s terms in force changed.</summary>
public sealed record AgreementRevised(Mentorship Mentorship, Guid By, DateTimeOffset At);

/// <summary>
/// A feature that follows the agreement's terms (reviews follow its interval). Same contract as
/// <see cref="IMentorshipStatusListener"/>: called before saving, with the same DbContext, never saves. It lets
/// those features depend on the mentorship, never the other way round.
/// </summary>
public interface IAgreementRevisionListener
{
    Task OnAgreementRevisedAsync(AgreementRevised revised, CancellationToken ct);
}

public sealed class MentorshipEvents(IEnumerable<IMentorshipStatusListener> listeners, IEnumerable<IAgreementRevisionListener> revisionListeners)
{
    public async Task StatusChangedAsync(Mentorship mentorship, MentorshipStatus from, Guid? by, DateTimeOffset at, CancellationToken ct)
    {
        if (from == mentorship.Status) return;
        var change = new MentorshipStatusChange(mentorship, from, mentorship.Status, by, at);
        foreach (var listener in listeners) await listener.OnStatusChangedAsync(change, ct);
    }

    public async Task AgreementRevisedAsync(Mentorship mentorship, Guid by, DateTimeOffset at, CancellationToken ct)
    {
        var revised = new AgreementRevised(mentorship, by, at);
        foreach (var listener in revisionListeners) await listener.OnAgreementRevisedAsync(revised, ct);
    }
}
