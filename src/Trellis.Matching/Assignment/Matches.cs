namespace Trellis.Matching.Assignment;

/// <summary>The outcome of either solver: one mentor (or none) per mentee.</summary>
public sealed class Matches(int[] mentorOf, long totalCost, int unmatchedPenalty)
{
    public const int Unmatched = -1;

    /// <summary>Mentor index per mentee, or <see cref="Unmatched"/>.</summary>
    public int[] MentorOf { get; } = mentorOf;

    /// <summary>Sum of pair costs plus the penalty for every unmatched mentee.</summary>
    public long TotalCost { get; } = totalCost;

    public int UnmatchedPenalty { get; } = unmatchedPenalty;

    public int MatchedCount => MentorOf.Count(j => j != Unmatched);

    public int UnmatchedCount => MentorOf.Length - MatchedCount;
}
