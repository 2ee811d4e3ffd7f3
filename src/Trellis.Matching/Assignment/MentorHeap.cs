using System.Runtime.CompilerServices;
namespace Trellis.Matching.Assignment;

/// <summary>
/// An indexed binary min-heap of mentors keyed by tentative distance, with decrease-key.
/// Only mentors go in: mentees are reached from their mentor over a zero-cost arc and are
/// scanned on the spot, which keeps the heap to at most one entry per mentor.
/// </summary>
internal sealed class MentorHeap
{
    private readonly int[] _items;
    private readonly int[] _position;
    private readonly long[] _key;
    private int _count;

    public MentorHeap(int mentorCount)
    {
        _items = new int[mentorCount];
        _position = new int[mentorCount];
        _key = new long[mentorCount];
        Array.Fill(_position, -1);
    }

    public int Count => _count;

    public long MinKey => _key[_items[0]];

    public void Clear()
    {
        for (var i = 0; i < _count; i++) _position[_items[i]] = -1;
        _count = 0;
    }

    /// <summary>Inserts the mentor or lowers its key; a higher key is ignored.</summary>
    public void Offer(int mentor, long key)
    {
        var at = _position[mentor];
        if (at < 0)
        {
            at = _count++;
            _items[at] = mentor;
            _position[mentor] = at;
        }
        else if (key >= _key[mentor]) return;
        _key[mentor] = key;
        SiftUp(at);
    }

    public int Pop()
    {
        var top = _items[0];
        _position[top] = -1;
        var last = _items[--_count];
        if (_count > 0)
        {
            _items[0] = last;
            _position[last] = 0;
            SiftDown(0);
        }
        return top;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SiftUp(int at)
    {
        var item = _items[at];
        var key = _key[item];
        while (at > 0)
        {
            var parent = (at - 1) >> 1;
            var p = _items[parent];
            if (_key[p] <= key) break;
            _items[at] = p;
            _position[p] = at;
            at = parent;
        }
        _items[at] = item;
        _position[item] = at;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SiftDown(int at)
    {
        var item = _items[at];
        var key = _key[item];
        while (true)
        {
            var child = 2 * at + 1;
            if (child >= _count) break;
            if (child + 1 < _count && _key[_items[child + 1]] < _key[_items[child]]) child++;
            var c = _items[child];
            if (_key[c] >= key) break;
            _items[at] = c;
            _position[c] = at;
            at = child;
        }
        _items[at] = item;
        _position[item] = at;
    }
}
