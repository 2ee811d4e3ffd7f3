using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Trellis.Web.Features.Profiles;

/// <summary>
/// The edit page's five steps, in order, with the form fields each one holds. The page is one form with one
/// save (the rules span steps: a required language must be one you speak, required overlap needs windows),
/// so the steps fold and unfold; after a failed save every step with an error opens and the rest fold.
/// </summary>
public sealed record ProfileStep(string Id, string Title, string[] Fields)
{
    public static readonly ProfileStep About = new("about", "About me",
        ["DisplayName", "Headline", "Bio", "Field", "CurrentRole", "YearsOfExperience", "PreviousFields", "Skills", "Interests", "Languages", "CareerHistory"]);
    public static readonly ProfileStep Mentee = new("mentee", "As a mentee",
        ["SeekingMentor", "Direction", "TargetField", "TargetRole", "Ask", "RequiredLanguages", "RequireMeetingOverlap", "MenteeGoals", "QualitiesSought", "PreferredFormats"]);
    public static readonly ProfileStep Mentor = new("mentor", "As a mentor",
        ["OpenToMentoring", "MentorCapacity", "HoursPerMonth", "MentorTopics", "QualitiesOffered", "FormatsOffered", "Motivations", "OpenToPeerMentoring", "OpenToReverseMentoring"]);
    public static readonly ProfileStep Availability = new("availability", "Availability",
        ["TimeZone", "WorkdayStartHour", "WorkdayEndHour", "MeetingWindows"]);
    public static readonly ProfileStep Visibility = new("visibility", "Visibility", ["Visibility"]);

    public static readonly ProfileStep[] All = [About, Mentee, Mentor, Availability, Visibility];

    /// <summary>"Input.MeetingWindows[2].Start" belongs to Availability.</summary>
    public bool Holds(string key)
    {
        var name = key.StartsWith("Input.", StringComparison.Ordinal) ? key["Input.".Length..] : key;
        var end = name.IndexOfAny(['.', '[']);
        if (end >= 0) name = name[..end];
        return Fields.Contains(name, StringComparer.Ordinal);
    }

    /// <summary>The form's errors, step by step, in the order the fields appear (for the summary at the top).</summary>
    public IEnumerable<(string Key, string Message)> Errors(ModelStateDictionary state) =>
        state.Where(e => e.Value is { Errors.Count: > 0 } && Holds(e.Key))
            .OrderBy(e => Array.FindIndex(Fields, f => e.Key.StartsWith("Input." + f, StringComparison.Ordinal)))
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .SelectMany(e => e.Value!.Errors.Select(x => (e.Key, x.ErrorMessage)));

    /// <summary>Whether the member has filled in what this step is for (shown in the progress list).</summary>
    public bool IsFilledIn(ProfileForm f) => Id switch
    {
        "about" => !string.IsNullOrWhiteSpace(f.DisplayName) && !string.IsNullOrWhiteSpace(f.Headline) && !string.IsNullOrWhiteSpace(f.Field),
        "mentee" => f.SeekingMentor && !string.IsNullOrWhiteSpace(f.MenteeGoals),
        "mentor" => f.OpenToMentoring && f.MentorCapacity > 0 && !string.IsNullOrWhiteSpace(f.MentorTopics),
        "availability" => !string.IsNullOrWhiteSpace(f.TimeZone),
        _ => true,
    };

    /// <summary>"Input.MeetingWindows[0].Start" → "Input_MeetingWindows_0__Start", the id the field's input has.</summary>
    public static string InputId(string key) => key.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}
