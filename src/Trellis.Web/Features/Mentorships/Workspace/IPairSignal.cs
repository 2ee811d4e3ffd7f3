namespace Trellis.Web.Features.Mentorships.Workspace;

/// <summary>The thresholds a programme sets for its pairs' health signals.</summary>
public sealed record HealthRules(int NoMeetingWeeks, int RequestPendingDays)
{
    public static readonly HealthRules Default = new(4, 7);
}

/// <summary>
/// One workspace feature's share of a programme's pair health (ADR 0031): which of the given running mentorships
/// show its signal now — ids only, never a word of the content behind them. Defined here and implemented by the
/// features built on mentorships (meetings, reviews, check-ins), composed in WebSetup, so the programmes feature reads
/// them without depending on those features (ArchitectureTests). The query stays in the database.
/// </summary>
/// <summary>The names of the workspace signals, for whoever asks for one of them.</summary>
public static class SignalNames
{
    public const string NoMeeting = "NoMeeting", LowReview = "LowReview", CheckInOverdue = "CheckInOverdue";
}

/// <summary>A running mentorship showing a signal, and since when the condition has held (for a nudge's occurrence:
/// the same <see cref="Since"/> is the same occurrence).</summary>
public sealed record PairFlag(Guid MentorshipId, DateTimeOffset Since);

public interface IPairSignal
{
    /// <summary>The signal's name in the API ("NoMeeting", "LowReview", "CheckInOverdue").</summary>
    string Name { get; }

    IQueryable<PairFlag> Flagged(IQueryable<Mentorship> running, DateTimeOffset now, HealthRules rules);
}
