using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Trellis.Matching.Search;

internal static class Vectors
{
    /// <summary>
    /// Dot product of two embedding rows, inlined into the scan loop: for 384 floats the call and
    /// length checks of a general routine are a visible share of the time per row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (Vector512.IsHardwareAccelerated && a.Length == b.Length && a.Length % 64 == 0)
        {
            ref var x = ref MemoryMarshal.GetReference(a);
            ref var y = ref MemoryMarshal.GetReference(b);
            Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default;
            for (nuint i = 0; i < (nuint)a.Length; i += 64)
            {
                s0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x, i), Vector512.LoadUnsafe(ref y, i), s0);
                s1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x, i + 16), Vector512.LoadUnsafe(ref y, i + 16), s1);
                s2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x, i + 32), Vector512.LoadUnsafe(ref y, i + 32), s2);
                s3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x, i + 48), Vector512.LoadUnsafe(ref y, i + 48), s3);
            }
            return Vector512.Sum((s0 + s1) + (s2 + s3));
        }
        if (Vector256.IsHardwareAccelerated && a.Length == b.Length && a.Length % 32 == 0)
        {
            ref var x = ref MemoryMarshal.GetReference(a);
            ref var y = ref MemoryMarshal.GetReference(b);
            Vector256<float> s0 = default, s1 = default, s2 = default, s3 = default;
            for (nuint i = 0; i < (nuint)a.Length; i += 32)
            {
                s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x, i), Vector256.LoadUnsafe(ref y, i), s0);
                s1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x, i + 8), Vector256.LoadUnsafe(ref y, i + 8), s1);
                s2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x, i + 16), Vector256.LoadUnsafe(ref y, i + 16), s2);
                s3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x, i + 24), Vector256.LoadUnsafe(ref y, i + 24), s3);
            }
            return Vector256.Sum((s0 + s1) + (s2 + s3));
        }
        return TensorPrimitives.Dot(a, b);
    }
}
