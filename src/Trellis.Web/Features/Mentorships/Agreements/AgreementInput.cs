namespace Trellis.Web.Features.Mentorships.Agreements;

/// <summary>
/// An agreement as a member sends it, from the API or a page. Required values are nullable so that a
/// missing one is reported by name instead of silently becoming 0. <see cref="Validate"/> is the one rule set.
/// </summary>
public sealed class AgreementInput
{
    public const int GoalsMax = 10;
    public const int GoalMax = 200;
    public const int ConfidentialityMax = 2000;
    public const int CommitmentsMax = 1000;
    public const int NoteMax = 2000;
    public static readonly string[] ChannelValues = ["messages", "email"];

    public Formality? Formality { get; set; }
    public int? CadenceEvery { get; set; }
    public CadenceUnit? CadenceUnit { get; set; }
    public int? MeetingMinutes { get; set; }
    public MeetingMedium? Medium { get; set; }
    public List<string>? Channels { get; set; } = [];
    public int? ResponseWithinDays { get; set; }
    public List<string>? Goals { get; set; } = [];
    public string? Confidentiality { get; set; }
    public DateOnly? StartDate { get; set; }
    public int? DurationMonths { get; set; }
    public int? ReviewEveryMonths { get; set; }
    public string? MenteeCommitments { get; set; } = "";
    public string? PersonalNote { get; set; } = "";

    public static AgreementInput From(Agreement a) => new()
    {
        Formality = a.Formality,
        CadenceEvery = a.CadenceEvery,
        CadenceUnit = a.CadenceUnit,
        MeetingMinutes = a.MeetingMinutes,
        Medium = a.Medium,
        Channels = [.. a.Channels],
        ResponseWithinDays = a.ResponseWithinDays,
        Goals = [.. a.Goals],
        Confidentiality = a.Confidentiality,
        StartDate = a.StartDate,
        DurationMonths = a.DurationMonths,
        ReviewEveryMonths = a.ReviewEveryMonths,
        MenteeCommitments = a.MenteeCommitments,
        PersonalNote = a.PersonalNote,
    };

    /// <summary>Errors keyed by JSON name, each prefixed with <paramref name="prefix"/> (e.g. "agreement.").</summary>
    public Dictionary<string, string[]> Validate(DateOnly today, string prefix = "")
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(prefix + field, out var list)) errors[prefix + field] = list = [];
            list.Add(message);
        }
        void Required(string field, object? value)
        {
            if (value is null) Add(field, "This field is required.");
        }
        void Range(string field, int? value, int min, int max, string unit)
        {
            if (value is null) Add(field, "This field is required.");
            else if (value < min || value > max) Add(field, $"Must be between {min} and {max} {unit}.");
        }
        void Text(string field, string? value, int max, bool required = false)
        {
            if (required && string.IsNullOrWhiteSpace(value)) Add(field, "This field is required.");
            else if (value is not null && value.Length > max) Add(field, $"Must be at most {max} characters.");
        }

        Required("formality", Formality);
        if (Formality is { } f && !Enum.IsDefined(f)) Add("formality", "Must be Formal, Informal or InBetween.");
        Range("cadenceEvery", CadenceEvery, 1, 12, "weeks or months");
        Required("cadenceUnit", CadenceUnit);
        if (CadenceUnit is { } u && !Enum.IsDefined(u)) Add("cadenceUnit", "Must be Weeks or Months.");
        Range("meetingMinutes", MeetingMinutes, 15, 240, "minutes");
        Required("medium", Medium);
        if (Medium is { } m && !Enum.IsDefined(m)) Add("medium", "Must be Phone, Video or InPerson.");
        if (Channels is null) Add("channels", "Must be a list.");
        else if (Channels.Any(c => !ChannelValues.Contains(c?.Trim().ToLowerInvariant())))
            Add("channels", $"Each entry must be one of: {string.Join(", ", ChannelValues)}.");
        Range("responseWithinDays", ResponseWithinDays, 1, 14, "days");
        if (Goals is null || Goals.All(string.IsNullOrWhiteSpace)) Add("goals", "Name at least one goal: it is what the mentorship is for.");
        else if (Goals.Count > GoalsMax) Add("goals", $"At most {GoalsMax} goals.");
        else if (Goals.Any(g => g?.Length > GoalMax)) Add("goals", $"Each goal must be at most {GoalMax} characters.");
        Text("confidentiality", Confidentiality, ConfidentialityMax, required: true);
        if (StartDate is null) Add("startDate", "This field is required.");
        else if (StartDate < today) Add("startDate", "Must be today or later.");
        Range("durationMonths", DurationMonths, 1, 36, "months");
        Range("reviewEveryMonths", ReviewEveryMonths, 1, 36, "months");
        if (ReviewEveryMonths > DurationMonths) Add("reviewEveryMonths", "Cannot be longer than the planned duration.");
        Text("menteeCommitments", MenteeCommitments, CommitmentsMax);
        Text("personalNote", PersonalNote, NoteMax);

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    /// <summary>Only after <see cref="Validate"/> found nothing.</summary>
    public Agreement ToAgreement() => new(
        Formality!.Value, CadenceEvery!.Value, CadenceUnit!.Value, MeetingMinutes!.Value, Medium!.Value,
        (Channels ?? []).Select(c => c.Trim().ToLowerInvariant()).Distinct().ToList(), ResponseWithinDays!.Value,
        (Goals ?? []).Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()).ToList(),
        Confidentiality!.Trim(), StartDate!.Value, DurationMonths!.Value, ReviewEveryMonths!.Value,
        (MenteeCommitments ?? "").Trim(), (PersonalNote ?? "").Trim());
}
