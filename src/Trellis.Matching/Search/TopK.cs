namespace Trellis.Matching.Search;

internal readonly record struct Candidate(float Score, Guid Id, int Segment, int Row, float Cosine)
{
    /// <summary>Higher score first; equal scores by id, so results never depend on storage order.</summary>
    public bool IsBetterThan(in Candidate other) => Score > other.Score || (Score == other.Score && Id.CompareTo(other.Id) < 0);
}

/// <summary>A bounded min-heap keeping the k best candidates; the root is the worst kept.</summary>
internal sealed class TopK(int k)
{
    private readonly Candidate[] _heap = new Candidate[k];
    private int _count;

    public bool IsFull => _count == _heap.Length;

    /// <summary>The score a candidate must reach to have a chance (−∞ until full).</summary>
    public float Threshold => IsFull ? _heap[0].Score : float.NegativeInfinity;

    public bool WouldAccept(float score, Guid id) =>
        !IsFull || new Candidate(score, id, 0, 0, 0).IsBetterThan(_heap[0]);

    public void Add(in Candidate candidate)
    {
        if (!IsFull)
        {
            _heap[_count] = candidate;
            SiftUp(_count++);
        }
        else if (candidate.IsBetterThan(_heap[0]))
        {
            _heap[0] = candidate;
            SiftDown(0);
        }
    }

    public Candidate[] ToSortedBestFirst()
    {
        var result = _heap.AsSpan(0, _count).ToArray();
        Array.Sort(result, static (a, b) => a.IsBetterThan(b) ? -1 : b.IsBetterThan(a) ? 1 : 0);
        return result;
    }

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!_heap[parent].IsBetterThan(_heap[i])) break;
            (_heap[parent], _heap[i]) = (_heap[i], _heap[parent]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            int left = 2 * i + 1, right = left + 1, worst = i;
            if (left < _count && _heap[worst].IsBetterThan(_heap[left])) worst = left;
            if (right < _count && _heap[worst].IsBetterThan(_heap[right])) worst = right;
            if (worst == i) return;
            (_heap[worst], _heap[i]) = (_heap[i], _heap[worst]);
            i = worst;
        }
    }
}
