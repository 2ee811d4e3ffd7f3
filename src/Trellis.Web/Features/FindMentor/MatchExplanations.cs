using System.Globalization;
using Trellis.Matching.Scoring;

namespace Trellis.Web.Features.FindMentor;

/// <summary>
/// The words for a compatibility score's reasons, on "Find a mentor", a mentor's profile and the
/// dashboard: short, no jargon, second person. The matching library gives the facts
/// (<see cref="CriterionReason"/>); only this class says them.
/// </summary>
public static class MatchExplanations
{
    /// <summary>The top reasons as one sentence, e.g. "Same field; 11 years ahead of you on a similar path; 4 working hours overlap".</summary>
    public static string Explain(CompatibilityScore score)
    {
        var parts = score.Reasons.Select((c, i) => i == 0 ? Sentence(c) : LowerFirst(Sentence(c))).ToList();
        return parts.Count == 0 ? "Few obvious things in common, but open to mentoring and has time" : string.Join("; ", parts);
    }

    public static string Sentence(CriterionScore criterion) => criterion.Reason switch
    {
        FieldReason r => r.Fit switch
        {
            FieldFit.Same => "Same field",
            FieldFit.Target => $"Works in {r.MentorField}, where you want to go",
            FieldFit.MovedFromYours => $"Moved from {r.LeavingField} into {r.MentorField}, where you want to go",
            FieldFit.SharedBackground => $"Works in {r.MentorField}, the field you are leaving: a shared background",
            FieldFit.Related => $"Works in a related field ({r.MentorField})",
            _ => $"Works in a different field ({r.MentorField})",
        },
        CareerStageReason r => r.Fit switch
        {
            CareerStageFit.AheadOnSimilarPath => $"{r.YearsAhead} years ahead of you on a similar path",
            CareerStageFit.Ahead => $"{r.YearsAhead} years ahead of you",
            CareerStageFit.PeerWithSkill => $"A peer open to peer mentoring who knows {r.SoughtSkill}",
            CareerStageFit.ReverseWithSkill => $"Open to reverse mentoring and knows {r.SoughtSkill}",
            CareerStageFit.PeerAsAsked => "A peer, as you asked, open to peer mentoring",
            CareerStageFit.JuniorAsAsked => $"{-r.YearsAhead} years earlier in their career, as you asked, and open to reverse mentoring",
            CareerStageFit.SlightlyAhead => $"Only {r.YearsAhead} {Plural(r.YearsAhead, "year", "years")} ahead of you",
            _ => "Not further along in their career than you",
        },
        QualitiesReason { Listed: > 0 } r => QualitiesInTheirWords(r),
        QualitiesReason r => Qualities(r.Sought, r.Shared),
        InterestsReason r => r.Shared.Count == 0
            ? "No shared personal interests listed"
            : $"You both like {Join([.. r.Shared.Take(3).Select(s => s.ToLowerInvariant())])}",
        WorkingHoursReason r => r.OverlapHours <= 0
            ? "Your working hours do not overlap"
            : $"{Hours(r.OverlapHours)} working {Plural(r.OverlapHours, "hour", "hours")} overlap",
        MeetingTimeReason r => r is { FirstForMentee: { } mine, FirstForMentor: { } theirs }
            ? $"{Hours(r.WeeklyMinutes / 60)} {Plural(r.WeeklyMinutes / 60, "hour", "hours")} a week when you can both meet, the first " +
              $"{Slot(mine)} your time ({City(r.MenteeZone)}), {Slot(theirs)} theirs ({City(r.MentorZone)})"
            : "No time in the week when you can both meet",
        LanguageReason r => r.Shared.Count == 0
            ? "No language in common"
            : $"You both speak {Join([.. r.Shared.Take(2).Select(LanguageName)])}",
        FormatsReason r => Formats(r.Preferred, r.Shared),
        AvailabilityReason r => r.RemainingCapacity <= 0
            ? "Has no room for another mentee now"
            : $"Has room for {r.RemainingCapacity} more {Plural(r.RemainingCapacity, "mentee", "mentees")}" +
              (r.HoursPerMonth is { } h ? $" and {h} {Plural(h, "hour", "hours")} a month" : ""),
        GoalsReason r => r.Fit switch
        {
            GoalsFit.NoText => "No goals text to compare yet",
            GoalsFit.Close => "Their experience closely matches your goals",
            GoalsFit.Related => "Their experience is related to your goals",
            _ => "Their experience is not obviously related to your goals",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(criterion), criterion.Reason, "A criterion without words."),
    };

