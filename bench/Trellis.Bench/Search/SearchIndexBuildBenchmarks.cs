using BenchmarkDotNet.Attributes;
using Trellis.Matching.Scoring;
using Trellis.Matching.Search;

namespace Trellis.Bench.Search;

/// <summary>Building the index for 100,000 mentors already loaded from the database (profiles in memory).</summary>
[MemoryDiagnoser]
public class SearchIndexBuildBenchmarks
{
    private const int Count = 100_000;
    private MentorProfile[] _profiles = null!;

    [GlobalSetup]
    public void Setup()
    {
        _profiles = SyntheticMentors.Generate(Count).ToArray();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var index = MentorIndex.Build(_profiles);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// index arrays: {index.ArrayBytes / (double)Count:F0} bytes per mentor; " +
            $"managed heap growth incl. retained profile copies: {(after - before) / (double)Count:F0} bytes per mentor");
        GC.KeepAlive(index);
    }

    [Benchmark]
    public int Build100k() => MentorIndex.Build(_profiles).Count;
}
