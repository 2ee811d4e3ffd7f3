using Trellis.Web.Features.Profiles;

namespace Trellis.Web.Features.Meetings;

/// <summary>A member's working hours in their own zone (from their profile), Monday to Friday.</summary>
public sealed record Workday(string TimeZone, int StartHour, int EndHour)
{
    public TimeZoneInfo Zone => MeetingTimes.Zone(TimeZone);

    /// <summary>True when the whole meeting falls on one of this member's weekdays, inside their hours.</summary>
    public bool Contains(DateTimeOffset start, int minutes)
    {
        var from = TimeZoneInfo.ConvertTime(start, Zone);
        var to = TimeZoneInfo.ConvertTime(start.AddMinutes(minutes), Zone);
        if (from.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) return false;
        var endOfDay = from.Date.AddHours(EndHour);
        return from.DateTime >= from.Date.AddHours(StartHour) && to.DateTime <= endOfDay;
    }
}

/// <summary>A time found for a meeting; <see cref="FitsBoth"/> is false when only the organiser's hours could be respected.</summary>
public sealed record Slot(DateTimeOffset StartsAt, bool FitsBoth);

/// <summary>
/// Wall-clock times and instants. A meeting is stored as a UTC instant plus the organiser's zone; the
/// cadence steps in the organiser's local calendar (same local time, N weeks or months later), and each
/// step is converted to an instant with that day's offset, so a daylight-saving change in either zone never
/// moves the organiser's 14:00 call to 13:00 or 15:00.
/// </summary>
public static class MeetingTimes
{
    /// <summary>How far ahead Trellis looks for a time both members can make before settling for the organiser's hours.</summary>
    public const int SearchDays = 21;

    public static TimeZoneInfo Zone(string id) => MemberClock.Zone(id);

    /// <summary>The instant of a wall-clock time in a zone; null when that time does not exist there (the hour
    /// skipped when clocks go forward). A time that happens twice (clocks going back) is the first one.</summary>
    public static DateTimeOffset? ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local)) return null;
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static DateTimeOffset InZone(DateTimeOffset instant, string zone) => Zone(zone).LocalAt(instant);

    /// <summary>"Wed 10 March 2027, 14:00–15:00 (Europe/London)", in the zone given.</summary>
    public static string Describe(DateTimeOffset start, int minutes, string zone)
    {
        var from = InZone(start, zone);
        var to = InZone(start.AddMinutes(minutes), zone);
        return $"{from:ddd d MMMM yyyy, HH:mm}–{to:HH:mm} ({zone})";
    }

    /// <summary>The next date of a cadence in the organiser's calendar.</summary>
    public static DateOnly Next(DateOnly date, int every, Mentorships.Agreements.CadenceUnit unit) =>
        unit == Mentorships.Agreements.CadenceUnit.Weeks ? date.AddDays(7 * every) : date.AddMonths(every);

    /// <summary>
    /// The first time on or after <paramref name="from"/> (a date in the organiser's zone) inside both
    /// members' working hours, trying <paramref name="preferred"/> first on each day and then every half
    /// hour of the organiser's day; failing that, the same search inside the organiser's hours alone.
    /// </summary>
    public static Slot Find(Workday organiser, Workday other, DateOnly from, TimeOnly? preferred, int minutes, DateTimeOffset notBefore)
    {
        foreach (var both in new[] { true, false })
        {
            for (var d = 0; d < SearchDays; d++)
            {
                var date = from.AddDays(d);
                foreach (var time in Candidates(organiser, preferred, minutes))
                {
                    if (ToInstant(date.ToDateTime(time), organiser.Zone) is not { } start || start < notBefore) continue;
                    if (organiser.Contains(start, minutes) && (!both || other.Contains(start, minutes))) return new Slot(start, both);
                }
            }
        }
        // Working hours too short for the meeting: the organiser's start of day, on the first weekday that is late enough.
        for (var d = 0; ; d++)
        {
            var date = from.AddDays(d);
            var time = preferred ?? new TimeOnly(organiser.StartHour, 0);
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            if (ToInstant(date.ToDateTime(time), organiser.Zone) is { } start && start >= notBefore) return new Slot(start, false);
        }
    }

    private static IEnumerable<TimeOnly> Candidates(Workday organiser, TimeOnly? preferred, int minutes)
    {
        if (preferred is { } p) yield return p;
        for (var m = organiser.StartHour * 60; m + minutes <= organiser.EndHour * 60; m += 30)
        {
            var time = new TimeOnly(m / 60, m % 60);
            if (time != preferred) yield return time;
        }
    }
}
