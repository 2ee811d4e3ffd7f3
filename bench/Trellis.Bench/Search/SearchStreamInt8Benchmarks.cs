using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using Trellis.Matching.Search;

namespace Trellis.Bench.Search;

/// <summary>
/// Context for the int8 screen (not the baseline): what streaming only the int8 copy of
/// the rows costs (384 bytes per mentor instead of 1,536), read with 512-bit loads.
/// </summary>
public class SearchStreamInt8Benchmarks
{
    private MentorIndex _index = null!;

    [Params(100_000, 1_000_000)]
    public int Mentors { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _index = new MentorIndex();
        foreach (var batch in SyntheticMentors.Generate(Mentors).Chunk(16_384))
            _index.AddOrUpdate(batch);
    }

    [Benchmark]
    public int StreamInt8Rows()
    {
        var sum = Vector512<sbyte>.Zero;
        foreach (var (segment, rows) in _index.EmbeddingBlocks())
        {
            var codes = segment.CodesMatrix(rows);
            ref var start = ref MemoryMarshal.GetReference(codes);
            for (nuint i = 0; i + 256 <= (nuint)codes.Length; i += 256)
                sum += (Vector512.LoadUnsafe(ref start, i) ^ Vector512.LoadUnsafe(ref start, i + 64))
                    + (Vector512.LoadUnsafe(ref start, i + 128) ^ Vector512.LoadUnsafe(ref start, i + 192));
        }
        return Vector512.Sum(Vector512.WidenLower(sum)) + Vector512.Sum(Vector512.WidenUpper(sum));
    }
}
