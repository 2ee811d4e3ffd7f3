namespace Trellis.Matching.Scoring;

/// <summary>
/// The named parts of a compatibility score. The order is the order of summation; goals come last
/// so a search can add the text term to an already summed structured part and get the same float.
/// </summary>
public enum Criterion
{
    Field,
    CareerStage,
    Qualities,
    Interests,
    WorkingHours,
    Language,
    Formats,
    Availability,
    Goals,
}
