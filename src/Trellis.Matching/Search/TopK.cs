namespace Trellis.Matching.Search;

internal readonly record struct Candidate(float Score, Guid Id, int Segment, int Row, float Cosine)
{
    /// <summary>Higher score first; equal scores by id, so results never depend on storage order.</summary>
    public bool IsBetterThan(in Candidate other) => Score > other.Score || (Score == other.Score && Id.CompareTo(other.Id) < 0);
}

internal readonly struct HigherScore : IOrder<Candidate>
{
    public static bool IsBetter(in Candidate a, in Candidate b) => a.IsBetterThan(b);
}

/// <summary>The k best candidates of one search (<see cref="Matching.TopK"/>, with the threshold the scan prunes by).</summary>
internal sealed class SearchTopK(int k)
{
    private readonly Candidate[] _heap = new Candidate[k];
    private int _count;

    public bool IsFull => _count == _heap.Length;

    /// <summary>The score a candidate must reach to have a chance (−∞ until full).</summary>
    public float Threshold => IsFull ? _heap[0].Score : float.NegativeInfinity;

    public bool WouldAccept(float score, Guid id) =>
        !IsFull || new Candidate(score, id, 0, 0, 0).IsBetterThan(_heap[0]);

    public void Add(in Candidate candidate) => Matching.TopK.Offer<Candidate, HigherScore>(_heap, ref _count, candidate);

    public Candidate[] ToSortedBestFirst()
    {
        var result = _heap.AsSpan(0, _count).ToArray();
        Array.Sort(result, static (a, b) => a.IsBetterThan(b) ? -1 : b.IsBetterThan(a) ? 1 : 0);
        return result;
    }
}
