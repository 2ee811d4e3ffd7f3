namespace Trellis.Matching.Assignment;

public enum RuleViolationKind
{
    NegativePenalty,
    /// <summary>The pinned pair names a mentee or mentor that does not exist.</summary>
    UnknownPerson,
    /// <summary>The mentee is pinned to more than one mentor.</summary>
    PinnedTwice,
    /// <summary>The pair is both pinned and forbidden.</summary>
    PinnedAndForbidden,
    /// <summary>The pinned mentor is not a candidate for this mentee (a hard filter excluded it).</summary>
    PinnedNotCandidate,
    /// <summary>The pinned mentor has no capacity left for this mentee.</summary>
    PinnedOverCapacity,
}

/// <summary>Rules that contradict each other or the candidate list: a coordinator mistake, not a bug.</summary>
public sealed record RuleViolation(int Mentee, int Mentor, RuleViolationKind Kind);

/// <summary>Either a matching or the rules that made one impossible.</summary>
public readonly record struct MatchingResult(Matches? Matches, IReadOnlyList<RuleViolation> Violations)
{
    public bool IsValid => Matches is not null;

    public static MatchingResult Ok(Matches matches) => new(matches, []);

    public static MatchingResult Invalid(IReadOnlyList<RuleViolation> violations) => new(null, violations);
}
