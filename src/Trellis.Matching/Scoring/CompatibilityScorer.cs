using System.Globalization;
using System.Numerics.Tensors;

namespace Trellis.Matching.Scoring;

/// <summary>Scores one mentee against one mentor. Stateless after construction and safe to share.</summary>
public sealed class CompatibilityScorer
{
    public static readonly int CriterionCount = Enum.GetValues<Criterion>().Length;

    public CompatibilityScorer(MatchingOptions? options = null)
    {
        Options = options ?? new MatchingOptions();
        var raw = Enum.GetValues<Criterion>().Select(c => Options.Weights[c]).ToArray();
        if (raw.Any(w => w < 0 || double.IsNaN(w)) || raw.Sum() <= 0)
            throw new ArgumentException("Criterion weights must be non-negative and not all zero.", nameof(options));
        if (Options.SameTextCosine <= Options.UnrelatedTextCosine)
            throw new ArgumentException("SameTextCosine must be above UnrelatedTextCosine.", nameof(options));
        if (!(Options.UnrelatedFitShare is >= 0 and <= 1))
            throw new ArgumentException("UnrelatedFitShare must be between 0 and 1.", nameof(options));
        var total = raw.Sum();
        Weights = raw.Select(w => (float)(w / total)).ToArray();
    }

    public MatchingOptions Options { get; }

    /// <summary>Weights by criterion, summing to 1.</summary>
    internal float[] Weights { get; }

    /// <summary>How much of the day-to-day criteria's weight counts (<see cref="Criteria.FitGate"/>); all of it without text to compare.</summary>
    internal float FitGate(float cosine, float goals) =>
        float.IsNaN(cosine) ? 1f : Criteria.FitGate(goals, (float)Options.UnrelatedFitShare);

    internal float GoalsValue(float cosine) =>
        float.IsNaN(cosine) ? 0f : Criteria.Goals(cosine, (float)Options.UnrelatedTextCosine, (float)Options.SameTextCosine);

    /// <summary>
    /// Scores the pair with the cosine of their embeddings. Hard filters are not applied here: check
    /// <see cref="HardFilters.Allows"/> before recommending.
    /// </summary>
    public CompatibilityScore Score(MenteeProfile mentee, MentorProfile mentor, DateOnly referenceDate)
    {
        var cosine = mentee.Embedding is { } a && mentor.Embedding is { } b && a.Length == b.Length
            ? TensorPrimitives.Dot(a, b)
            : float.NaN;
        return Score(mentee, mentor, cosine, referenceDate);
    }

    internal CompatibilityScore Score(MenteeProfile mentee, MentorProfile mentor, float cosine, DateOnly referenceDate)
    {
        var o = Options;
        var menteeField = Terms.Normalize(mentee.Field);
        var mentorField = Terms.Normalize(mentor.Field);
        var sameField = menteeField == mentorField;
        var relatedField = !sameField &&
            (mentee.RelatedFields.Any(f => Terms.Normalize(f) == mentorField) || mentor.RelatedFields.Any(f => Terms.Normalize(f) == menteeField));
        var field = Criteria.Field(sameField, relatedField);

        var sought = Terms.Set(mentee.SkillsSought);
        var soughtSkill = mentor.Skills.Concat(mentor.Topics).FirstOrDefault(s => sought.Contains(Terms.Normalize(s)));
        var yearsAhead = mentor.YearsOfExperience - mentee.YearsOfExperience;
        var stage = Criteria.CareerStage(yearsAhead, mentor.OpenToPeerMentoring, mentor.OpenToReverseMentoring, soughtSkill is not null, o.MinYearsAhead, o.MaxYearsAheadBeforeDecline);

        var sharedQualities = mentee.QualitiesSought & mentor.QualitiesOffered;
        var qualities = Criteria.Qualities(mentee.QualitiesSought, mentor.QualitiesOffered);

        var menteeInterests = Terms.Set(mentee.Interests);
        var sharedInterests = mentor.Interests.Select(Terms.Normalize).Where(menteeInterests.Contains).Distinct(StringComparer.Ordinal).ToList();
        var interests = Criteria.Interests(sharedInterests.Count);

        var overlapHours = TimeZones.WorkingHoursOverlap(TimeZones.FindOrUtc(mentee.TimeZone), mentee.WorkingHours, TimeZones.FindOrUtc(mentor.TimeZone), mentor.WorkingHours, referenceDate);
        var hours = Criteria.WorkingHours(overlapHours, o.EnoughOverlapHours);

        var sharedLanguages = LanguageSet.From(mentee.Languages).Intersect(LanguageSet.From(mentor.Languages));
        var language = Criteria.Language(!sharedLanguages.IsEmpty);

        var sharedFormats = mentee.FormatsPreferred & mentor.Formats;
        var formats = Criteria.Formats(mentee.FormatsPreferred, mentor.Formats);

        var availability = Criteria.Availability(mentor.RemainingCapacity, mentor.HoursPerMonth);
        var goals = GoalsValue(cosine);

        // Same operations in the same order as QueryPlan.Scan, so search and profile page agree exactly.
        var w = Weights;
        var relevance = 0f;
        relevance += w[0] * field;
        relevance += w[1] * stage;
        var fit = 0f;
        fit += w[2] * qualities;
        fit += w[3] * interests;
        fit += w[4] * hours;
        fit += w[5] * language;
        fit += w[6] * formats;
        fit += w[7] * availability;
        var gate = FitGate(cosine, goals);
        var total = relevance + gate * fit + w[8] * goals;

        CriterionScore[] parts =
        [
            new(Criterion.Field, field, w[0], Sentences.Field(sameField, relatedField, mentor.Field), field > 0),
            new(Criterion.CareerStage, stage, w[1], Sentences.CareerStage(yearsAhead, stage, field > 0, soughtSkill, o.MinYearsAhead), stage >= 0.5f),
            new(Criterion.Qualities, qualities, w[2] * gate, Sentences.Qualities(mentee.QualitiesSought, sharedQualities), sharedQualities != MentorQualities.None),
            new(Criterion.Interests, interests, w[3] * gate, Sentences.Interests(sharedInterests), sharedInterests.Count > 0),
            new(Criterion.WorkingHours, hours, w[4] * gate, Sentences.WorkingHours(overlapHours), overlapHours >= 1),
            new(Criterion.Language, language, w[5] * gate, Sentences.Language(sharedLanguages), language > 0),
            new(Criterion.Formats, formats, w[6] * gate, Sentences.Formats(mentee.FormatsPreferred, sharedFormats), sharedFormats != MeetingFormats.None),
            new(Criterion.Availability, availability, w[7] * gate, Sentences.Availability(mentor.RemainingCapacity, mentor.HoursPerMonth), availability >= 0.5f),
            new(Criterion.Goals, goals, w[8], Sentences.Goals(cosine, goals), goals >= 0.3f),
        ];
        return new CompatibilityScore(total, parts, o.MaxReasons);
    }
}

