using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Trellis.Matching.Cohort;

/// <summary>
/// Four mentee rows against two mentor rows at once: eight running sums stay in registers and
/// every loaded vector is used two or four times, which is what makes a blocked matrix product
/// several times faster than one dot product per pair. Rows are padded to a multiple of 8 floats.
/// </summary>
internal static class DotKernel
{
    public const int Rows = 4, Columns = 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dot4x2(ref float a, int stride, ref float b0, ref float b1, int dims, Span<float> result)
    {
        ref var a1 = ref Unsafe.Add(ref a, stride);
        ref var a2 = ref Unsafe.Add(ref a, 2 * stride);
        ref var a3 = ref Unsafe.Add(ref a, 3 * stride);
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<float> c20 = default, c21 = default, c30 = default, c31 = default;
        for (nuint d = 0; d < (nuint)dims; d += 8)
        {
            var x0 = Vector256.LoadUnsafe(ref b0, d);
            var x1 = Vector256.LoadUnsafe(ref b1, d);
            var y = Vector256.LoadUnsafe(ref a, d);
            c00 = MultiplyAdd(y, x0, c00);
            c01 = MultiplyAdd(y, x1, c01);
            y = Vector256.LoadUnsafe(ref a1, d);
            c10 = MultiplyAdd(y, x0, c10);
            c11 = MultiplyAdd(y, x1, c11);
            y = Vector256.LoadUnsafe(ref a2, d);
            c20 = MultiplyAdd(y, x0, c20);
            c21 = MultiplyAdd(y, x1, c21);
            y = Vector256.LoadUnsafe(ref a3, d);
            c30 = MultiplyAdd(y, x0, c30);
            c31 = MultiplyAdd(y, x1, c31);
        }
        result[0] = Vector256.Sum(c00);
        result[1] = Vector256.Sum(c01);
        result[2] = Vector256.Sum(c10);
        result[3] = Vector256.Sum(c11);
        result[4] = Vector256.Sum(c20);
        result[5] = Vector256.Sum(c21);
        result[6] = Vector256.Sum(c30);
        result[7] = Vector256.Sum(c31);
    }

    /// <summary>One fused instruction where the CPU has FMA; the JIT drops the other branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> sum) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, sum) : sum + a * b;
}
