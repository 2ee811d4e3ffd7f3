using Trellis.Matching.Embeddings;
using Trellis.Matching.Scoring;
using Trellis.Web.Features.Profiles;

namespace Trellis.Web.Features.FindMentor;

/// <summary>How a Trellis profile becomes the plain data the matching library scores.</summary>
public static class MatchingProfiles
{
    public static MentorProfile Mentor(Profile p, float[]? embedding) => new()
    {
        Id = p.MemberId,
        Field = p.Field,
        PreviousFields = p.PreviousFields,
        YearsOfExperience = p.YearsOfExperience,
        Skills = p.Skills,
        Topics = p.MentorTopics,
        QualitiesOffered = Qualities(p.QualitiesOffered),
        QualitiesOfferedWords = Words(p.QualitiesOffered),
        Interests = p.Interests,
        TimeZone = p.TimeZone,
        WorkingHours = Hours(p),
        MeetingWindows = Windows(p),
        Languages = p.Languages,
        Formats = Formats(p.FormatsOffered),
        OpenToMentoring = p.OpenToMentoring,
        Capacity = p.MentorCapacity,
        ActiveMentees = p.ActiveMentees,
        HoursPerMonth = p.HoursPerMonth,
        OpenToPeerMentoring = p.OpenToPeerMentoring,
        OpenToReverseMentoring = p.OpenToReverseMentoring,
        Embedding = embedding,
    };

    public static MenteeProfile Mentee(Profile p, float[]? embedding) => new()
    {
        Id = p.MemberId,
        Field = p.Field,
        TargetField = p.Direction == CareerDirection.Move && p.TargetField.Length > 0 ? p.TargetField : null,
        YearsOfExperience = p.YearsOfExperience,
        SkillsSought = p.Skills.Concat(p.QualitiesSought.Where(q => Qualities([q]) == MentorQualities.None)).ToList(),
        QualitiesSought = Qualities(p.QualitiesSought),
        QualitiesSoughtWords = Words(p.QualitiesSought),
        Interests = p.Interests,
        TimeZone = p.TimeZone,
        WorkingHours = Hours(p),
        MeetingWindows = Windows(p),
        RequiresMeetingOverlap = p.RequireMeetingOverlap,
        Languages = p.Languages,
        // Someone who listed no language is not filtered by it.
        RequiresSharedLanguage = p.Languages.Count > 0,
        RequiredLanguages = p.RequiredLanguages,
        Ask = p.Ask switch
        {
            AskFor.Peer => MentorAsk.Peer,
            AskFor.Junior => MentorAsk.Junior,
            _ => MentorAsk.Mentor,
        },
        FormatsPreferred = Formats(p.PreferredFormats),
        Embedding = embedding,
    };

    /// <summary>The texts whose vectors are averaged into the mentor's one embedding (the library's recipe).</summary>
    public static IReadOnlyList<string> MentorTexts(Profile p) => ProfileText.ForMentorParts(p.Headline, p.Bio, p.MentorTopics,
        string.Join(". ", p.CareerHistory.Select(c => $"{c.Title} at {c.Organisation}")));

    /// <summary>The goals, and for a member who moves the role and field they aim for (often the clearest words they give).</summary>
    public static string MenteeText(Profile p) => ProfileText.ForMentee(
        p.Direction == CareerDirection.Move ? $"{p.MenteeGoals} Aiming for: {string.Join(", ", new[] { p.TargetRole, p.TargetField }.Where(t => t.Length > 0))}." : p.MenteeGoals,
        p.Skills);

    private static IReadOnlyList<QualityWords> Words(IEnumerable<string> listed) => [.. listed.Select(w => new QualityWords(w, Qualities([w])))];

    private static IReadOnlyList<WeeklyWindow> Windows(Profile p) => [.. p.MeetingWindows.Select(w => new WeeklyWindow(w.Day, w.Start, w.End))];

    private static WorkingHours Hours(Profile p) =>
        new(new TimeOnly(p.WorkdayStartHour % 24, 0), p.WorkdayEndHour >= 24 ? new TimeOnly(23, 59) : new TimeOnly(p.WorkdayEndHour, 0));

    public static MeetingFormats Formats(IEnumerable<string> formats) => formats.Aggregate(MeetingFormats.None, (all, f) => all | f switch
    {
        "video" => MeetingFormats.Video,
        "phone" => MeetingFormats.Phone,
        "in-person" => MeetingFormats.InPerson,
        "messages" => MeetingFormats.Messages,
        _ => MeetingFormats.None,
    });

    /// <summary>
    /// Members describe qualities in their own words ("direct feedback", "a good listener"); the
    /// scorer compares a fixed list, so common wordings are mapped onto it. Words it does not know
    /// still count through the text similarity of the goals.
    /// </summary>
    public static MentorQualities Qualities(IEnumerable<string> words)
    {
        var result = MentorQualities.None;
        foreach (var word in words.Select(w => w.ToLowerInvariant()))
            foreach (var (cue, quality) in Cues)
                if (word.Contains(cue, StringComparison.Ordinal)) result |= quality;
        return result;
    }

    private static readonly (string Cue, MentorQualities Quality)[] Cues =
    [
        ("patien", MentorQualities.Patient), ("calm", MentorQualities.Patient),
        ("direct", MentorQualities.Candid), ("honest", MentorQualities.Candid), ("candid", MentorQualities.Candid), ("blunt", MentorQualities.Candid), ("frank", MentorQualities.Candid),
        ("encourag", MentorQualities.Encouraging), ("support", MentorQualities.Encouraging), ("kind", MentorQualities.Encouraging), ("warm", MentorQualities.Encouraging),
        ("challeng", MentorQualities.Challenging), ("push", MentorQualities.Challenging), ("stretch", MentorQualities.Challenging),
        ("practical", MentorQualities.Practical), ("hands-on", MentorQualities.Practical), ("pragmatic", MentorQualities.Practical),
        ("strateg", MentorQualities.Strategic), ("big picture", MentorQualities.Strategic), ("long-term", MentorQualities.Strategic),
        ("listen", MentorQualities.GoodListener), ("empath", MentorQualities.GoodListener),
        ("connect", MentorQualities.WellConnected), ("network", MentorQualities.WellConnected), ("introduc", MentorQualities.WellConnected),
        ("organi", MentorQualities.Organised), ("structur", MentorQualities.Organised),
        ("trust", MentorQualities.Trustworthy), ("discre", MentorQualities.Trustworthy), ("confidential", MentorQualities.Trustworthy),
        ("inspir", MentorQualities.Inspiring), ("motivat", MentorQualities.Inspiring),
        ("reliab", MentorQualities.Reliable), ("responsive", MentorQualities.Reliable), ("consistent", MentorQualities.Reliable),
    ];
}
