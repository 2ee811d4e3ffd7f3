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

    /// <summary>
    /// A cosine below which no pair of this mentee can cost less than <paramref name="cost"/>,
    /// whatever else it has going for it. Lets the search reject most pairs with one comparison
    /// once a mentee has K candidates; return <see cref="float.NegativeInfinity"/> for no bound.
    /// </summary>
    float CosineNeededToBeat(int cost, int mentee);
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

    public float CosineNeededToBeat(int cost, int mentee)
    {
        // Cost < c needs round(score · 999) > 999 − c, so score ≥ (999 − c + 0.5) / 999, even with
        // the language bonus, which only a mentee speaking two languages can earn. The small
        // margin keeps float rounding on the safe side.
        var score = (MaxCost - cost + 0.5f) / MaxCost;
        var bonus = BitOperations.PopCount(mentees.Languages[mentee]) >= 2 ? languageWeight : 0f;
        var cosine = (score * (similarityWeight + languageWeight) - bonus) / similarityWeight - 1e-4f;
        // The score clamps negative cosines to 0, so a bound at or below 0 rules nothing out.
        return cosine > 0 ? cosine : float.NegativeInfinity;
    }
}
