namespace Trellis.Matching.Assignment;

/// <summary>Rules that contradict each other or the candidate list: a coordinator mistake, not a bug.</summary>
public sealed record RuleViolation(int Mentee, int Mentor, string Reason);

/// <summary>Either a matching or the rules that made one impossible.</summary>
public readonly record struct MatchingResult(Matches? Matches, IReadOnlyList<RuleViolation> Violations)
{
    public bool IsValid => Matches is not null;

    public static MatchingResult Ok(Matches matches) => new(matches, []);

    public static MatchingResult Invalid(IReadOnlyList<RuleViolation> violations) => new(null, violations);
}
