using System.Numerics.Tensors;

namespace Trellis.Matching.Cohort;

/// <summary>
/// A deterministic stand-in for the sentence model: each lower-cased word is hashed (FNV-1a, not
/// string.GetHashCode, which changes per process) to a dimension and a sign, and the vector is
/// normalised. It only sees shared words, not meaning; the web app passes the real model.
/// </summary>
public static class HashingEmbedder
{
    public const int Dimensions = 384;

    public static float[][] Embed(string[] texts)
    {
        var result = new float[texts.Length][];
        Parallel.For(0, texts.Length, t => result[t] = Embed(texts[t]));
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
