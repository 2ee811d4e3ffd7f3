namespace Trellis.Matching.Assignment;

/// <summary>
/// Seeded random candidate lists for tests and benchmarks: each mentee gets distinct random
/// mentors with uniform costs. Deterministic for a seed so every run measures the same instance.
/// </summary>
public static class RandomCandidates
{
    public static Candidates Create(int mentees, int mentors, int perMentee, int seed,
        int minCapacity = 5, int maxCapacity = 5, int maxCost = 999)
    {
        var random = new Random(seed);
        var capacity = new int[mentors];
        for (var j = 0; j < mentors; j++) capacity[j] = random.Next(minCapacity, maxCapacity + 1);

        var k = Math.Min(perMentee, mentors);
        var offsets = new int[mentees + 1];
        var ids = new int[mentees * k];
        var costs = new int[mentees * k];
        var chosen = new HashSet<int>();
        for (var i = 0; i < mentees; i++)
        {
            chosen.Clear();
            var at = i * k;
            while (chosen.Count < k)
            {
                var j = random.Next(mentors);
                if (!chosen.Add(j)) continue;
                ids[at] = j;
                costs[at++] = random.Next(maxCost + 1);
            }
            offsets[i + 1] = at;
        }
        return new Candidates(offsets, ids, costs, capacity);
    }
}
