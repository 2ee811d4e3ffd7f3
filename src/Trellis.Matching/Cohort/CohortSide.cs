namespace Trellis.Matching.Cohort;

/// <summary>
/// One side of a cohort as the candidate search needs it: unit-length embeddings in one row-major
/// block, spoken languages as a bit mask (bit = language), and the organisation unit (−1 = not
/// given). Mentors also carry how many mentees they still take.
/// </summary>
public sealed class CohortSide
{
    public int Count { get; }
    public int Dimensions { get; }
    public float[] Embeddings { get; }
    public ulong[] Languages { get; }
    public int[] OrgUnits { get; }
    public int[] Capacity { get; }

    public CohortSide(int dimensions, float[] embeddings, ulong[] languages, int[] orgUnits, int[]? capacity = null)
    {
        Count = languages.Length;
        if (embeddings.Length != Count * dimensions || orgUnits.Length != Count || (capacity is not null && capacity.Length != Count))
            throw new ArgumentException("Embeddings, languages, organisation units and capacity must describe the same people.");
        (Dimensions, Embeddings, Languages, OrgUnits) = (dimensions, embeddings, languages, orgUnits);
        Capacity = capacity ?? new int[Count];
    }

    public ReadOnlySpan<float> Embedding(int person) => Embeddings.AsSpan(person * Dimensions, Dimensions);
}
