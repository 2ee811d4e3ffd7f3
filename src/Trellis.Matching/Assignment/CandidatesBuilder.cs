namespace Trellis.Matching.Assignment;

/// <summary>Collects arcs in any order and lays them out as <see cref="Candidates"/>.</summary>
public sealed class CandidatesBuilder(int menteeCount, int[] capacity)
{
    private readonly List<(int Mentee, int Mentor, int Cost)> _arcs = [];

    public CandidatesBuilder Add(int mentee, int mentor, int cost)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)mentee, (uint)menteeCount, nameof(mentee));
        _arcs.Add((mentee, mentor, cost));
        return this;
    }

    public Candidates Build()
    {
        var offsets = new int[menteeCount + 1];
        foreach (var arc in _arcs) offsets[arc.Mentee + 1]++;
        for (var i = 0; i < menteeCount; i++) offsets[i + 1] += offsets[i];
        var next = offsets[..^1].ToArray();
        var mentors = new int[_arcs.Count];
        var costs = new int[_arcs.Count];
        foreach (var (mentee, mentor, cost) in _arcs)
        {
            var at = next[mentee]++;
            mentors[at] = mentor;
            costs[at] = cost;
        }
        return new Candidates(offsets, mentors, costs, capacity);
    }
}
