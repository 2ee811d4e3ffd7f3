namespace Trellis.Web.Features.Profiles;

/// <summary>
/// The edit page's shape of <see cref="ProfileInput"/>: lists are typed as comma-separated text and
/// choices as checkboxes. Validation is not repeated here; <see cref="ProfileInput.Validate"/> decides.
/// </summary>
public sealed class ProfileForm
{
    public string DisplayName { get; set; } = "";
    public string Headline { get; set; } = "";
    public string Bio { get; set; } = "";
    public string TimeZone { get; set; } = "UTC";
    public int WorkdayStartHour { get; set; } = 9;
    public int WorkdayEndHour { get; set; } = 17;
    public string Languages { get; set; } = "";
    public string Field { get; set; } = "";
    public string CurrentRole { get; set; } = "";
    public int YearsOfExperience { get; set; }
    public string Skills { get; set; } = "";
    public string Interests { get; set; } = "";
    public List<CareerRow> CareerHistory { get; set; } = [];
    public string PreviousFields { get; set; } = "";
    public List<WindowRow> MeetingWindows { get; set; } = [];
    public ProfileVisibility Visibility { get; set; } = ProfileVisibility.Members;

    public bool SeekingMentor { get; set; }
    public string MenteeGoals { get; set; } = "";
    public string QualitiesSought { get; set; } = "";
    public List<string> PreferredFormats { get; set; } = [];
    public CareerDirection Direction { get; set; }
    public string TargetField { get; set; } = "";
    public string TargetRole { get; set; } = "";
    public string RequiredLanguages { get; set; } = "";
    public AskFor Ask { get; set; }
    public bool RequireMeetingOverlap { get; set; }

    public bool OpenToMentoring { get; set; }
    public int MentorCapacity { get; set; }
    public int? HoursPerMonth { get; set; }
    public string MentorTopics { get; set; } = "";
    public string QualitiesOffered { get; set; } = "";
    public List<string> FormatsOffered { get; set; } = [];
    public List<string> Motivations { get; set; } = [];
    public bool OpenToPeerMentoring { get; set; }
    public bool OpenToReverseMentoring { get; set; }
    public Guid? Version { get; set; }

    public static ProfileForm From(ProfileView v) => new()
    {
        DisplayName = v.DisplayName, Headline = v.Headline, Bio = v.Bio, TimeZone = v.TimeZone,
        WorkdayStartHour = v.WorkdayStartHour, WorkdayEndHour = v.WorkdayEndHour, Languages = Join(v.Languages.Select(LanguageCodes.Name)),
        Field = v.Field, CurrentRole = v.CurrentRole, YearsOfExperience = v.YearsOfExperience, Skills = Join(v.Skills),
        Interests = Join(v.Interests), CareerHistory = v.CareerHistory.Select(c => new CareerRow { Title = c.Title, Organisation = c.Organisation, FromYear = c.FromYear, ToYear = c.ToYear, Summary = c.Summary }).ToList(), Visibility = v.Visibility,
        PreviousFields = Join(v.PreviousFields),
        MeetingWindows = [.. v.MeetingWindows.Select(w => new WindowRow { Day = w.Day, Start = w.Start, End = w.End })],
        Direction = v.AsMentee?.Direction ?? CareerDirection.Stay, TargetField = v.AsMentee?.TargetField ?? "",
        TargetRole = v.AsMentee?.TargetRole ?? "", RequiredLanguages = Join(v.AsMentee?.RequiredLanguages.Select(LanguageCodes.Name)),
        Ask = v.AsMentee?.Ask ?? AskFor.Mentor, RequireMeetingOverlap = v.AsMentee?.RequireMeetingOverlap ?? false,
        SeekingMentor = v.AsMentee?.SeekingMentor ?? false, MenteeGoals = v.AsMentee?.Goals ?? "",
        QualitiesSought = Join(v.AsMentee?.QualitiesSought), PreferredFormats = [.. v.AsMentee?.PreferredFormats ?? []],
        OpenToMentoring = v.AsMentor?.OpenToMentoring ?? false, MentorCapacity = v.AsMentor?.Capacity ?? 0,
        HoursPerMonth = v.AsMentor?.HoursPerMonth, MentorTopics = Join(v.AsMentor?.Topics),
        QualitiesOffered = Join(v.AsMentor?.QualitiesOffered), FormatsOffered = [.. v.AsMentor?.FormatsOffered ?? []],
        Motivations = [.. v.AsMentor?.Motivations ?? []], OpenToPeerMentoring = v.AsMentor?.OpenToPeerMentoring ?? false,
        OpenToReverseMentoring = v.AsMentor?.OpenToReverseMentoring ?? false, Version = v.Version,
    };

