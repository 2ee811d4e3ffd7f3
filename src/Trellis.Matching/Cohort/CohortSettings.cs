namespace Trellis.Matching.Cohort;

public enum CohortMode
{
    /// <summary>The best total score (Σ pair scores, minus the penalty for each mentee left out).</summary>
    Optimal,
    /// <summary>No mentee and mentor who would both rather be together (mentee-proposing deferred acceptance).</summary>
    Stable,
}

/// <summary>What a coordinator chooses for one bulk-matching run.</summary>
public sealed record CohortSettings
{
    public CohortMode Mode { get; init; } = CohortMode.Optimal;

    /// <summary>
    /// Optimal mode: the best assignment over every pair that passes the filters, not only over the
    /// candidates, proven by <see cref="OptimalityCertificate"/> (<see cref="GlobalOptimum"/>). False:
    /// over the K candidates only, faster by the scans and re-solves.
    /// </summary>
    public bool OverAllPairs { get; init; } = true;

    /// <summary>How many best mentors per mentee the candidate search keeps (1–1000).</summary>
    public int CandidatesPerMentee { get; init; } = 50;

    /// <summary>
    /// Cost of leaving one mentee without a mentor, on the scale of pair costs (0 = perfect pair,
    /// 999 = worst). Above 999 it means "match everyone who can be matched"; lower, a pair that
    /// costs more than the penalty is worse than none.
    /// </summary>
    public int UnmatchedPenalty { get; init; } = 10_000;

    /// <summary>No mentor takes more mentees than this, whatever capacity they offered.</summary>
    public int? MaxMenteesPerMentor { get; init; }

    /// <summary>Pairs the coordinator fixed in advance, by id; they use up the mentor's capacity.</summary>
    public IReadOnlyList<(string MenteeId, string MentorId)> Pinned { get; init; } = [];

    /// <summary>
    /// The first day of the week in which a mentee's required shared window (<see cref="CohortMentee.RequiresMeetingOverlap"/>)
    /// is computed, with each zone's real offsets, as Find a mentor does for the mentee's today.
    /// Required, so that a run is reproducible: the caller passes its own clock's date.
    /// </summary>
    public required DateOnly ReferenceDate { get; init; }

    /// <summary>Pairs that must not be made, by id, in addition to every mentee's own blocked list.</summary>
    public IReadOnlyList<(string MenteeId, string MentorId)> Forbidden { get; init; } = [];
}
