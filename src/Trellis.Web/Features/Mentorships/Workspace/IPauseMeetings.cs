namespace Trellis.Web.Features.Mentorships.Workspace;

/// <summary>A meeting still to come, as pausing shows it: when, in the zone asked for, and whether it is confirmed.</summary>
public sealed record UpcomingMeeting(Guid Id, DateTimeOffset StartsAt, bool Confirmed, string When);

/// <summary>
/// What pausing needs from the meetings feature, which is built on mentorships: the meetings still to come, and
/// cancelling the chosen ones in the pause's own transaction. Defined here and implemented there (composed in
/// WebSetup), so the mentorship never depends on a feature built on it (ArchitectureTests).
/// </summary>
public interface IPauseMeetings
{
    /// <summary>The mentorship's meetings not cancelled and not started, soonest first, described in <paramref name="zone"/>.
    /// They stay tracked, so <see cref="Cancel"/> can change them before the caller saves.</summary>
    Task<IReadOnlyList<UpcomingMeeting>> UpcomingAsync(Guid mentorshipId, string zone, CancellationToken ct);

    /// <summary>Cancels those of the meetings <see cref="UpcomingAsync"/> loaded whose ids are given; never saves.</summary>
    void Cancel(IEnumerable<Guid> meetingIds, Guid by, string note, DateTimeOffset at);
}
