namespace Trellis.Matching.Assignment;

/// <summary>
/// Who may be matched with whom, at what cost, in compressed sparse rows: mentee i's candidate
/// arcs are <c>Offsets[i] .. Offsets[i + 1]</c> in <see cref="Mentors"/> and <see cref="Costs"/>.
/// Flat arrays rather than objects because a cohort of 100,000 mentees × 50 candidates is five
/// million arcs, and the solvers walk them millions of times.
/// </summary>
public sealed class Candidates
{
    public int MenteeCount { get; }
    public int MentorCount { get; }
    public int[] Offsets { get; }
    public int[] Mentors { get; }
    /// <summary>Lower is better. Scores are turned into costs before they get here.</summary>
    public int[] Costs { get; }
    public int[] Capacity { get; }

    public Candidates(int[] offsets, int[] mentors, int[] costs, int[] capacity)
    {
        ArgumentOutOfRangeException.ThrowIfZero(offsets.Length);
        if (mentors.Length != costs.Length || offsets[^1] != mentors.Length || offsets[0] != 0)
            throw new ArgumentException("Offsets, mentors and costs do not describe the same arcs.");
        for (var i = 1; i < offsets.Length; i++)
            if (offsets[i] < offsets[i - 1]) throw new ArgumentException("Offsets must not decrease.");
        foreach (var j in mentors)
            if ((uint)j >= (uint)capacity.Length) throw new ArgumentException($"Mentor {j} does not exist.");
        foreach (var c in costs)
            if (c < 0) throw new ArgumentException("Costs must not be negative.");
        foreach (var c in capacity)
            if (c < 0) throw new ArgumentException("Capacities must not be negative.");

        Offsets = offsets;
        Mentors = mentors;
        Costs = costs;
        Capacity = capacity;
        MenteeCount = offsets.Length - 1;
        MentorCount = capacity.Length;
    }

    public int ArcCount => Mentors.Length;

    public int CandidateCount(int mentee) => Offsets[mentee + 1] - Offsets[mentee];

    /// <summary>The arc index of (mentee, mentor), or -1 when the mentor is not a candidate.</summary>
    public int FindArc(int mentee, int mentor)
    {
        for (var a = Offsets[mentee]; a < Offsets[mentee + 1]; a++)
            if (Mentors[a] == mentor) return a;
        return -1;
    }
}
