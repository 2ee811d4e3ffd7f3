using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Trellis.Matching.Embeddings;

/// <summary>
/// A deterministic stand-in for the sentence model: each lower-cased word is hashed (FNV-1a, not
/// string.GetHashCode, which changes per process) to a dimension and a sign, and the vector is
/// normalised. It only sees shared words, not meaning, and costs microseconds per text: for timing
/// whole cohorts and for tests. The product uses <see cref="SentenceEmbedder"/>.
/// </summary>
public sealed class HashingEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int Dimensions = 384;

    /// <summary>Changes whenever the hashing changes, so cached vectors are never mixed up.</summary>
    public const string ModelId = "trellis-hashing-bag-of-words v1";

    private static readonly EmbeddingGeneratorMetadata Metadata = new("Trellis", null, ModelId, Dimensions);

    public static HashingEmbedder Instance { get; } = new();

    public static float[][] Embed(IReadOnlyList<string> texts)
    {
        var result = new float[texts.Count][];
        Parallel.For(0, texts.Count, t => result[t] = Embed(texts[t]));
        return result;
    }

    public static float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        var span = text.AsSpan();
        var start = -1;
        for (var i = 0; i <= span.Length; i++)
        {
            var inWord = i < span.Length && char.IsLetterOrDigit(span[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                var hash = Hash(span[start..i]);
                vector[(int)(hash % Dimensions)] += (hash & 0x8000_0000) == 0 ? 1f : -1f;
                start = -1;
            }
        }
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0) TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var vectors = Embed(values as IReadOnlyList<string> ?? [.. values]);
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(
            vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId })));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private static uint Hash(ReadOnlySpan<char> word)
    {
        var hash = 2166136261u;
        foreach (var ch in word)
        {
            hash ^= char.ToLowerInvariant(ch);
            hash *= 16777619u;
        }
        return hash;
    }
}
