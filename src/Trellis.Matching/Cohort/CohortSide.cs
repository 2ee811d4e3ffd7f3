using Trellis.Matching.Scoring;

namespace Trellis.Matching.Cohort;

/// <summary>
/// One side of a cohort as the candidate search needs it: unit-length embeddings in one row-major
/// block, spoken languages as a bit mask (bit = language), and the organisation unit (−1 = not
/// given). Mentors also carry how many mentees they still take. The profile rules
/// (<see cref="HardFilters.CheckProfileRules"/>) read the arrays below; their defaults mean "no rule".
/// </summary>
public sealed class CohortSide
{
    public int Count { get; }
    public int Dimensions { get; }
    public float[] Embeddings { get; }
    public ulong[] Languages { get; }
    public int[] OrgUnits { get; }
    public int[] Capacity { get; }

    /// <summary>Mentees: the languages each must share, as a mask in the same bits as <see cref="Languages"/> (0: none).</summary>
    public ulong[] RequiredLanguages { get; }

    /// <summary>Years of experience, <see cref="UnknownYears"/> where not given.</summary>
    public int[] Years { get; }

    /// <summary>Mentees: whom each asks for.</summary>
    public MentorAsk[] Ask { get; }

    /// <summary>Mentors: opted in to peer and to reverse mentoring.</summary>
    public bool[] OpenToPeer { get; }
    public bool[] OpenToReverse { get; }

    /// <summary>
    /// Each person's schedule class: mentors always, mentees only when they require a shared window (else −1).
    /// <see cref="CanMeet"/> (mentee side) is indexed [mentee class][mentor class].
    /// </summary>
    public int[] Schedule { get; }
    public bool[][] CanMeet { get; internal set; } = [];

    /// <summary>Whether any profile rule applies on this side at all (the search skips the check otherwise).</summary>
    public bool HasProfileRules { get; internal set; }

    public const int UnknownYears = int.MinValue;

    public CohortSide(int dimensions, float[] embeddings, ulong[] languages, int[] orgUnits, int[]? capacity = null)
    {
        Count = languages.Length;
        if (embeddings.Length != Count * dimensions || orgUnits.Length != Count || (capacity is not null && capacity.Length != Count))
            throw new ArgumentException("Embeddings, languages, organisation units and capacity must describe the same people.");
        (Dimensions, Embeddings, Languages, OrgUnits) = (dimensions, embeddings, languages, orgUnits);
        Capacity = capacity ?? new int[Count];
        RequiredLanguages = new ulong[Count];
        Years = new int[Count];
        Array.Fill(Years, UnknownYears);
        Ask = new MentorAsk[Count];
        OpenToPeer = new bool[Count];
        OpenToReverse = new bool[Count];
        Schedule = new int[Count];
        Array.Fill(Schedule, -1);
    }

    public ReadOnlySpan<float> Embedding(int person) => Embeddings.AsSpan(person * Dimensions, Dimensions);
}
