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
            var k = random.Next(MaxCandidates + 1);
            foreach (var j in Enumerable.Range(0, Mentors).OrderBy(_ => random.Next()).Take(k))
                builder.Add(i, j, random.Next(MaxCost + 1));
        }
        return builder.Build();
    }
}
