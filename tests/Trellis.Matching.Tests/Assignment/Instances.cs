using Trellis.Matching.Assignment;

namespace Trellis.Matching.Tests.Assignment;

/// <summary>Seeded random instances of a given shape; some mentees may get no candidate at all.</summary>
public sealed record Shape(int Mentees, int Mentors, int MaxCandidates, int MinCapacity, int MaxCapacity, int Penalty, int MaxCost = 999)
{
    public Candidates Create(int seed)
    {
        var random = new Random(seed);
        var capacity = Enumerable.Range(0, Mentors).Select(_ => random.Next(MinCapacity, MaxCapacity + 1)).ToArray();
        var builder = new CandidatesBuilder(Mentees, capacity);
        for (var i = 0; i < Mentees; i++)
        {
            var k = Math.Min(random.Next(MaxCandidates + 1), Mentors);
            var chosen = new HashSet<int>();
            while (chosen.Count < k)
            {
                var j = random.Next(Mentors);
                if (chosen.Add(j)) builder.Add(i, j, random.Next(MaxCost + 1));
            }
        }
        return builder.Build();
    }
}
