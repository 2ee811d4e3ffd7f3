using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Trellis.Matching.Search;

/// <summary>How <see cref="MentorIndex"/> reads the embedding rows during a search.</summary>
internal enum SearchScan
{
    /// <summary>Screen every row with its int8 copy; only rows that might enter the top k are scored in fp32.</summary>
    Int8,

    /// <summary>Score every row that might enter the top k straight from its fp32 row (the scan before int8 rows).</summary>
    Fp32,
}

/// <summary>
/// Symmetric int8 quantisation with one scale per vector (x ≈ scale · q, q ∈ [−127, 127]), and the
/// integer dot product used to screen rows. The screen never decides a result on its own: a row is
/// skipped only when an upper bound on its exact fp32 cosine (see <see cref="Bound"/>) already
/// proves it cannot enter the top k; every other row is scored exactly, as without int8 rows.
/// </summary>
internal static class Int8
{
    public const int Levels = 127;

    /// <summary>fp32 unit roundoff (2⁻²⁴).</summary>
    private const double Unit = 1.0 / (1 << 24);

    /// <summary>
    /// Writes the int8 codes of <paramref name="v"/> and returns the scale, the exact L2 norm of the
    /// quantisation error ‖v − scale·q‖ and ‖v‖ (both worked out in double). A vector that is not
    /// finite gets infinite error, which switches the screen off for its segment (exact scoring).
    /// </summary>
    public static (float Scale, double Error, double Norm) Quantise(ReadOnlySpan<float> v, Span<sbyte> codes)
    {
        var maxAbs = 0f;
        foreach (var x in v)
        {
            if (!float.IsFinite(x))
            {
                codes.Clear();
                return (0f, double.PositiveInfinity, double.PositiveInfinity);
            }
            maxAbs = MathF.Max(maxAbs, MathF.Abs(x));
        }
        if (maxAbs == 0f)
        {
            codes.Clear();
            return (0f, 0, 0);
        }
        var scale = maxAbs / Levels;
        double error = 0, norm = 0;
        for (var i = 0; i < v.Length; i++)
        {
            var q = Math.Clamp((int)MathF.Round(v[i] / scale), -Levels, Levels);
            codes[i] = (sbyte)q;
            var d = v[i] - (double)scale * q; // exact in double: a float times a small integer
            error += d * d;
            norm += (double)v[i] * v[i];
        }
        return (scale, Math.Sqrt(error), Math.Sqrt(norm));
    }

    /// <summary>
    /// A bound B with |c − a| ≤ B for every row of a segment, where c is the fp32 cosine
    /// <see cref="Vectors.Dot"/> returns and a = D·(sₓ·s_y) the screen's estimate from the integer
    /// dot product D. Write x̃ = sₓq, ỹ = s_y p (exact reals) and eₓ = ‖x − x̃‖, e_y = ‖y − ỹ‖:
    /// <list type="bullet">
    /// <item>quantisation: |x·y − x̃·ỹ| = |(x − x̃)·y + x̃·(y − ỹ)| ≤ eₓ‖y‖ + (‖x‖ + eₓ)e_y (Cauchy–Schwarz);</item>
    /// <item>fp32 dot product of 384 terms, any summation order: |c − x·y| ≤ γ₃₈₄‖x‖‖y‖, γₙ = nu/(1 − nu);</item>
    /// <item>the estimate: D is exact (|D| ≤ 127²·384 &lt; 2²⁴) and two fp32 products add ≤ 2u + u² relative,
    /// so |a − x̃·ỹ| ≤ 3u‖x̃‖‖ỹ‖.</item>
    /// </list>
    /// With the segment's largest eₓ and ‖x‖, B bounds every row; the returned float is rounded up
    /// generously (×1.001 plus an absolute term) so that fl(a + B) ≥ c still holds after rounding.
    /// </summary>
    public static float Bound(double maxRowError, double maxRowNorm, double queryError, double queryNorm)
    {
        const double gamma = Segment.Dim * Unit / (1 - Segment.Dim * Unit);
        var rowQuantised = maxRowNorm + maxRowError;
        var bound = maxRowError * queryNorm + rowQuantised * queryError
            + gamma * maxRowNorm * queryNorm
            + 3 * Unit * rowQuantised * (queryNorm + queryError);
        var rounded = bound * 1.001 + 1e-6 * (1 + maxRowNorm * queryNorm);
        return double.IsFinite(rounded) ? (float)rounded : float.PositiveInfinity;
    }