    /// <summary>The English name of an ISO 639-1 code ("pt" → "Portuguese"), or the code when unknown.</summary>
    public static string LanguageName(string code)
    {
        try
        {
            var name = CultureInfo.GetCultureInfo(code).EnglishName;
            return string.IsNullOrEmpty(name) || name.StartsWith("Unknown", StringComparison.Ordinal) ? code : name;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }

    private static string Qualities(MentorQualities sought, MentorQualities shared)
    {
        if (sought == MentorQualities.None) return "You have not said which qualities you look for";
        var soughtCount = Enum.GetValues<MentorQualities>().Count(q => q != 0 && sought.HasFlag(q));
        var names = Enum.GetValues<MentorQualities>().Where(q => q != 0 && shared.HasFlag(q)).Select(QualityName).ToList();
        return names.Count == 0
            ? "Offers none of the qualities you look for"
            : $"Offers {names.Count} of the {soughtCount} qualities you look for ({Join(names)})";
    }

    /// <summary>
    /// "Offers 2 of the 4 things you look for in a mentor: patient and direct feedback (they say “blunt feedback”)": the
    /// mentee's own words, counted as they listed them, and the mentor's where they put it differently.
    /// </summary>
    private static string QualitiesInTheirWords(QualitiesReason r)
    {
        if (r.Matches.Count == 0) return r.Listed == 1 ? "Does not offer what you look for in a mentor" : $"Offers none of the {r.Listed} things you look for in a mentor";
        var items = r.Matches.Select(m => string.Equals(m.Sought.Trim(), m.Offered.Trim(), StringComparison.OrdinalIgnoreCase)
            ? m.Sought.Trim()
            : $"{m.Sought.Trim()} (they say “{m.Offered.Trim()}”)").ToList();
        return r.Listed == 1
            ? $"Offers what you look for in a mentor: {items[0]}"
            : $"Offers {r.Matches.Count} of the {r.Listed} things you look for in a mentor: {Join(items)}";
    }

    private static string Formats(MeetingFormats preferred, MeetingFormats shared)
    {
        if (preferred == MeetingFormats.None) return "You have not said how you prefer to meet";
        var names = Enum.GetValues<MeetingFormats>().Where(f => f != 0 && shared.HasFlag(f)).Select(FormatName).ToList();
        return names.Count == 0 ? "Does not offer the meeting formats you prefer" : $"Offers {Join(names)}, as you prefer";
    }

    private static string QualityName(MentorQualities q) => q switch
    {
        MentorQualities.GoodListener => "good listener",
        MentorQualities.WellConnected => "well connected",
        _ => q.ToString().ToLowerInvariant(),
    };

    private static string FormatName(MeetingFormats f) => f switch
    {
        MeetingFormats.InPerson => "in person",
        MeetingFormats.Messages => "messages",
        _ => f.ToString().ToLowerInvariant(),
    };

    private static string Slot(WeeklyWindow w) =>
        $"{w.Day} {w.Start.ToString("HH:mm", CultureInfo.InvariantCulture)}–{w.End.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    /// <summary>"America/Argentina/Buenos_Aires" → "Buenos Aires": the part of a zone id people recognise.</summary>
    private static string City(string zone) => zone.Contains('/', StringComparison.Ordinal) ? zone[(zone.LastIndexOf('/') + 1)..].Replace('_', ' ') : zone;

    private static string Hours(double h) => h.ToString(h % 1 == 0 ? "0" : "0.#", CultureInfo.InvariantCulture);

    private static string Plural(double n, string one, string many) => n == 1 ? one : many;

    private static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    private static string LowerFirst(string s) =>
        s.Length > 1 && char.IsUpper(s[0]) && !char.IsUpper(s[1]) ? char.ToLowerInvariant(s[0]) + s[1..] : s;
}
