using System.Runtime.CompilerServices;
namespace Trellis.Matching.Cohort;

/// <summary>
/// The K smallest keys seen so far, as a max-heap in a slice of a shared array. Keys are
/// cost·2³² + mentor, so ties break by mentor index and the result does not depend on the order
/// in which tiles are visited.
/// </summary>
internal static class TopK
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Offer(Span<long> heap, ref int count, long key)
    {
        if (count < heap.Length)
        {
            var at = count++;
            while (at > 0)
            {
                var parent = (at - 1) >> 1;
                if (heap[parent] >= key) break;
                heap[at] = heap[parent];
                at = parent;
            }
            heap[at] = key;
            return;
        }
        if (key >= heap[0]) return;
        var i = 0;
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= count) break;
            if (child + 1 < count && heap[child + 1] > heap[child]) child++;
            if (heap[child] <= key) break;
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = key;
    }
}
