using System.Runtime.CompilerServices;

namespace Trellis.Matching;

/// <summary>Which of two items is better; a struct, so <see cref="TopK"/> is compiled for each order and inlines it.</summary>
internal interface IOrder<T>
{
    static abstract bool IsBetter(in T a, in T b);
}

/// <summary>Cohort keys (cost · 2³² + mentor): smaller is better, so ties break by mentor index.</summary>
internal readonly struct SmallerKey : IOrder<long>
{
    public static bool IsBetter(in long a, in long b) => a < b;
}

/// <summary>
/// The K best items seen so far, kept in a span as a binary heap with the worst kept item at the
/// root, so "is this better than the K-th best?" is one comparison. Used by the mentor search
/// (one heap per query) and by the cohort candidate search (one slice of a shared array per
/// mentee, so 100,000 heaps cost no allocation). With a strict order the kept set does not
/// depend on the order items arrive in.
/// </summary>
internal static class TopK
{
    /// <summary>Offers an item; returns whether it was kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Offer<T, TOrder>(Span<T> heap, ref int count, in T item) where TOrder : struct, IOrder<T>
    {
        if (count < heap.Length)
        {
            var at = count++;
            while (at > 0)
            {
                var parent = (at - 1) >> 1;
                if (!TOrder.IsBetter(heap[parent], item)) break;
                heap[at] = heap[parent];
                at = parent;
            }
            heap[at] = item;
            return true;
        }
        if (!TOrder.IsBetter(item, heap[0])) return false;
        var i = 0;
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= count) break;
            if (child + 1 < count && TOrder.IsBetter(heap[child], heap[child + 1])) child++;
            if (!TOrder.IsBetter(item, heap[child])) break;
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = item;
        return true;
    }
}
