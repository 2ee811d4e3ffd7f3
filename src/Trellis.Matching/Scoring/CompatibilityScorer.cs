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
        var (aim, leaving) = Direction(mentee);
        var mentorField = Terms.Normalize(mentor.Field);
        var fieldFit = Criteria.FieldFitOf(mentorField, aim, leaving,
            mentee.RelatedFields.Any(f => Terms.Normalize(f) == mentorField),
            mentor.RelatedFields.Concat(mentor.PreviousFields).Any(f => Terms.Normalize(f) == aim),
            leaving is not null && mentor.PreviousFields.Any(f => Terms.Normalize(f) == leaving));
        var field = Criteria.Field(fieldFit);

        var sought = Terms.Set(mentee.SkillsSought);
        var soughtSkill = mentor.Skills.Concat(mentor.Topics).FirstOrDefault(s => sought.Contains(Terms.Normalize(s)));
        var yearsAhead = mentor.YearsOfExperience - mentee.YearsOfExperience;
        var stage = Criteria.CareerStage(yearsAhead, mentor.OpenToPeerMentoring, mentor.OpenToReverseMentoring, soughtSkill is not null, o.MinYearsAhead, o.MaxYearsAheadBeforeDecline, mentee.Ask);

        var sharedQualities = mentee.QualitiesSought & mentor.QualitiesOffered;
        var qualities = Criteria.Qualities(mentee.QualitiesSought, mentor.QualitiesOffered);
        var qualityMatches = mentee.QualitiesSoughtWords.Count > 0 ? QualityMatches(mentee.QualitiesSoughtWords, mentor.QualitiesOfferedWords) : null;

        var menteeInterests = Terms.Set(mentee.Interests);
        var sharedInterests = mentor.Interests.Select(Terms.Normalize).Where(menteeInterests.Contains).Distinct(StringComparer.Ordinal).ToList();
        var interests = Criteria.Interests(sharedInterests.Count);

        var (hours, hoursIsReason, hoursReason) = Criteria.MeetingWindowsDecide(mentee.MeetingWindows.Count, mentor.MeetingWindows.Count)
            ? MeetingTime(mentee, mentor, referenceDate)
            : WorkingHours(mentee, mentor, referenceDate, o.EnoughOverlapHours);

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
            new(Criterion.Field, field, w[0], field > 0, new FieldReason(fieldFit, mentor.Field, leaving is null ? null : mentee.Field)),
            new(Criterion.CareerStage, stage, w[1], stage >= 0.5f,
                new CareerStageReason(StageFit(mentee.Ask, yearsAhead, stage, field >= Criteria.RelatedFieldValue, o.MinYearsAhead), yearsAhead,
                    mentee.Ask == MentorAsk.Mentor ? soughtSkill : null)),
            new(Criterion.Qualities, qualities, w[2] * gate, qualityMatches is null ? sharedQualities != MentorQualities.None : qualityMatches.Count > 0,
                new QualitiesReason(mentee.QualitiesSought, sharedQualities)
                {
                    Listed = mentee.QualitiesSoughtWords.Count, Matches = qualityMatches ?? [],
                }),
            new(Criterion.Interests, interests, w[3] * gate, sharedInterests.Count > 0, new InterestsReason(sharedInterests)),
            new(Criterion.WorkingHours, hours, w[4] * gate, hoursIsReason, hoursReason),
            new(Criterion.Language, language, w[5] * gate, language > 0, new LanguageReason([.. sharedLanguages.ToCodes()])),
            new(Criterion.Formats, formats, w[6] * gate, sharedFormats != MeetingFormats.None,
                new FormatsReason(mentee.FormatsPreferred, sharedFormats)),
            new(Criterion.Availability, availability, w[7] * gate, availability >= 0.5f,
                new AvailabilityReason(mentor.RemainingCapacity, mentor.HoursPerMonth)),
            new(Criterion.Goals, goals, w[8], goals >= 0.3f, new GoalsReason(GoalsFitOf(cosine, goals), cosine)),
        ];
        return new CompatibilityScore(total, parts, o.MaxReasons);
    }

    /// <summary>
    /// Each thing the mentee listed that the mentor's own words offer: the same words, or words naming a quality both
    /// name. Quoting both is what keeps an explanation true (issue 14: "offers patient and candid" when neither wrote it).
    /// </summary>
    private static List<QualityMatch> QualityMatches(IReadOnlyList<QualityWords> sought, IReadOnlyList<QualityWords> offered)
    {
        var matches = new List<QualityMatch>();
        foreach (var s in sought)
        {
            var text = Terms.Normalize(s.Text);
            var by = offered.FirstOrDefault(o => Terms.Normalize(o.Text) == text)
                     ?? offered.FirstOrDefault(o => (o.Qualities & s.Qualities) != MentorQualities.None);
            if (by is not null) matches.Add(new QualityMatch(s.Text, by.Text));
        }
        return matches;
    }

    private static (float, bool, CriterionReason) WorkingHours(MenteeProfile mentee, MentorProfile mentor, DateOnly referenceDate, double enough)
    {
        var overlap = TimeZones.WorkingHoursOverlap(TimeZones.FindOrUtc(mentee.TimeZone), mentee.WorkingHours,
            TimeZones.FindOrUtc(mentor.TimeZone), mentor.WorkingHours, referenceDate);
        return (Criteria.WorkingHours(overlap, enough), overlap >= 1, new WorkingHoursReason(overlap));
    }

    private static (float, bool, CriterionReason) MeetingTime(MenteeProfile mentee, MentorProfile mentor, DateOnly referenceDate)
    {
        var meeting = HardFilters.MeetingTime(mentee.TimeZone, mentee.WorkingHours, mentee.MeetingWindows,
            mentor.TimeZone, mentor.WorkingHours, mentor.MeetingWindows, referenceDate);
        return (Criteria.MeetingTime(meeting.WeeklyMinutes), meeting.WeeklyMinutes >= 60,
            new MeetingTimeReason(meeting.WeeklyMinutes, meeting.FirstForMentee, meeting.FirstForMentor,
                TimeZones.FindOrUtc(mentee.TimeZone).Id, TimeZones.FindOrUtc(mentor.TimeZone).Id));
    }

    /// <summary>
    /// The field the mentee aims at (normalised) and, when they move, the one they are leaving.
    /// Shared with the index so both read the direction of travel the same way.
    /// </summary>
    internal static (string Aim, string? Leaving) Direction(MenteeProfile mentee)
    {
        var own = Terms.Normalize(mentee.Field);
        var target = Terms.Normalize(mentee.TargetField ?? "");
        return target.Length == 0 || target == own ? (own, null) : (target, own);
    }

    private static CareerStageFit StageFit(MentorAsk ask, int yearsAhead, float value, bool similarPath, int minYearsAhead)
    {
        if (ask != MentorAsk.Mentor && value > 0)
            return ask == MentorAsk.Peer ? CareerStageFit.PeerAsAsked : CareerStageFit.JuniorAsAsked;
        if (yearsAhead >= minYearsAhead) return similarPath ? CareerStageFit.AheadOnSimilarPath : CareerStageFit.Ahead;
        if (value >= Criteria.PeerWithSkillValue)
            return yearsAhead > -minYearsAhead ? CareerStageFit.PeerWithSkill : CareerStageFit.ReverseWithSkill;
        return yearsAhead > 0 ? CareerStageFit.SlightlyAhead : CareerStageFit.NotAhead;
    }

    private static GoalsFit GoalsFitOf(float cosine, float value) =>
        float.IsNaN(cosine) ? GoalsFit.NoText
        : value >= 0.6f ? GoalsFit.Close
        : value >= 0.3f ? GoalsFit.Related
        : GoalsFit.Unrelated;
}
