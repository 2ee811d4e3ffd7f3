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

    private static (DateTime Start, DateTime End) UtcWindow(TimeZoneInfo zone, WorkingHours hours, DateOnly date)
    {
        var localStart = date.ToDateTime(hours.Start, DateTimeKind.Unspecified);
        var localEnd = localStart + hours.Length;
        return (localStart - zone.GetUtcOffset(localStart), localEnd - zone.GetUtcOffset(localEnd));
    }
}
