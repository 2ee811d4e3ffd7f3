namespace Trellis.Matching.Scoring;

/// <summary>Local working hours on a working day. An end before the start means the window runs past midnight.</summary>
public readonly record struct WorkingHours(TimeOnly Start, TimeOnly End)
{
    public static WorkingHours NineToFive { get; } = new(new TimeOnly(9, 0), new TimeOnly(17, 0));

    public TimeSpan Length => End > Start ? End - Start : TimeSpan.FromDays(1) - (Start - End);
}
