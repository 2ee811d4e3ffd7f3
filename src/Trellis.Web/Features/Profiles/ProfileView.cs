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
    ProfileVisibility Visibility,
    MenteeSection? AsMentee,
    MentorSection? AsMentor,
    DateTimeOffset UpdatedAt,
    Guid? Version);

public sealed record MenteeSection(bool SeekingMentor, string Goals, IReadOnlyList<string> QualitiesSought, IReadOnlyList<string> PreferredFormats);

public sealed record MentorSection(
    bool OpenToMentoring, int Capacity, int HoursPerMonth, IReadOnlyList<string> Topics, IReadOnlyList<string> QualitiesOffered,
    IReadOnlyList<string> FormatsOffered, IReadOnlyList<string> Motivations, bool OpenToPeerMentoring, bool OpenToReverseMentoring);

public static class ProfileViews
{
    /// <param name="owner">The owner sees everything and the version; others never see a mentee's goals
    /// unless the member is actively seeking a mentor (goals are how a mentor judges a request).</param>
    public static ProfileView ToView(this Profile p, string displayName, bool emailVerified, bool owner) => new(
        p.MemberId, displayName, emailVerified, p.Headline, p.Bio, p.TimeZone, p.WorkdayStartHour, p.WorkdayEndHour,
        p.Languages, p.Field, p.CurrentRole, p.YearsOfExperience, p.Skills, p.Interests, p.CareerHistory, p.Visibility,
        owner || p.SeekingMentor ? new MenteeSection(p.SeekingMentor, p.MenteeGoals, p.QualitiesSought, p.PreferredFormats) : null,
        owner || p.OpenToMentoring ? new MentorSection(p.OpenToMentoring, p.MentorCapacity, p.HoursPerMonth, p.MentorTopics, p.QualitiesOffered,
            p.FormatsOffered, p.Motivations, p.OpenToPeerMentoring, p.OpenToReverseMentoring) : null,
        p.UpdatedAt, owner ? p.Version : null);

    public static ProfileInput ToInput(this Profile p, string displayName) => new()
    {
        DisplayName = displayName, Headline = p.Headline, Bio = p.Bio, TimeZone = p.TimeZone,
        WorkdayStartHour = p.WorkdayStartHour, WorkdayEndHour = p.WorkdayEndHour, Languages = [.. p.Languages],
        Field = p.Field, CurrentRole = p.CurrentRole, YearsOfExperience = p.YearsOfExperience, Skills = [.. p.Skills],
        Interests = [.. p.Interests], CareerHistory = [.. p.CareerHistory], Visibility = p.Visibility,
        SeekingMentor = p.SeekingMentor, MenteeGoals = p.MenteeGoals, QualitiesSought = [.. p.QualitiesSought],
        PreferredFormats = [.. p.PreferredFormats], OpenToMentoring = p.OpenToMentoring, MentorCapacity = p.MentorCapacity,
        HoursPerMonth = p.HoursPerMonth, MentorTopics = [.. p.MentorTopics], QualitiesOffered = [.. p.QualitiesOffered],
        FormatsOffered = [.. p.FormatsOffered], Motivations = [.. p.Motivations], OpenToPeerMentoring = p.OpenToPeerMentoring,
        OpenToReverseMentoring = p.OpenToReverseMentoring, Version = p.Version,
    };
}
