using BenchmarkDotNet.Attributes;
using Trellis.Matching.Assignment;

namespace Trellis.Bench.Assignment;

/// <summary>
/// Optimal assignment on random instances (50 candidates per mentee, costs 0–999), Trellis next
/// to OR-Tools on the identical instance. Set-up checks that both reach the same optimum.
/// </summary>
[BulkJob, MemoryDiagnoser]
public class OptimalAssignmentBenchmarks
{
    public const int Penalty = 10_000;

    [Params("20000x4000 cap 5", "100000x20000 cap 5", "100000x20000 cap 1-10")]
    public string Instance { get; set; } = "";

    private Candidates _candidates = null!;

    public static Candidates Create(string instance) => instance switch
    {
        "20000x4000 cap 5" => RandomCandidates.Create(20_000, 4_000, 50, seed: 42),
        "100000x20000 cap 5" => RandomCandidates.Create(100_000, 20_000, 50, seed: 42),
        "100000x20000 cap 1-10" => RandomCandidates.Create(100_000, 20_000, 50, seed: 42, minCapacity: 1, maxCapacity: 10),
        _ => throw new ArgumentException(instance),
    };

    [GlobalSetup]
    public void Setup()
    {
        _candidates = Create(Instance);
        var ours = Trellis();
        var reference = OrTools();
        Console.WriteLine($"// {Instance}: Trellis cost {ours}, OR-Tools cost {reference}");
        if (ours != reference) throw new InvalidOperationException("The optimal costs differ.");
    }

    [Benchmark]
    public long Trellis() =>
        OptimalAssignment.Solve(_candidates, new MatchingRules { UnmatchedPenalty = Penalty }).Matches!.TotalCost;

    [Benchmark(Baseline = true)]
    public long OrTools() => OrToolsMinCostFlow.Solve(_candidates, Penalty);
}
