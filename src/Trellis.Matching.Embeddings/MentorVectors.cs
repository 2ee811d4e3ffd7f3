using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Trellis.Matching.Embeddings;

/// <summary>
/// A mentor's one vector from the texts of <see cref="ProfileText.ForMentorParts"/>: the mean of the
/// non-empty parts' normalised embeddings, with any <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>.
/// </summary>
public static class MentorVectors
{
    /// <summary>
    /// Embeds every part of every mentor in one call and averages each mentor's parts. The mean is
    /// deliberately not re-normalised, so its dot product with a mentee's (normalised) goals is
    /// exactly the mean of the parts' cosines, and the index keeps one row per mentor. All parts
    /// empty: a zero vector (it matches nothing).
    /// </summary>
    public static async Task<float[][]> GenerateMentorVectorsAsync(
        this IEmbeddingGenerator<string, Embedding<float>> generator,
        IReadOnlyList<IReadOnlyList<string>> mentorParts, CancellationToken ct = default)
    {
        if (mentorParts.Count == 0) return [];
        var embeddings = await generator.GenerateAsync(mentorParts.SelectMany(p => p), cancellationToken: ct);
        return Mean(mentorParts, [.. embeddings.Select(e => e.Vector.ToArray())]);
    }

    /// <summary>Embeds texts one vector each (empty text: a zero vector).</summary>
    public static async Task<float[][]> GenerateVectorsAsync(
        this IEmbeddingGenerator<string, Embedding<float>> generator, IReadOnlyList<string> texts,
        CancellationToken ct = default)
    {
        if (texts.Count == 0) return [];
        var embeddings = await generator.GenerateAsync(texts, cancellationToken: ct);
        return [.. embeddings.Select(e => e.Vector.ToArray())];
    }

    /// <summary>Averages each mentor's part vectors, given in the order of the flattened parts.</summary>
    public static float[][] Mean(IReadOnlyList<IReadOnlyList<string>> mentorParts, IReadOnlyList<float[]> vectors)
    {
        var result = new float[mentorParts.Count][];
        var next = 0;
        for (var m = 0; m < mentorParts.Count; m++)
        {
            float[]? mean = null;
            var present = 0;
            foreach (var text in mentorParts[m])
            {
                var v = vectors[next++];
                mean ??= new float[v.Length];
                if (TextNormalizer.Normalize(text).Length == 0) continue;
                TensorPrimitives.Add(mean, v, mean);
                present++;
            }
            mean ??= new float[SentenceEmbedder.Dimensions];
            if (present > 1) TensorPrimitives.Divide(mean, present, mean);
            result[m] = mean;
        }
        return result;
    }
}
