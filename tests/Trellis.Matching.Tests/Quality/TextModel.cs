using System.Diagnostics;
using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;
using Trellis.Matching.Embeddings;

namespace Trellis.Matching.Tests.Quality;

/// <summary>
/// One offline sentence model as the comparison uses it: the same text normalisation and batching
/// as <see cref="SentenceEmbedder"/>, output scaled to unit length, and an optional prefix for the
/// mentee's side (ArcticXs is trained with one for queries).
/// </summary>
public sealed class TextModel(string name, Func<SessionOptions, ISentenceEncoder> create, string menteePrefix = "") : IDisposable
{
    private ISentenceEncoder? _encoder;

    public string Name { get; } = name;

    /// <summary>Seconds to load the model and bytes the process grew by doing so (working set).</summary>
    public (double Seconds, long WorkingSetBytes) Load()
    {
        var before = Environment.WorkingSet;
        var clock = Stopwatch.StartNew();
        _encoder = create(new SessionOptions { IntraOpNumThreads = 1 });
        _encoder.Encode(["warm up"]);
        return (clock.Elapsed.TotalSeconds, Environment.WorkingSet - before);
    }

    public float[][] Embed(IReadOnlyList<string> texts, bool mentee = false)
    {
        if (_encoder is null) Load();
        var result = new float[texts.Count][];
        var pending = new List<(int Index, string Text)>();
        for (var i = 0; i < texts.Count; i++)
        {
            var normalised = TextNormalizer.Normalize(texts[i]);
            if (normalised.Length == 0) result[i] = new float[SentenceEmbedder.Dimensions];
            else pending.Add((i, mentee ? menteePrefix + normalised : normalised));
        }
        foreach (var batch in pending.Chunk(32))
        {
            var vectors = _encoder!.Encode([.. batch.Select(p => p.Text)]);
            for (var j = 0; j < batch.Length; j++)
            {
                var v = vectors[j];
                var norm = TensorPrimitives.Norm(v);
                if (norm > 0) TensorPrimitives.Divide(v, norm, v);
                result[batch[j].Index] = v;
            }
        }
        return result;
    }

    public float[][] EmbedMentors(IReadOnlyList<IReadOnlyList<string>> parts) =>
        MentorVectors.Mean(parts, Embed([.. parts.SelectMany(p => p)]));

    /// <summary>Milliseconds of wall time and of process CPU per sentence, encoding <paramref name="sentences"/> in batches of 32 on one thread.</summary>
    public (double WallMs, double CpuMs) CostPerSentence(IReadOnlyList<string> sentences)
    {
        Embed(sentences.Take(32).ToList());
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        Embed(sentences);
        var wall = clock.Elapsed.TotalMilliseconds;
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        return (wall / sentences.Count, used / sentences.Count);
    }

    public void Dispose() => (_encoder as IDisposable)?.Dispose();
}
