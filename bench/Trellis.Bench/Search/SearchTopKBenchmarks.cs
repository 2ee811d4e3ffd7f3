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

    [Params(100_000, 1_000_000)]
    public int Mentors { get; set; }

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
        Console.WriteLine($"// {Mentors} mentors, filter {FilterPassPercent}%: {result.TotalMatching} pass, best {result.Matches[0].Score:F4}");
    }

    [Benchmark(Baseline = true)]
    public float StreamEmbeddings()
    {
        var sum = 0f;
        foreach (var (segment, rows) in _index.EmbeddingBlocks())
            sum += TensorPrimitives.Sum(segment.Matrix(rows));
        return sum;
    }

    [Benchmark]
    public MentorSearchResult TopTen() => _index.Search(_request);
}
