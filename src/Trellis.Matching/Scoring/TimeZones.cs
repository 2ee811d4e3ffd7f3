using System.Collections.Concurrent;

namespace Trellis.Matching.Scoring;

public static class TimeZones
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Cache = new(StringComparer.OrdinalIgnoreCase);

    public static bool IsValid(string? ianaId) => ianaId is not null && Lookup(ianaId) is not null;

    /// <summary>The zone, or UTC for an unknown id (input is validated at the edge; matching must not fail on old data).</summary>
    public static TimeZoneInfo FindOrUtc(string ianaId) => Lookup(ianaId) ?? TimeZoneInfo.Utc;

    private static TimeZoneInfo? Lookup(string id) => Cache.GetOrAdd(id, static key =>
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(key); }
        catch (TimeZoneNotFoundException) { return null; }
        catch (InvalidTimeZoneException) { return null; }
    });

    /// <summary>
    /// Hours during which both people are inside their working hours on <paramref name="date"/>
    /// (the day of the first person), using each zone's real offset on that day, daylight saving included.
    /// </summary>
    public static double WorkingHoursOverlap(TimeZoneInfo zoneA, WorkingHours a, TimeZoneInfo zoneB, WorkingHours b, DateOnly date)
    {
        var (startA, endA) = UtcWindow(zoneA, a, date);
        var overlap = TimeSpan.Zero;
        for (var day = -1; day <= 1; day++)
        {
            var (startB, endB) = UtcWindow(zoneB, b, date.AddDays(day));
            var start = startA > startB ? startA : startB;
            var end = endA < endB ? endA : endB;
            if (end > start)
                overlap += end - start;
        }
        return Math.Round(overlap.TotalHours, 2);
    }

    /// <summary>
    /// Minutes both people can meet in the seven days from <paramref name="referenceDate"/> (the first
    /// person's dates), each window placed on its actual date with its zone's offset on that date,
    /// and the first shared slot in each zone.
    /// </summary>
    public static MeetingOverlap WeeklyOverlap(TimeZoneInfo zoneA, IReadOnlyList<WeeklyWindow> a, TimeZoneInfo zoneB, IReadOnlyList<WeeklyWindow> b, DateOnly referenceDate)
    {
        var first = (Start: DateTime.MaxValue, End: DateTime.MaxValue);
        var minutes = 0.0;
        var windowsB = UtcWindows(zoneB, b, referenceDate.AddDays(-2), 11);
        foreach (var (startA, endA) in UtcWindows(zoneA, a, referenceDate, 7))
            foreach (var (startB, endB) in windowsB)
            {
                var start = startA > startB ? startA : startB;
                var end = endA < endB ? endA : endB;
                if (end <= start) continue;
                minutes += (end - start).TotalMinutes;
                if (start < first.Start) first = (start, end);
            }
        if (minutes == 0) return new MeetingOverlap(0, null, null);
        return new MeetingOverlap(Math.Round(minutes, 2), Local(zoneA, first.Start, first.End), Local(zoneB, first.Start, first.End));
    }

    private static WeeklyWindow Local(TimeZoneInfo zone, DateTime startUtc, DateTime endUtc)
    {
        var start = TimeZoneInfo.ConvertTimeFromUtc(startUtc, zone);
        var end = TimeZoneInfo.ConvertTimeFromUtc(endUtc, zone);
        return new WeeklyWindow(start.DayOfWeek, TimeOnly.FromDateTime(start), TimeOnly.FromDateTime(end));
    }

    private static List<(DateTime Start, DateTime End)> UtcWindows(TimeZoneInfo zone, IReadOnlyList<WeeklyWindow> windows, DateOnly from, int days)
    {
        var result = new List<(DateTime, DateTime)>();
        for (var d = 0; d < days; d++)
        {
            var date = from.AddDays(d);
            foreach (var w in windows)
            {
                if (w.Day != date.DayOfWeek) continue;
                var localStart = date.ToDateTime(w.Start, DateTimeKind.Unspecified);
                var localEnd = localStart + w.Length;
                result.Add((localStart - zone.GetUtcOffset(localStart), localEnd - zone.GetUtcOffset(localEnd)));
            }
        }
        return result;
    }

    private static (DateTime Start, DateTime End) UtcWindow(TimeZoneInfo zone, WorkingHours hours, DateOnly date)
    {
        var localStart = date.ToDateTime(hours.Start, DateTimeKind.Unspecified);
        var localEnd = localStart + hours.Length;
        return (localStart - zone.GetUtcOffset(localStart), localEnd - zone.GetUtcOffset(localEnd));
    }
}
