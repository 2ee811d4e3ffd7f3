namespace Trellis.Matching.Cohort;

/// <summary>
/// Why a mentee has no mentor, from the most to the least fundamental cause. Decided from the
/// final matching over every mentor who passes the filters, not only the mentee's candidates, so
/// a mentee is never told "full" while a mentor who could take them has a free place.
/// </summary>
public enum UnmatchedReason
{
    /// <summary>No mentor shares a language, sits in another unit and has room.</summary>
    NoCandidate,
    /// <summary>Mentors passed the filters, but every one of them is blocked for this mentee.</summary>
    Forbidden,
    /// <summary>Every mentor who passes the filters (candidate or not) is full.</summary>
    AllCandidatesFull,
    /// <summary>
    /// Mentors who pass the filters still have places, but none of them scores above the bar the
    /// unmatched penalty sets (cost ≥ penalty: no mentor is better than a poor one). Optimal mode only.
    /// </summary>
    BelowPenalty,
    /// <summary>
    /// Every candidate is full, but mentors outside the candidate list (not among the mentee's K
    /// best) pass the filters and have places: the cut to K candidates decided it.
    /// </summary>
    NotACandidate,
}

/// <summary>The facts behind one pair, for the words a coordinator reads out.</summary>
/// <param name="Similarity">Cosine of the goals and expertise embeddings.</param>
/// <param name="SharedLanguages">Languages both speak, in the mentee's order.</param>
/// <param name="MenteeRank">Where the mentor sits among the mentee's candidates (1 = best).</param>
/// <param name="MentorRank">Where the mentee sits among everyone who has this mentor as a candidate (1 = best).</param>
/// <param name="Candidates">How many candidates the mentee had.</param>
public sealed record PairFacts(float Similarity, IReadOnlyList<string> SharedLanguages, string? MenteeUnit,
    string? MentorUnit, int MenteeRank, int MentorRank, int Candidates);

/// <summary>The facts behind an unmatched mentee.</summary>
/// <param name="Candidates">How many candidates the mentee had.</param>
/// <param name="BlockedButPassing">Mentors who pass the filters but are blocked for this mentee.</param>
public sealed record UnmatchedFacts(UnmatchedReason Reason, int Candidates, int BlockedButPassing)
{
    /// <summary>Mentors who pass the filters, are not blocked and still have a free place in the result.</summary>
    public int MentorsWithPlaces { get; init; }

    /// <summary>Of those, how many are not among the mentee's candidates.</summary>
    public int MentorsWithPlacesOutsideCandidates { get; init; }

    /// <summary>The best score (999 − cost) with any of <see cref="MentorsWithPlaces"/>; null when there are none.</summary>
    public int? BestScoreWithPlaces { get; init; }

    /// <summary>
    /// In optimal mode, the score a pair must beat to be worth more than leaving the mentee out
    /// (999 − penalty; below 0 when the penalty is above 999, so every pair is); null in stable mode.
    /// </summary>
    public int? ScoreToBeat { get; init; }

    /// <summary>Candidates who are full only because of the per-mentor cap (they offered more places).</summary>
    public int FullByCap { get; init; }
}

/// <summary>
/// One mentee's outcome, in input order: the mentor (index into the mentors given) and the score
/// (999 − cost, higher is better) with the facts behind them, or why there is none.
/// </summary>
public sealed record CohortAssignment(int Mentee, int? Mentor, int Score, PairFacts? Pair, UnmatchedFacts? Unmatched);

public sealed record CohortSummary(int Matched, int Unmatched, IReadOnlyDictionary<UnmatchedReason, int> UnmatchedByReason,
    long TotalScore, double MeanMenteeRank, double MeanMentorRank, int CandidatePairs)
{
    /// <summary>Stable mode: what became of the rankings people wrote; null in optimal mode.</summary>
    public RankingFacts? Rankings { get; init; }

    /// <summary>Optimal mode over all pairs: the proof of optimality; null otherwise.</summary>
    public OptimalityCertificate? Certificate { get; init; }
}

/// <summary>The outcome of <see cref="CohortMatcher.Match"/>: either assignments and a summary, or the problems that prevented them.</summary>
public sealed record CohortResult(IReadOnlyList<CohortAssignment> Assignments, CohortSummary? Summary,
    IReadOnlyList<CohortProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

public enum CohortProblemKind
{
    /// <summary>Two people on one side share an id.</summary>
    DuplicateId,
    /// <summary>A ranking, blocked list, pin or ban names an id that is not on the other side.</summary>
    UnknownId,
    /// <summary>More than 64 different languages in the cohort.</summary>
    TooManyLanguages,
    /// <summary>Embeddings of different sizes.</summary>
    EmbeddingSize,
    /// <summary>The unmatched penalty is negative.</summary>
    NegativePenalty,
    PinnedTwice,
    PinnedAndForbidden,
    /// <summary>The pinned pair fails a hard filter (<see cref="CohortProblem.Exclusion"/> says which) or is blocked.</summary>
    PinBreaksFilter,
    /// <summary>More pins to a mentor than the places they offer (or the per-mentor cap).</summary>
    PinOverCapacity,
}

/// <summary>A reason the cohort cannot be matched as given; ids say where.</summary>
public sealed record CohortProblem(CohortProblemKind Kind, string? MenteeId = null, string? MentorId = null,
    Exclusion Exclusion = Exclusion.None, int Count = 0);

public enum CohortStage { Candidates, Solving, Explaining }

/// <summary>How far a run is: the stage and the fraction of it done (0–1).</summary>
public readonly record struct CohortProgress(CohortStage Stage, double Fraction);
