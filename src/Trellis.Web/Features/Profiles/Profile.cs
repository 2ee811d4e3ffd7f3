namespace Trellis.Web.Features.Profiles;

/// <summary>
/// Everything a member tells others about themself, in both roles. The mentee and mentor sections
/// are filled independently: the seed insists that experienced people keep a mentor of their own.
/// </summary>
public sealed class Profile
{
    private Profile() { }

    public Profile(Guid memberId, DateTimeOffset at)
    {
        MemberId = memberId;
        UpdatedAt = at;
        Version = Guid.NewGuid();
    }

    public Guid MemberId { get; private set; }

    public string Headline { get; private set; } = "";
    public string Bio { get; private set; } = "";
    public string TimeZone { get; private set; } = "UTC";
    public int WorkdayStartHour { get; private set; } = 9;
    public int WorkdayEndHour { get; private set; } = 17;
    public List<string> Languages { get; private set; } = [];
    public string Field { get; private set; } = "";
    public string CurrentRole { get; private set; } = "";
    public int YearsOfExperience { get; private set; }
    public List<string> Skills { get; private set; } = [];
    public List<string> Interests { get; private set; } = [];
    public List<CareerStep> CareerHistory { get; private set; } = [];

    /// <summary>Fields worked in before <see cref="Field"/>: a mentor who made the move a mentee wants is credited for it.</summary>
    public List<string> PreviousFields { get; private set; } = [];

    /// <summary>Weekly windows when this member can meet, in <see cref="TimeZone"/>; none: the working hours, Monday to Friday.</summary>
    public List<MeetingWindow> MeetingWindows { get; private set; } = [];
    public ProfileVisibility Visibility { get; private set; } = ProfileVisibility.Members;

    public bool SeekingMentor { get; private set; }
    public string MenteeGoals { get; private set; } = "";
    public List<string> QualitiesSought { get; private set; } = [];
    public List<string> PreferredFormats { get; private set; } = [];

    /// <summary>Direction of travel: staying and growing in <see cref="Field"/>, or moving to <see cref="TargetField"/>.</summary>
    public CareerDirection Direction { get; private set; } = CareerDirection.Stay;

    /// <summary>Where a member who moves wants to go; empty when they stay.</summary>
    public string TargetField { get; private set; } = "";
    public string TargetRole { get; private set; } = "";

    /// <summary>"We must share: Portuguese" — a mentor who does not speak all of these is never recommended.</summary>
    public List<string> RequiredLanguages { get; private set; } = [];

    public AskFor Ask { get; private set; } = AskFor.Mentor;

    /// <summary>When set, a mentor with less than 30 minutes a week of shared meeting time is never recommended.</summary>
    public bool RequireMeetingOverlap { get; private set; }

    public bool OpenToMentoring { get; private set; }
    public int MentorCapacity { get; private set; }
    /// <summary>Null when the mentor did not say; never shown as "0 hours".</summary>
    public int? HoursPerMonth { get; private set; }
    public List<string> MentorTopics { get; private set; } = [];
    public List<string> QualitiesOffered { get; private set; } = [];
    public List<string> FormatsOffered { get; private set; } = [];
    public List<string> Motivations { get; private set; } = [];
    public bool OpenToPeerMentoring { get; private set; }
    public bool OpenToReverseMentoring { get; private set; }

    /// <summary>Mentees in an active or paused mentorship with this member. Kept by Mentorships with
    /// conditional updates (never above <see cref="MentorCapacity"/>), so the database decides the last slot.</summary>
    public int ActiveMentees { get; private set; }

