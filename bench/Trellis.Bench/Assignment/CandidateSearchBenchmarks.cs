using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using Trellis.Matching.Cohort;

namespace Trellis.Bench.Assignment;

/// <summary>
/// Top-50 candidates for 100,000 mentees among 20,000 mentors with 384-dimensional embeddings:
/// two billion pairs before filters. Languages: English for 85 %, a second language for 40 %.
/// </summary>
[BulkJob, MemoryDiagnoser]
public class CandidateSearchBenchmarks
{
    private CohortSide _mentees = null!, _mentors = null!;

    [Params(20_000, 100_000)]
    public int Mentees { get; set; }

    public int Mentors => Mentees / 5;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _mentees = Side(random, Mentees, mentors: false);
        _mentors = Side(random, Mentors, mentors: true);
    }

    [Benchmark]
    public int FindTop50() =>
        CandidateSearch.Find(_mentees, _mentors, new WeightedScore(_mentees, _mentors), 50).Candidates.ArcCount;

    public static CohortSide Side(Random random, int count, bool mentors)
    {
        const int dims = 384;
        var embeddings = new float[count * dims];
        for (var i = 0; i < embeddings.Length; i++) embeddings[i] = (float)(random.NextDouble() * 2 - 1);
        for (var p = 0; p < count; p++)
        {
            var row = embeddings.AsSpan(p * dims, dims);
            TensorPrimitives.Divide(row, TensorPrimitives.Norm(row), row);
        }
        var languages = Enumerable.Range(0, count).Select(_ =>
            (random.Next(100) < 85 ? 1UL : 0) | (random.Next(100) < 40 ? 2UL << random.Next(7) : 0)).Select(m => m == 0 ? 1UL : m).ToArray();
        var units = Enumerable.Range(0, count).Select(_ => random.Next(10) == 0 ? -1 : random.Next(200)).ToArray();
        return new CohortSide(dims, embeddings, languages, units, mentors ? Enumerable.Repeat(5, count).ToArray() : null);
    }
}
