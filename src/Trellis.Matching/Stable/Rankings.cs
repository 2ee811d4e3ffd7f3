using Trellis.Matching.Assignment;

namespace Trellis.Matching.Stable;

/// <summary>
/// Explicit preferences, one value per candidate arc (lower is preferred), for either side.
/// A side left null ranks by cost, so a coordinator can rank one side and let the score rank the
/// other. Ties break by index, which keeps every ranking strict and the result deterministic.
/// </summary>
public sealed record Rankings(int[]? MenteeRank = null, int[]? MentorRank = null)
{
    public static Rankings FromScores { get; } = new();

    /// <summary>How mentee (the arc's tail) values the arc's mentor; lower is better.</summary>
    public long MenteeKey(Candidates c, int arc) =>
        ((long)(MenteeRank?[arc] ?? c.Costs[arc]) << 32) | (uint)c.Mentors[arc];

    /// <summary>How the arc's mentor values the arc's mentee; lower is better.</summary>
    public long MentorKey(Candidates c, int arc, int mentee) =>
        ((long)(MentorRank?[arc] ?? c.Costs[arc]) << 32) | (uint)mentee;
}
