namespace Trellis.Web.Features.Profiles;

/// <summary>What the API returns for a profile; the owner also gets <see cref="Version"/> for editing.</summary>
public sealed record ProfileView(
    Guid MemberId,
    string DisplayName,
    bool EmailVerified,
    string Headline,
    string Bio,
    string TimeZone,
    int WorkdayStartHour,
    int WorkdayEndHour,
    IReadOnlyList<string> Languages,
    string Field,
    string CurrentRole,
    int YearsOfExperience,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Interests,
    IReadOnlyList<CareerStep> CareerHistory,
    IReadOnlyList<string> PreviousFields,
    IReadOnlyList<MeetingWindowInput> MeetingWindows,
    ProfileVisibility Visibility,
    MenteeSection? AsMentee,
    MentorSection? AsMentor,
    DateTimeOffset UpdatedAt,
    Guid? Version);

public sealed record MenteeSection(
    bool SeekingMentor, string Goals, IReadOnlyList<string> QualitiesSought, IReadOnlyList<string> PreferredFormats,
    CareerDirection Direction, string TargetField, string TargetRole, IReadOnlyList<string> RequiredLanguages, AskFor Ask,
    bool RequireMeetingOverlap);

public sealed record MentorSection(
    bool OpenToMentoring, int Capacity, int? HoursPerMonth, IReadOnlyList<string> Topics, IReadOnlyList<string> QualitiesOffered,
    IReadOnlyList<string> FormatsOffered, IReadOnlyList<string> Motivations, bool OpenToPeerMentoring, bool OpenToReverseMentoring);

public static class ProfileViews
{
    /// <param name="owner">The owner sees everything and the version; others never see a mentee's goals
    /// unless the member is actively seeking a mentor (goals are how a mentor judges a request).</param>
    public static ProfileView ToView(this Profile p, string displayName, bool emailVerified, bool owner) => new(
        p.MemberId, displayName, emailVerified, p.Headline, p.Bio, p.TimeZone, p.WorkdayStartHour, p.WorkdayEndHour,
        p.Languages, p.Field, p.CurrentRole, p.YearsOfExperience, p.Skills, p.Interests, p.CareerHistory, p.PreviousFields,
        p.MeetingWindows.Select(MeetingWindowInput.From).ToList(), p.Visibility,
        owner || p.SeekingMentor
            ? new MenteeSection(p.SeekingMentor, p.MenteeGoals, p.QualitiesSought, p.PreferredFormats, p.Direction, p.TargetField,
                p.TargetRole, p.RequiredLanguages, p.Ask, p.RequireMeetingOverlap)
            : null,
        owner || p.OpenToMentoring ? new MentorSection(p.OpenToMentoring, p.MentorCapacity, p.HoursPerMonth, p.MentorTopics, p.QualitiesOffered,
            p.FormatsOffered, p.Motivations, p.OpenToPeerMentoring, p.OpenToReverseMentoring) : null,
        p.UpdatedAt, owner ? p.Version : null);

    public static ProfileInput ToInput(this Profile p, string displayName) => new()
    {
        DisplayName = displayName, Headline = p.Headline, Bio = p.Bio, TimeZone = p.TimeZone,
        WorkdayStartHour = p.WorkdayStartHour, WorkdayEndHour = p.WorkdayEndHour, Languages = [.. p.Languages],
        Field = p.Field, CurrentRole = p.CurrentRole, YearsOfExperience = p.YearsOfExperience, Skills = [.. p.Skills],
        Interests = [.. p.Interests], CareerHistory = [.. p.CareerHistory], PreviousFields = [.. p.PreviousFields],
        MeetingWindows = [.. p.MeetingWindows.Select(MeetingWindowInput.From)], Visibility = p.Visibility,
        SeekingMentor = p.SeekingMentor, MenteeGoals = p.MenteeGoals, QualitiesSought = [.. p.QualitiesSought],
        PreferredFormats = [.. p.PreferredFormats], Direction = p.Direction, TargetField = p.TargetField, TargetRole = p.TargetRole,
        RequiredLanguages = [.. p.RequiredLanguages], Ask = p.Ask, RequireMeetingOverlap = p.RequireMeetingOverlap,
        OpenToMentoring = p.OpenToMentoring, MentorCapacity = p.MentorCapacity,
        HoursPerMonth = p.HoursPerMonth, MentorTopics = [.. p.MentorTopics], QualitiesOffered = [.. p.QualitiesOffered],
        FormatsOffered = [.. p.FormatsOffered], Motivations = [.. p.Motivations], OpenToPeerMentoring = p.OpenToPeerMentoring,
        OpenToReverseMentoring = p.OpenToReverseMentoring, Version = p.Version,
    };
}