/// <summary>Plain words for members. Short, no jargon, second person.</summary>
internal static class Sentences
{
    public static string Field(bool same, bool related, string mentorField) =>
        same ? "Same field" : related ? $"Works in a related field ({mentorField})" : $"Works in a different field ({mentorField})";

    public static string CareerStage(int yearsAhead, float value, bool similarPath, string? soughtSkill, int minYearsAhead)
    {
        if (yearsAhead >= minYearsAhead)
            return similarPath ? $"{yearsAhead} years ahead of you on a similar path" : $"{yearsAhead} years ahead of you";
        if (value >= Criteria.PeerWithSkillValue)
            return yearsAhead > -minYearsAhead
                ? $"A peer open to peer mentoring who knows {soughtSkill}"
                : $"Open to reverse mentoring and knows {soughtSkill}";
        return yearsAhead > 0 ? $"Only {yearsAhead} {Plural(yearsAhead, "year", "years")} ahead of you" : "Not further along in their career than you";
    }

    public static string Qualities(MentorQualities sought, MentorQualities shared)
    {
        if (sought == MentorQualities.None) return "You have not said which qualities you look for";
        var soughtCount = Enum.GetValues<MentorQualities>().Count(q => q != 0 && sought.HasFlag(q));
        var names = Enum.GetValues<MentorQualities>().Where(q => q != 0 && shared.HasFlag(q)).Select(QualityName).ToList();
        return names.Count == 0
            ? "Offers none of the qualities you look for"
            : $"Offers {names.Count} of the {soughtCount} qualities you look for ({Join(names)})";
    }

    public static string Interests(IReadOnlyList<string> shared) =>
        shared.Count == 0 ? "No shared personal interests listed" : $"You both like {Join(shared.Take(3).Select(s => s.ToLowerInvariant()).ToList())}";

    public static string WorkingHours(double hours) => hours switch
    {
        <= 0 => "Your working hours do not overlap",
        _ => $"{Hours(hours)} working {Plural(hours, "hour", "hours")} overlap",
    };

    public static string Language(LanguageSet shared) =>
        shared.IsEmpty ? "No language in common" : $"You both speak {Join(shared.ToCodes().Take(2).Select(LanguageSet.DisplayName).ToList())}";

    public static string Formats(MeetingFormats preferred, MeetingFormats shared)
    {
        if (preferred == MeetingFormats.None) return "You have not said how you prefer to meet";
        var names = Enum.GetValues<MeetingFormats>().Where(f => f != 0 && shared.HasFlag(f)).Select(FormatName).ToList();
        return names.Count == 0 ? "Does not offer the meeting formats you prefer" : $"Offers {Join(names)}, as you prefer";
    }

    public static string Availability(int remaining, int hoursPerMonth) => remaining <= 0
        ? "Has no room for another mentee now"
        : $"Has room for {remaining} more {Plural(remaining, "mentee", "mentees")} and {hoursPerMonth} {Plural(hoursPerMonth, "hour", "hours")} a month";

    public static string Goals(float cosine, float value) => float.IsNaN(cosine)
        ? "No goals text to compare yet"
        : value >= 0.6f ? "Their experience closely matches your goals"
        : value >= 0.3f ? "Their experience is related to your goals"
        : "Their experience is not obviously related to your goals";

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

    private static string Hours(double h) => h.ToString(h % 1 == 0 ? "0" : "0.#", CultureInfo.InvariantCulture);

    private static string Plural(double n, string one, string many) => n == 1 ? one : many;

    private static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
