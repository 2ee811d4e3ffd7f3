using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using Trellis.Matching.Scoring;
using Trellis.Matching.Search;

namespace Trellis.Bench.Search;

/// <summary>
/// Top-10 with every criterion for one mentee, single thread, against a baseline that only
/// streams the same embedding bytes once (TensorPrimitives.Sum). See docs/performance.md.
/// </summary>
[MemoryDiagnoser]
public class SearchTopKBenchmarks
{
    private MentorIndex _index = null!;
    private MentorSearchRequest _request = null!;

    [ParamsSource(nameof(MentorCounts))]
    public int Mentors { get; set; }

    /// <summary>100,000 and 1,000,000, or only the count in TRELLIS_BENCH_MENTORS (a run at 100,000 alone takes minutes, not a quarter of an hour).</summary>
    public static IEnumerable<int> MentorCounts =>
        Environment.GetEnvironmentVariable("TRELLIS_BENCH_MENTORS") is { } only ? [int.Parse(only, System.Globalization.CultureInfo.InvariantCulture)] : [100_000, 1_000_000];

    [Params(100, 50, 2)]
    public int FilterPassPercent { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _index = new MentorIndex();
        foreach (var batch in SyntheticMentors.Generate(Mentors).Chunk(16_384))
            _index.AddOrUpdate(batch);
        var filter = FilterPassPercent switch
        {
            100 => MentorFilter.None,
            50 => new MentorFilter { Formats = MeetingFormats.Video },
            2 => new MentorFilter { Fields = [SyntheticMentors.FieldName(0)] },
            _ => throw new InvalidOperationException(),
        };
        _request = new MentorSearchRequest { Mentee = SyntheticMentors.Mentee(), ReferenceDate = new DateOnly(2026, 11, 26), Filter = filter, Take = 10 };
        var result = _index.Search(_request);
        // The int8 screen must not change a single id or score on the benchmark's seeds.
        if (!SameAsFp32(_index, _request, out var exactInt8, out var exactFp32))
            throw new InvalidOperationException("The int8 screen changed the top 10.");
        Console.WriteLine($"// {Mentors} mentors, filter {FilterPassPercent}%: {result.TotalMatching} pass, best {result.Matches[0].Score:F4}; " +
            $"rows scored in fp32: {exactInt8} with the int8 screen, {exactFp32} in the fp32 scan; same top 10: yes");
    }

    /// <summary>Whether the int8 screen and the fp32 scan return the same ids, scores and count.</summary>
    public static bool SameAsFp32(MentorIndex index, MentorSearchRequest request, out int exactInt8, out int exactFp32)
    {
        var int8 = index.Search(request, SearchScan.Int8, out exactInt8);
        var fp32 = index.Search(request, SearchScan.Fp32, out exactFp32);
        return int8.TotalMatching == fp32.TotalMatching
            && int8.Matches.Select(m => (m.MentorId, m.Score)).SequenceEqual(fp32.Matches.Select(m => (m.MentorId, m.Score)));
    }

    [Benchmark(Baseline = true)]
    public float StreamEmbeddings()
    {
        var sum = 0f;
        foreach (var (segment, rows) in _index.EmbeddingBlocks())
            sum += TensorPrimitives.Sum(segment.Matrix(rows));
        return sum;
    }

    /// <summary>The search as shipped: int8 screen, exact fp32 scoring of the rows that might enter the top 10.</summary>
    [Benchmark]
    public MentorSearchResult TopTen() => _index.Search(_request);

    /// <summary>The previous scan: every row that might enter the top 10 scored from its fp32 row (same result).</summary>
    [Benchmark]
    public MentorSearchResult TopTenFp32Scan() => _index.Search(_request, SearchScan.Fp32, out _);
}
