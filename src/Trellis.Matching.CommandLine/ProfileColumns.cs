using System.Globalization;
using Trellis.Matching.Cohort;
using Trellis.Matching.Scoring;

namespace Trellis.Matching.CommandLine;

/// <summary>
/// The optional columns that carry a profile's hard rules into a cohort, so the <c>match</c> command applies the same
/// ones as Find a mentor: <c>required_languages</c>, <c>years</c>, <c>ask</c>, <c>require_overlap</c> (mentees),
/// <c>open_to_peer</c>, <c>open_to_reverse</c> (mentors), <c>time_zone</c> and <c>meeting_windows</c> (both).
/// An empty cell or a missing column means the rule does not apply.
/// </summary>
internal static class ProfileColumns
{
    public static readonly string[] Names =
        ["required_languages", "years", "ask", "require_overlap", "open_to_peer", "open_to_reverse", "time_zone", "meeting_windows"];

    public static CohortPerson Read(Func<string, string> cell, bool isMentor, List<string> errors)
    {
        var facts = new CohortPerson("", "", [], null, 0, "", [], [], 0);
        var required = cell("required_languages").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.ToLowerInvariant()).ToArray();
        int? years = null;
        if (cell("years") is { Length: > 0 } y)
        {
            if (int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 70) years = n;
            else errors.Add($"years '{y}' is not a whole number from 0 to 70");
        }
        var ask = MentorAsk.Mentor;
        if (!isMentor && cell("ask") is { Length: > 0 } a && !Enum.TryParse(a, ignoreCase: true, out ask))
            errors.Add($"ask '{a}' is not one of mentor, peer, junior");
        bool Flag(string column)
        {
            var value = cell(column).ToLowerInvariant();
            if (value is "" or "no" or "false" or "0") return false;
            if (value is "yes" or "true" or "1") return true;
            errors.Add($"{column} '{cell(column)}' is not yes or no");
            return false;
        }
        var zone = cell("time_zone");
        if (zone.Length > 0 && !TimeZones.IsValid(zone)) errors.Add($"time_zone '{zone}' is not an IANA time zone (e.g. Europe/Lisbon)");
        var windows = Windows(cell("meeting_windows"), errors);
        return facts with
        {
            RequiredLanguages = isMentor ? [] : required,
            YearsOfExperience = years,
            Ask = ask,
            OpenToPeerMentoring = isMentor && Flag("open_to_peer"),
            OpenToReverseMentoring = isMentor && Flag("open_to_reverse"),
            RequiresMeetingOverlap = !isMentor && Flag("require_overlap"),
            Schedule = zone.Length == 0 && windows.Count == 0 ? null
                : new MeetingSchedule(zone.Length > 0 ? zone : MeetingSchedule.Default.TimeZone, WorkingHours.NineToFive, windows),
        };
    }

    /// <summary>"Mon 19:00-22:00;Sat 10:00-13:00": a day (three letters or the whole name) and local times; past midnight allowed.</summary>
    private static List<WeeklyWindow> Windows(string text, List<string> errors)
    {
        var windows = new List<WeeklyWindow>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bits = part.Split([' ', '-', '–'], StringSplitOptions.RemoveEmptyEntries);
            if (bits.Length == 3 && Day(bits[0]) is { } day
                && TimeOnly.TryParseExact(bits[1], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                && TimeOnly.TryParseExact(bits[2], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end) && start != end)
                windows.Add(new WeeklyWindow(day, start, end));
            else errors.Add($"meeting_windows '{part}' is not a day and two times, e.g. 'Mon 19:00-22:00'");
        }
        return windows;
    }

    private static DayOfWeek? Day(string text) =>
        Enum.GetValues<DayOfWeek>().Cast<DayOfWeek?>().FirstOrDefault(d =>
            d.ToString()!.Equals(text, StringComparison.OrdinalIgnoreCase)
            || (text.Length == 3 && d.ToString()!.StartsWith(text, StringComparison.OrdinalIgnoreCase)));
}
