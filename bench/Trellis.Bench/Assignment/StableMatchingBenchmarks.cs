using BenchmarkDotNet.Attributes;
using Trellis.Matching.Assignment;
using Trellis.Matching.Stable;

namespace Trellis.Bench.Assignment;

/// <summary>
/// Deferred acceptance at full scale (100,000 × 20,000, 50 candidates, capacity 5), including
/// sorting every mentee's preferences. Set-up runs the blocking-pair checker on the result.
/// </summary>
[BulkJob, MemoryDiagnoser]
public class StableMatchingBenchmarks
{
    private Candidates _candidates = null!;

    [GlobalSetup]
    public void Setup()
    {
        _candidates = RandomCandidates.Create(100_000, 20_000, 50, seed: 42);
        var matches = DeferredAcceptance.Solve(_candidates).Matches!;
        var blocking = BlockingPairs.Count(_candidates, matches);
        Console.WriteLine($"// stable 100000x20000: {matches.MatchedCount} matched, {blocking} blocking pairs");
        if (blocking != 0) throw new InvalidOperationException("The stable matching has blocking pairs.");
    }

    [Benchmark]
    public int DeferredAcceptance100kx20k() => DeferredAcceptance.Solve(_candidates).Matches!.MentorOf.Length;
}
