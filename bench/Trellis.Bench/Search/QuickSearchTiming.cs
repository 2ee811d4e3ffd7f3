using System.Diagnostics;
using System.Numerics.Tensors;
using Trellis.Matching.Scoring;
using Trellis.Matching.Search;

namespace Trellis.Bench.Search;

/// <summary>A rough Stopwatch check for iterating on the scan (`-- --quick-search 100000`); the figures for docs come from BenchmarkDotNet.</summary>
public static class QuickSearchTiming
{
    public static void Run(int mentors)
    {
        var index = new MentorIndex();
        foreach (var batch in SyntheticMentors.Generate(mentors).Chunk(16_384)) index.AddOrUpdate(batch);
        var mentee = SyntheticMentors.Mentee();
        foreach (var (name, filter) in new[]
        {
            ("100%", MentorFilter.None), ("50%", new MentorFilter { Formats = MeetingFormats.Video }),
            ("2%", new MentorFilter { Fields = [SyntheticMentors.FieldName(0)] }),
        })
        {
            var request = new MentorSearchRequest { Mentee = mentee, ReferenceDate = new DateOnly(2026, 11, 26), Filter = filter };
            var same = SearchTopKBenchmarks.SameAsFp32(index, request, out var exactInt8, out var exactFp32);
            Console.WriteLine($"top-10 {name}: int8 screen {Median(() => index.Search(request, SearchScan.Int8, out _)):F2} ms " +
                $"({exactInt8} rows scored in fp32), fp32 scan {Median(() => index.Search(request, SearchScan.Fp32, out _)):F2} ms " +
                $"({exactFp32} rows), same result: {same}");
        }
        var noText = new MentorSearchRequest { Mentee = mentee with { Embedding = null }, ReferenceDate = new DateOnly(2026, 11, 26) };
        Console.WriteLine($"top-10 100% without text (structured part only): {Median(() => index.Search(noText)):F2} ms");
        Console.WriteLine($"stream fp32: {Median(() => index.EmbeddingBlocks().Sum(b => TensorPrimitives.Sum(b.Segment.Matrix(b.Rows)))):F2} ms");
        var int8 = new SearchStreamInt8Benchmarks { Mentors = mentors };
        int8.Setup();
        Console.WriteLine($"stream int8: {Median(() => int8.StreamInt8Rows()):F2} ms");
    }

    private static double Median(Func<object> action)
    {
        var times = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