    /// <summary>Mentors this member has in an active or paused mentorship, kept the same way.</summary>
    public int ActiveMentors { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Changes on every save; a stale copy from another tab or device is refused, not merged.</summary>
    public Guid Version { get; private set; }

    public bool IsMentor => OpenToMentoring;

    /// <summary>Hidden by an administrator after a report: only its owner sees it; search and /Members/{id} do not.</summary>
    public DateTimeOffset? HiddenAt { get; private set; }

    public void Hide(DateTimeOffset at)
    {
        HiddenAt ??= at;
        MarkChanged(at);
    }

    /// <summary>Something that decides whether this profile can be found changed (hidden, owner suspended):
    /// every node's mentor index re-reads profiles by <see cref="UpdatedAt"/>.</summary>
    public void MarkChanged(DateTimeOffset at) => UpdatedAt = at;

    /// <summary>Input has been validated at the edge (<see cref="ProfileInput"/>); the entity only normalises.</summary>
    public void Update(ProfileInput input, DateTimeOffset at)
    {
        Headline = input.Headline.Trim();
        Bio = input.Bio.Trim();
        TimeZone = input.TimeZone.Trim();
        WorkdayStartHour = input.WorkdayStartHour;
        WorkdayEndHour = input.WorkdayEndHour;
        Languages = Distinct(input.Languages, lower: true);
        Field = input.Field.Trim();
        CurrentRole = input.CurrentRole.Trim();
        YearsOfExperience = input.YearsOfExperience;
        Skills = Distinct(input.Skills);
        Interests = Distinct(input.Interests);
        CareerHistory = input.CareerHistory.Select(c => c.Normalised()).ToList();
        PreviousFields = Distinct(input.PreviousFields);
        MeetingWindows = input.MeetingWindows.Select(w => w.ToWindow()).DistinctBy(w => (w.Day, w.Start, w.End)).ToList();
        Visibility = input.Visibility;

        SeekingMentor = input.SeekingMentor;
        MenteeGoals = input.MenteeGoals.Trim();
        QualitiesSought = Distinct(input.QualitiesSought);
        PreferredFormats = Distinct(input.PreferredFormats, lower: true);
        Direction = input.Direction;
        // A member who stays has no target; one left over from an earlier "move" must not steer matching.
        TargetField = input.Direction == CareerDirection.Move ? input.TargetField.Trim() : "";
        TargetRole = input.Direction == CareerDirection.Move ? input.TargetRole.Trim() : "";
        RequiredLanguages = Distinct(input.RequiredLanguages, lower: true);
        Ask = input.Ask;
        RequireMeetingOverlap = input.RequireMeetingOverlap;

        OpenToMentoring = input.OpenToMentoring;
        MentorCapacity = input.MentorCapacity;
        // 0 from the form or an older client means "did not say", not "can give no time".
        HoursPerMonth = input.HoursPerMonth is > 0 ? input.HoursPerMonth : null;
        MentorTopics = Distinct(input.MentorTopics);
        QualitiesOffered = Distinct(input.QualitiesOffered);
        FormatsOffered = Distinct(input.FormatsOffered, lower: true);
        Motivations = Distinct(input.Motivations, lower: true);
        OpenToPeerMentoring = input.OpenToPeerMentoring;
        OpenToReverseMentoring = input.OpenToReverseMentoring;

        UpdatedAt = at;
        Version = Guid.NewGuid();
    }

    private static List<string> Distinct(IEnumerable<string> values, bool lower = false) =>
        values.Select(v => lower ? v.Trim().ToLowerInvariant() : v.Trim())
              .Where(v => v.Length > 0)
              .Distinct(StringComparer.OrdinalIgnoreCase)
              .ToList();
}

public sealed class CareerStep
{
    public string Title { get; set; } = "";
    public string Organisation { get; set; } = "";
    public int FromYear { get; set; }
    public int? ToYear { get; set; }
    public string Summary { get; set; } = "";

    internal CareerStep Normalised() => new()
    {
        Title = Title.Trim(),
        Organisation = Organisation.Trim(),
        FromYear = FromYear,
        ToYear = ToYear,
        Summary = Summary.Trim(),
    };
}

/// <summary>A weekly window when a member can meet, in their own zone. An end at or before the start runs past midnight.</summary>
public sealed class MeetingWindow
{
    public DayOfWeek Day { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
}

public enum CareerDirection
{
    /// <summary>Stay and grow in my field.</summary>
    Stay,
    /// <summary>Move to another field or role.</summary>
    Move,
}

/// <summary>Whom a member asks for when looking for a mentor.</summary>
public enum AskFor
{
    /// <summary>Someone further along (a peer or junior comes only if they opted in).</summary>
    Mentor,
    /// <summary>A peer at my level who is open to peer mentoring.</summary>
    Peer,
    /// <summary>Someone earlier in their career with fresh skills, open to reverse mentoring.</summary>
    Junior,
}

/// <summary>Who may see a profile. Programs do not exist yet: "Programs" means members who share a
/// program with you, which today is nobody but you.</summary>
public enum ProfileVisibility
{
    Public,
    Members,
    Programs,
}
