namespace Trellis.Matching.Scoring;

/// <summary>
/// A weekly window when someone can meet, in their own zone: a day and local times. An end at or
/// before the start means the window runs past midnight into the next day.
/// </summary>
public readonly record struct WeeklyWindow(DayOfWeek Day, TimeOnly Start, TimeOnly End)
{
    public TimeSpan Length => End > Start ? End - Start : TimeSpan.FromDays(1) - (Start - End);

    /// <summary>The default when a member gave no windows: their working hours, Monday to Friday.</summary>
    public static IReadOnlyList<WeeklyWindow> FromWorkingHours(WorkingHours hours) =>
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new WeeklyWindow(d, hours.Start, hours.End))];

    /// <summary>A canonical text of a list of windows (for comparing schedules by value).</summary>
    internal static string Key(IReadOnlyList<WeeklyWindow> windows) =>
        string.Join(';', windows.OrderBy(w => w.Day).ThenBy(w => w.Start).ThenBy(w => w.End).Select(w => $"{(int)w.Day} {w.Start.Ticks} {w.End.Ticks}"));
}

/// <summary>
/// When two people can both meet in the week from the reference date, with each zone's real
/// offset on each actual date: the minutes in all, and the first shared slot in each one's zone.
/// </summary>
public sealed record MeetingOverlap(double WeeklyMinutes, WeeklyWindow? FirstForMentee, WeeklyWindow? FirstForMentor)
{
    /// <summary>Below this a mentee who requires a shared window never gets the mentor (issue 14).</summary>
    public const double MinimumWeeklyMinutes = 30;
}
