namespace Trellis.Matching.Scoring;

/// <summary>
/// The qualities the seed article says people look for in a mentor. A fixed list, so a mentee's
/// "what I look for" and a mentor's "what I offer" are the same checkboxes and compare exactly.
/// </summary>
[Flags]
public enum MentorQualities : uint
{
    None = 0,
    Patient = 1 << 0,
    Candid = 1 << 1,
    Encouraging = 1 << 2,
    Challenging = 1 << 3,
    Practical = 1 << 4,
    Strategic = 1 << 5,
    GoodListener = 1 << 6,
    WellConnected = 1 << 7,
    Organised = 1 << 8,
    Trustworthy = 1 << 9,
    Inspiring = 1 << 10,
    Reliable = 1 << 11,
}
