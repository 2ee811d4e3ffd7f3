using System.Numerics;

namespace Trellis.Matching.Scoring;

/// <summary>
/// The value of each criterion from plain numbers. The pair scorer and the index both call these,
/// so a search result and a profile page show exactly the same score.
/// </summary>
internal static class Criteria
{
    public const float RelatedFieldValue = 0.6f;

    /// <summary>A mentor in the field a career changer is leaving: they share a background, but it is not where the mentee is going.</summary>
    public const float SharedBackgroundValue = 0.3f;
    public const float PeerWithSkillValue = 0.7f;
    public const float SlightlyAheadValue = 0.3f;
    public const int ShareEnoughInterests = 3;
    public const int RoomEnoughMentees = 3;
    public const int EnoughHoursPerMonth = 8;

    public static float Field(bool same, bool related) => same ? 1f : related ? RelatedFieldValue : 0f;

    public static float Field(FieldFit fit) => fit switch
    {
        FieldFit.Same or FieldFit.Target or FieldFit.MovedFromYours => 1f,
        FieldFit.Related => RelatedFieldValue,
        FieldFit.SharedBackground => SharedBackgroundValue,
        _ => 0f,
    };

    /// <summary>
    /// The mentor's field against the mentee's direction of travel, all terms normalised
    /// (<see cref="Terms.Normalize"/>). <paramref name="aim"/> is the target field when the mentee
    /// moves, else their own; <paramref name="leaving"/> is their own field when they move, else null.
    /// </summary>
    public static FieldFit FieldFitOf(string mentorField, string aim, string? leaving, bool menteeListsMentorField, bool mentorListsAim, bool mentorCameFromLeaving)
    {
        if (mentorField == aim)
            return leaving is null ? FieldFit.Same : mentorCameFromLeaving ? FieldFit.MovedFromYours : FieldFit.Target;
        if (menteeListsMentorField || mentorListsAim) return FieldFit.Related;
        return leaving is not null && mentorField == leaving ? FieldFit.SharedBackground : FieldFit.Different;
    }

    /// <summary>Years the mentor is ahead below which the pair counts as peers (or the mentor as junior).</summary>
    public static bool IsPeerOrJunior(int yearsAhead, int minYearsAhead) => yearsAhead < minYearsAhead;

    /// <param name="ask">
    /// When the mentee asked for a peer or a junior, one who is that and opted in gets the full value on
    /// the text match alone (no sought skill needed); anyone else is excluded by <see cref="HardFilters.Stage"/>.
    /// </param>
    public static float CareerStage(int yearsAhead, bool openToPeer, bool openToReverse, bool hasSoughtSkill, int minYearsAhead, int maxYearsAhead,
        MentorAsk ask = MentorAsk.Mentor)
    {
        if (ask != MentorAsk.Mentor)
            return HardFilters.Stage(ask, yearsAhead, openToPeer, openToReverse, minYearsAhead) == Exclusion.None ? 1f : 0f;
        if (yearsAhead >= minYearsAhead)
            return yearsAhead <= maxYearsAhead ? 1f : MathF.Max(0.5f, 1f - (yearsAhead - maxYearsAhead) / 20f);
        var peer = yearsAhead > -minYearsAhead;
        if (hasSoughtSkill && (peer ? openToPeer : openToReverse))
            return PeerWithSkillValue;
        return yearsAhead > 0 ? SlightlyAheadValue : 0f;
    }

    public static float Qualities(MentorQualities sought, MentorQualities offered) =>
        sought == MentorQualities.None
            ? 0.5f
            : QualitiesShared(BitOperations.PopCount((uint)(sought & offered)), BitOperations.PopCount((uint)sought));

    public static float QualitiesShared(int shared, int sought) => (float)shared / sought;

    public static float Interests(int shared) => (float)Math.Min(shared, ShareEnoughInterests) / ShareEnoughInterests;

    public static float WorkingHours(double overlapHours, double enoughHours) => (float)Math.Min(1.0, overlapHours / enoughHours);

    /// <summary>Weekly hours both can meet at which the criterion is full, when meeting windows decide it.</summary>
    public const double EnoughWeeklyMeetingHours = 4;

    /// <summary>
    /// A member who gave weekly windows said when they can meet; their working hours then say nothing
    /// about it ("I can only meet 19:00–22:00" from someone who works 9–17), so the windows decide.
    /// </summary>
    public static bool MeetingWindowsDecide(int menteeWindows, int mentorWindows) => menteeWindows > 0 || mentorWindows > 0;

    public static float MeetingTime(double weeklyMinutes) => (float)Math.Min(1.0, weeklyMinutes / 60 / EnoughWeeklyMeetingHours);

    public static float Language(bool shared) => shared ? 1f : 0f;

    public static float Formats(MeetingFormats preferred, MeetingFormats offered) =>
        preferred == MeetingFormats.None
            ? 0.5f
            : (float)BitOperations.PopCount((uint)(preferred & offered)) / BitOperations.PopCount((uint)preferred);

    public static float Availability(int remainingCapacity, int? hoursPerMonth) =>
        remainingCapacity <= 0
            ? 0f
            : 0.5f * Math.Min(remainingCapacity, RoomEnoughMentees) / RoomEnoughMentees
              + 0.5f * Math.Clamp(hoursPerMonth ?? 0, 0, EnoughHoursPerMonth) / EnoughHoursPerMonth;

    /// <summary>
    /// Multiplier of the day-to-day criteria (qualities … availability): <paramref name="unrelatedShare"/>
    /// for a mentor whose experience is unrelated to the goals, rising to 1 for a close match.
    /// </summary>
    public static float FitGate(float goals, float unrelatedShare) => unrelatedShare + (1f - unrelatedShare) * goals;

    public static float Goals(float cosine, float unrelated, float same) => Math.Clamp((cosine - unrelated) / (same - unrelated), 0f, 1f);
}
