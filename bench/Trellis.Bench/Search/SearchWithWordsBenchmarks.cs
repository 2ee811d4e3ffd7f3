using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using Trellis.Matching.Scoring;
using Trellis.Matching.Search;

namespace Trellis.Bench.Search;

/// <summary>
/// Issue 14 at 100,000 mentors, against the same streaming baseline as <see cref="SearchTopKBenchmarks"/>:
/// a mentee who uses the new rules (a target field, a language we must share, evening windows that
/// must overlap), and searches with words under the relevance threshold — one that about 1 % of
/// the mentors pass, and one nobody passes (the "no close match" case). See docs/performance.md.
/// </summary>
[MemoryDiagnoser]
public class SearchWithWordsBenchmarks
{
    private MentorIndex _index = null!;
    private MentorSearchRequest _request = null!;

    [Params("new rules", "words, 1 % close", "words, none close")]
    public string Case { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _index = new MentorIndex();
        foreach (var batch in SyntheticMentors.Generate(100_000).Chunk(16_384))
            _index.AddOrUpdate(batch);
        var mentee = SyntheticMentors.Mentee();
        var evenings = Enumerable.Range(1, 5).Select(d => new WeeklyWindow((DayOfWeek)d, new TimeOnly(18, 0), new TimeOnly(22, 0))).ToList();
        // Random unit vectors in 384 dimensions have cosines of about ±0.05 with each other, so a
        // threshold of 0.12 (2.3 standard deviations) lets about 1 % through, as a specific query would.
        _request = Case switch
        {
            "new rules" => new MentorSearchRequest
            {
                Mentee = mentee with
                {
                    TargetField = SyntheticMentors.FieldName(3),
                    RequiredLanguages = ["en"],
                    MeetingWindows = evenings,
                    RequiresMeetingOverlap = true,
                },
                ReferenceDate = new DateOnly(2026, 11, 26),
            },
            "words, 1 % close" => Words(mentee, 0.12f),
            "words, none close" => Words(mentee, 0.25f),
            _ => throw new InvalidOperationException(),
        };
        if (!SearchTopKBenchmarks.SameAsFp32(_index, _request, out var exactInt8, out var exactFp32))
            throw new InvalidOperationException("The int8 screen changed the top 10.");
        var result = _index.Search(_request);
        Console.WriteLine($"// {Case}: {result.TotalMatching} pass; rows scored in fp32: {exactInt8} with the int8 screen, {exactFp32} in the fp32 scan; same top 10: yes");
    }

    private static MentorSearchRequest Words(MenteeProfile mentee, float threshold)
    {
        var random = new Random(11);
        var query = new float[Trellis.Matching.Embeddings.SentenceEmbedder.Dimensions];
        for (var i = 0; i < query.Length; i++) query[i] = random.NextSingle() * 2 - 1;
        TensorPrimitives.Divide(query, TensorPrimitives.Norm(query), query);
        return new MentorSearchRequest { Mentee = mentee, ReferenceDate = new DateOnly(2026, 11, 26), QueryEmbedding = query, MinQueryRelevance = threshold };
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