    public ProfileInput ToInput() => new()
    {
        DisplayName = DisplayName ?? "", Headline = Headline ?? "", Bio = Bio ?? "", TimeZone = TimeZone ?? "",
        WorkdayStartHour = WorkdayStartHour, WorkdayEndHour = WorkdayEndHour, Languages = Split(Languages),
        Field = Field ?? "", CurrentRole = CurrentRole ?? "", YearsOfExperience = YearsOfExperience, Skills = Split(Skills),
        Interests = Split(Interests),
        // Blank rows of the career table are simply not filled in.
        CareerHistory = CareerHistory
            .Where(c => !string.IsNullOrWhiteSpace(c.Title) || !string.IsNullOrWhiteSpace(c.Organisation) || c.FromYear is not null)
            .Select(c => new CareerStep { Title = c.Title ?? "", Organisation = c.Organisation ?? "", FromYear = c.FromYear ?? 0, ToYear = c.ToYear, Summary = c.Summary ?? "" })
            .ToList(),
        PreviousFields = Split(PreviousFields),
        // Rows left blank are simply not filled in; a half-filled row is sent so its error shows.
        MeetingWindows = MeetingWindows
            .Where(w => w.Day is not null || !string.IsNullOrWhiteSpace(w.Start) || !string.IsNullOrWhiteSpace(w.End))
            .Select(w => new MeetingWindowInput { Day = w.Day ?? (DayOfWeek)(-1), Start = w.Start ?? "", End = w.End ?? "" })
            .ToList(),
        Direction = Direction, TargetField = TargetField ?? "", TargetRole = TargetRole ?? "",
        RequiredLanguages = Split(RequiredLanguages), Ask = Ask, RequireMeetingOverlap = RequireMeetingOverlap,
        Visibility = Visibility, SeekingMentor = SeekingMentor, MenteeGoals = MenteeGoals ?? "",
        QualitiesSought = Split(QualitiesSought), PreferredFormats = PreferredFormats, OpenToMentoring = OpenToMentoring,
        MentorCapacity = MentorCapacity, HoursPerMonth = HoursPerMonth, MentorTopics = Split(MentorTopics),
        QualitiesOffered = Split(QualitiesOffered), FormatsOffered = FormatsOffered, Motivations = Motivations,
        OpenToPeerMentoring = OpenToPeerMentoring, OpenToReverseMentoring = OpenToReverseMentoring, Version = Version,
    };

    private static string Join(IEnumerable<string>? values) => values is null ? "" : string.Join(", ", values);

    private static List<string> Split(string? text) =>
        (text ?? "").Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}

/// <summary>A row of the meeting windows table; blank unless the member fills it in.</summary>
public sealed class WindowRow
{
    public DayOfWeek? Day { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
}

/// <summary>A row of the career table; every part may be blank because most rows are.</summary>
public sealed class CareerRow
{
    public string? Title { get; set; }
    public string? Organisation { get; set; }
    public int? FromYear { get; set; }
    public int? ToYear { get; set; }
    public string? Summary { get; set; }
}