    /// <summary>Σ qᵢpᵢ over one row, with the query stored as |p| (bytes) and a sign mask (−1 where p &lt; 0, else 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Dot(ref sbyte row, ref byte queryAbs, ref sbyte querySign)
    {
        // pmaddubsw multiplies unsigned by signed bytes and adds pairs into saturating int16; with
        // |p| ≤ 127 and |q| ≤ 127 a pair is at most 2·127² = 32,258 < 32,767, so it never saturates.
        // The query's sign moves onto the row: (q ^ m) − m is −q where m = −1, q where m = 0.
        if (Avx512BW.IsSupported)
        {
            var ones = Vector512<short>.One;
            Vector512<int> s0 = default, s1 = default;
            for (nuint i = 0; i < Segment.Dim; i += 128)
            {
                var m0 = Vector512.LoadUnsafe(ref querySign, i);
                var m1 = Vector512.LoadUnsafe(ref querySign, i + 64);
                var r0 = (Vector512.LoadUnsafe(ref row, i) ^ m0) - m0;
                var r1 = (Vector512.LoadUnsafe(ref row, i + 64) ^ m1) - m1;
                s0 += Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref queryAbs, i), r0), ones);
                s1 += Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref queryAbs, i + 64), r1), ones);
            }
            return Vector512.Sum(s0 + s1);
        }
        if (Avx2.IsSupported)
        {
            var ones = Vector256<short>.One;
            Vector256<int> s0 = default, s1 = default;
            for (nuint i = 0; i < Segment.Dim; i += 64)
            {
                var m0 = Vector256.LoadUnsafe(ref querySign, i);
                var m1 = Vector256.LoadUnsafe(ref querySign, i + 32);
                var r0 = (Vector256.LoadUnsafe(ref row, i) ^ m0) - m0;
                var r1 = (Vector256.LoadUnsafe(ref row, i + 32) ^ m1) - m1;
                s0 += Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(Vector256.LoadUnsafe(ref queryAbs, i), r0), ones);
                s1 += Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(Vector256.LoadUnsafe(ref queryAbs, i + 32), r1), ones);
            }
            return Vector256.Sum(s0 + s1);
        }
        var sum = 0;
        for (var i = 0; i < Segment.Dim; i++)
        {
            int p = Unsafe.Add(ref queryAbs, i);
            if (Unsafe.Add(ref querySign, i) != 0) p = -p;
            sum += Unsafe.Add(ref row, i) * p;
        }
        return sum;
    }
}

/// <summary>The search vector in the form <see cref="Int8.Dot"/> reads, with its scale, error and norm.</summary>
internal sealed class Int8Query
{
    public readonly byte[] Abs = new byte[Segment.Dim];
    public readonly sbyte[] Sign = new sbyte[Segment.Dim];
    public readonly float Scale;
    public readonly double Error, Norm;

    public Int8Query(ReadOnlySpan<float> query)
    {
        Span<sbyte> codes = stackalloc sbyte[Segment.Dim];
        (Scale, Error, Norm) = Int8.Quantise(query, codes);
        for (var i = 0; i < codes.Length; i++)
        {
            Abs[i] = (byte)Math.Abs(codes[i]);
            Sign[i] = codes[i] < 0 ? (sbyte)-1 : (sbyte)0;
        }
    }

    public ref byte AbsRef => ref MemoryMarshal.GetArrayDataReference(Abs);
    public ref sbyte SignRef => ref MemoryMarshal.GetArrayDataReference(Sign);
}
