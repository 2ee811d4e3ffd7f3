namespace Trellis.Matching.Tests.Quality;

/// <summary>
/// The set's hard constraints, written from the issue's words and not from the engine (its own
/// time arithmetic, with TimeZoneInfo rather than the library's NodaTime), so that counting
/// violations in a top 10 checks the engine instead of repeating it.
/// </summary>
public static class CoachConstraints
{
    public const double MinimumWeeklyOverlapMinutes = 30;
    public const int AheadYears = 3;

    /// <summary>Why <paramref name="mentor"/> must never be recommended to <paramref name="mentee"/>, or null.</summary>
    public static string? Violation(CoachMentee mentee, CoachMentor mentor)
    {
        var missing = mentee.Required.Where(l => !mentor.Languages.Contains(l)).ToList();
        if (missing.Count > 0) return $"does not speak {string.Join(", ", missing)}";
        if (!mentee.Languages.Intersect(mentor.Languages).Any()) return "no language in common";
        if (mentee.RequireOverlap && WeeklyOverlapMinutes(mentee.Zone, mentee.Windows, mentor.Zone, mentor.Windows) < MinimumWeeklyOverlapMinutes)
            return "less than 30 minutes a week to meet";
        var ahead = mentor.Years - mentee.Years;
        var peer = ahead > -AheadYears && ahead < AheadYears;
        if (ahead <= 0 && !(peer ? mentor.Peer : mentor.Reverse)) return "not ahead and not open to peer or reverse mentoring";
        return mentee.Ask switch
        {
            "Peer" when !(peer && mentor.Peer) => "asked for a peer",
            "Reverse" when !(ahead <= -AheadYears && mentor.Reverse) => "asked for someone junior open to reverse mentoring",
            _ => null,
        };
    }

    public static double WeeklyOverlapMinutes(string zoneA, string? windowsA, string zoneB, string? windowsB)
    {
        var a = Intervals(zoneA, windowsA, CoachSet.Week, 7);
        var b = Intervals(zoneB, windowsB, CoachSet.Week.AddDays(-7), 21);
        var minutes = 0.0;
        foreach (var (startA, endA) in a)
            foreach (var (startB, endB) in b)
            {
                var start = startA > startB ? startA : startB;
                var end = endA < endB ? endA : endB;
                if (end > start) minutes += (end - start).TotalMinutes;
            }
        return minutes;
    }

    private static List<(DateTime Start, DateTime End)> Intervals(string zoneId, string? windows, DateOnly from, int days)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var parsed = Parse(windows ?? "Mon-Fri 09:00-17:00");
        var result = new List<(DateTime, DateTime)>();
        for (var d = 0; d < days; d++)
        {
            var date = from.AddDays(d);
            foreach (var (day, start, end) in parsed.Where(w => w.Day == date.DayOfWeek))
            {
                var localStart = date.ToDateTime(start);
                var localEnd = end > start ? date.ToDateTime(end) : date.AddDays(1).ToDateTime(end);
                result.Add((TimeZoneInfo.ConvertTimeToUtc(localStart, zone), TimeZoneInfo.ConvertTimeToUtc(localEnd, zone)));
            }
        }
        return result;
    }

    private static readonly string[] Days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    /// <summary>"Mon-Fri 19:00-22:00; Sat 10:00-13:00" as (day, start, end) triples.</summary>
    public static List<(DayOfWeek Day, TimeOnly Start, TimeOnly End)> Parse(string text)
    {
        var result = new List<(DayOfWeek, TimeOnly, TimeOnly)>();
        foreach (var part in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (days, times) = (part.Split(' ')[0], part.Split(' ')[1]);
            var range = days.Split('-');
            var first = Array.IndexOf(Days, range[0]);
            var last = Array.IndexOf(Days, range[^1]);
            var hours = times.Split('-');
            for (var d = first; ; d = (d + 1) % 7)
            {
                result.Add(((DayOfWeek)d, TimeOnly.Parse(hours[0]), TimeOnly.Parse(hours[1])));
                if (d == last) break;
            }
        }
        return result;
    }
}
