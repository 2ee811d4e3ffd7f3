using Trellis.Web.Features.Profiles;

namespace Trellis.Web.Features.Programmes.Enrolment;

/// <summary>Which of a programme's required profile fields a member's profile still lacks, in words.</summary>
public static class ProfileRequirements
{
    public static IReadOnlyList<ProfileField> Missing(Profile profile, IEnumerable<ProfileField> required) =>
        required.Where(f => !Has(profile, f)).ToList();

    public static bool Has(Profile p, ProfileField field) => field switch
    {
        ProfileField.Headline => p.Headline.Length > 0,
        ProfileField.Bio => p.Bio.Length > 0,
        ProfileField.Field => p.Field.Length > 0,
        ProfileField.CurrentRole => p.CurrentRole.Length > 0,
        ProfileField.Languages => p.Languages.Count > 0,
        ProfileField.Skills => p.Skills.Count > 0,
        ProfileField.Interests => p.Interests.Count > 0,
        ProfileField.CareerHistory => p.CareerHistory.Count > 0,
        ProfileField.MenteeGoals => p.MenteeGoals.Length > 0,
        ProfileField.MentorTopics => p.MentorTopics.Count > 0,
        _ => true,
    };

    public static string Describe(ProfileField field) => field switch
    {
        ProfileField.CurrentRole => "current role",
        ProfileField.CareerHistory => "career history",
        ProfileField.MenteeGoals => "goals as a mentee",
        ProfileField.MentorTopics => "topics you can help with as a mentor",
        ProfileField.Field => "field or industry",
        _ => field.ToString().ToLowerInvariant(),
    };
}
