using BenchmarkDotNet.Attributes;
using Trellis.Matching.Assignment;
using Trellis.Matching.Stable;

namespace Trellis.Bench.Assignment;

/// <summary>
/// Deferred acceptance at full scale (100,000 × 20,000, 50 candidates, capacity 5). "Unsorted":
/// random arc order, so the time includes sorting every mentee's preferences; "sorted": arcs best
/// first, as the candidate search hands them over. Set-up runs the blocking-pair checker.
/// </summary>
[BulkJob, MemoryDiagnoser]
public class StableMatchingBenchmarks
{
    private Candidates _candidates = null!;

    [Params("unsorted", "sorted")]
    public string Arcs { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _candidates = RandomCandidates.Create(100_000, 20_000, 50, seed: 42);
        if (Arcs == "sorted") _candidates = SortedByCost(_candidates);
        var matches = DeferredAcceptance.Solve(_candidates).Matches!;
        var blocking = BlockingPairs.Count(_candidates, matches);
        Console.WriteLine($"// stable 100000x20000: {matches.MatchedCount} matched, {blocking} blocking pairs");
        if (blocking != 0) throw new InvalidOperationException("The stable matching has blocking pairs.");
    }

    [Benchmark]
    public int DeferredAcceptance100kx20k() => DeferredAcceptance.Solve(_candidates).Matches!.MentorOf.Length;

    private static Candidates SortedByCost(Candidates c)
    {
        var mentors = (int[])c.Mentors.Clone();
        var costs = (int[])c.Costs.Clone();
        for (var i = 0; i < c.MenteeCount; i++)
        {
            var keys = new long[c.CandidateCount(i)];
            for (var r = 0; r < keys.Length; r++)
                keys[r] = ((long)costs[c.Offsets[i] + r] << 32) | (uint)mentors[c.Offsets[i] + r];
            Array.Sort(keys);
            for (var r = 0; r < keys.Length; r++)
                (costs[c.Offsets[i] + r], mentors[c.Offsets[i] + r]) = ((int)(keys[r] >> 32), (int)(keys[r] & 0xFFFF_FFFF));
        }
        return new Candidates(c.Offsets, mentors, costs, c.Capacity);
    }
}
