using System.Numerics;

namespace Trellis.Matching.Cohort;

/// <summary>
/// Turns a pair that passed the hard filters into a cost (0 = perfect, 999 = worst). A struct
/// type parameter, so the candidate search inlines it in its inner loop; the compatibility score
/// from the mentor search can replace <see cref="WeightedScore"/> without touching the search.
/// </summary>
public interface IPairScore
{
    int Cost(float cosine, int mentee, int mentor);
}

/// <summary>Weighted cosine similarity of goals and expertise plus a bonus for a second shared language.</summary>
public readonly struct WeightedScore(CohortSide mentees, CohortSide mentors, float similarityWeight = 0.85f, float languageWeight = 0.15f) : IPairScore
{
    public const int MaxCost = 999;

    public float SimilarityWeight => similarityWeight;
    public float LanguageWeight => languageWeight;

    public int Cost(float cosine, int mentee, int mentor)
    {
        var shared = BitOperations.PopCount(mentees.Languages[mentee] & mentors.Languages[mentor]);
        var score = (similarityWeight * Math.Clamp(cosine, 0f, 1f) + (shared >= 2 ? languageWeight : 0f))
            / (similarityWeight + languageWeight);
        return MaxCost - (int)MathF.Round(score * MaxCost);
    }
}
