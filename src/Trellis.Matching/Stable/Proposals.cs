using System.Runtime.CompilerServices;
using Trellis.Matching.Assignment;

namespace Trellis.Matching.Stable;

/// <summary>
/// Each mentee's candidate arcs in the mentee's order of preference (rank · 2³² + mentor, so ties
/// break by mentor index), handed out one at a time without sorting the list: the best arc is found
/// up front by one pass over every list, split across the cores; a mentee who needs a second arc
/// gets the rest of the list heapified (in a scratch copy: the candidates stay untouched) and
/// every later arc is a heap pop.
/// </summary>
internal sealed class Proposals
{
    private const int FirstPending = -2, FirstTaken = -1;

    private readonly int[] _offsets, _mentors, _rank;
    private readonly int[] _first;
    /// <summary><see cref="FirstPending"/>, <see cref="FirstTaken"/>, or the size of the mentee's heap.</summary>
    private readonly int[] _state;
    private readonly int[] _heap;

    public Proposals(Candidates c, int[] rank)
    {
        (_offsets, _mentors, _rank) = (c.Offsets, c.Mentors, rank);
        _first = GC.AllocateUninitializedArray<int>(c.MenteeCount);
        _state = GC.AllocateUninitializedArray<int>(c.MenteeCount);
        _heap = GC.AllocateUninitializedArray<int>(c.ArcCount);
        var parts = c.ArcCount < 100_000 ? 1 : Environment.ProcessorCount;
        if (parts == 1) FindFirst(0, c.MenteeCount);
        else Parallel.For(0, parts, p => FindFirst(
            (int)((long)c.MenteeCount * p / parts), (int)((long)c.MenteeCount * (p + 1) / parts)));
    }

    /// <summary>The mentee's next arc in order of preference, or -1 when the list is used up.</summary>
    public int Next(int i)
    {
        var state = _state[i];
        if (state == FirstPending)
        {
            _state[i] = FirstTaken;
            return _first[i];
        }
        if (state == FirstTaken) state = Heapify(i);
        if (state == 0) return -1;
        var start = _offsets[i];
        var best = _heap[start];
        _state[i] = --state;
        if (state > 0) SiftDown(start, state, _heap[start + state]);
        return best;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FindFirst(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            int end = _offsets[i + 1], best = -1;
            var bestKey = long.MaxValue;
            for (var a = _offsets[i]; a < end; a++)
            {
                var key = Key(a);
                if (key < bestKey) (bestKey, best) = (key, a);
            }
            _first[i] = best;
            _state[i] = FirstPending;
        }
    }

    private int Heapify(int i)
    {
        int start = _offsets[i], size = 0;
        for (var a = start; a < _offsets[i + 1]; a++)
            if (a != _first[i]) _heap[start + size++] = a;
        for (var at = size / 2 - 1; at >= 0; at--)
        {
            var arc = _heap[start + at];
            SiftDown(start, size, arc, at);
        }
        _state[i] = size;
        return size;
    }

    /// <summary>Puts <paramref name="arc"/> at <paramref name="at"/> and moves it down to its place.</summary>
    private void SiftDown(int start, int size, int arc, int at = 0)
    {
        var key = Key(arc);
        while (true)
        {
            var child = 2 * at + 1;
            if (child >= size) break;
            var childKey = Key(_heap[start + child]);
            if (child + 1 < size && Key(_heap[start + child + 1]) is var right && right < childKey)
                (child, childKey) = (child + 1, right);
            if (childKey >= key) break;
            _heap[start + at] = _heap[start + child];
            at = child;
        }
        _heap[start + at] = arc;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Key(int arc) => ((long)_rank[arc] << 32) | (uint)_mentors[arc];
}
