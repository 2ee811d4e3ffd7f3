namespace Trellis.Matching.Assignment;

/// <summary>
/// The candidate list with the coordinator's rules folded in, so both solvers see a plain problem:
/// forbidden arcs removed, pinned mentees placed up front (they only use up capacity), and each
/// mentor's capacity cut to the per-mentor cap.
/// </summary>
internal sealed class PreparedProblem
{
    public required Candidates Candidates { get; init; }
    /// <summary>Capacity left for the solver after pins and the cap.</summary>
    public required int[] Capacity { get; init; }
    /// <summary>Mentor per mentee when pinned, otherwise <see cref="Matches.Unmatched"/>.</summary>
    public required int[] Pinned { get; init; }
    public required long PinnedCost { get; init; }

    public static (PreparedProblem? Problem, List<RuleViolation> Violations) Prepare(Candidates candidates, MatchingRules rules)
    {
        var violations = new List<RuleViolation>();
        if (rules.UnmatchedPenalty < 0)
            violations.Add(new(-1, -1, RuleViolationKind.NegativePenalty));

        var capacity = (int[])candidates.Capacity.Clone();
        if (rules.MaxMenteesPerMentor is { } max)
            for (var j = 0; j < capacity.Length; j++) capacity[j] = Math.Min(capacity[j], Math.Max(max, 0));

        var forbidden = new HashSet<long>();
        foreach (var (i, j) in rules.Forbidden)
            forbidden.Add(Key(i, j));

        var pinned = new int[candidates.MenteeCount];
        Array.Fill(pinned, Matches.Unmatched);
        long pinnedCost = 0;
        foreach (var (i, j) in rules.Pinned)
        {
            if ((uint)i >= (uint)candidates.MenteeCount || (uint)j >= (uint)candidates.MentorCount)
                violations.Add(new(i, j, RuleViolationKind.UnknownPerson));
            else if (pinned[i] != Matches.Unmatched)
                violations.Add(new(i, j, RuleViolationKind.PinnedTwice));
            else if (forbidden.Contains(Key(i, j)))
                violations.Add(new(i, j, RuleViolationKind.PinnedAndForbidden));
            else if (candidates.FindArc(i, j) is var arc && arc < 0)
                violations.Add(new(i, j, RuleViolationKind.PinnedNotCandidate));
            else if (capacity[j] == 0)
                violations.Add(new(i, j, RuleViolationKind.PinnedOverCapacity));
            else
            {
                pinned[i] = j;
                capacity[j]--;
                pinnedCost += candidates.Costs[arc];
            }
        }
        if (violations.Count > 0) return (null, violations);

        var problem = new PreparedProblem
        {
            Candidates = forbidden.Count == 0 ? candidates : WithoutForbidden(candidates, forbidden),
            Capacity = capacity,
            Pinned = pinned,
            PinnedCost = pinnedCost,
        };
        return (problem, violations);
    }

    private static long Key(int mentee, int mentor) => ((long)mentee << 32) | (uint)mentor;

    private static Candidates WithoutForbidden(Candidates c, HashSet<long> forbidden)
    {
        var offsets = new int[c.MenteeCount + 1];
        var mentors = new List<int>(c.ArcCount);
        var costs = new List<int>(c.ArcCount);
        for (var i = 0; i < c.MenteeCount; i++)
        {
            for (var a = c.Offsets[i]; a < c.Offsets[i + 1]; a++)
            {
                if (forbidden.Contains(Key(i, c.Mentors[a]))) continue;
                mentors.Add(c.Mentors[a]);
                costs.Add(c.Costs[a]);
            }
            offsets[i + 1] = mentors.Count;
        }
        return new Candidates(offsets, [.. mentors], [.. costs], c.Capacity);
    }
}
