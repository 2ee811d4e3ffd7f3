using System.Globalization;

namespace Trellis.Web.Features.Profiles;

/// <summary>
/// What a member may send to change their profile, from the API or the edit page. Both use
/// <see cref="Validate"/>, so a rule can never differ between the two.
/// </summary>
public sealed class ProfileInput
{
    public const int HeadlineMax = 140;
    public const int ShortTextMax = 100;
    public const int LongTextMax = 4000;
    public const int ListMax = 30;
    public const int ListItemMax = 60;
    public const int WindowsMax = 21;

    public static readonly string[] Formats = ["video", "phone", "in-person", "messages"];
    public static readonly string[] MotivationValues = ["legacy", "giving-back", "challenge", "learning", "believing-in-people"];

    public string DisplayName { get; set; } = "";
    public string Headline { get; set; } = "";
    public string Bio { get; set; } = "";
    public string TimeZone { get; set; } = "UTC";
    public int WorkdayStartHour { get; set; } = 9;
    public int WorkdayEndHour { get; set; } = 17;
    public List<string> Languages { get; set; } = [];
    public string Field { get; set; } = "";
    public string CurrentRole { get; set; } = "";
    public int YearsOfExperience { get; set; }
    public List<string> Skills { get; set; } = [];
    public List<string> Interests { get; set; } = [];
    public List<CareerStep> CareerHistory { get; set; } = [];
    public List<string> PreviousFields { get; set; } = [];
    public List<MeetingWindowInput> MeetingWindows { get; set; } = [];
    public ProfileVisibility Visibility { get; set; } = ProfileVisibility.Members;

    public bool SeekingMentor { get; set; }
    public string MenteeGoals { get; set; } = "";
    public List<string> QualitiesSought { get; set; } = [];
    public List<string> PreferredFormats { get; set; } = [];
    public CareerDirection Direction { get; set; } = CareerDirection.Stay;
    public string TargetField { get; set; } = "";
    public string TargetRole { get; set; } = "";
    public List<string> RequiredLanguages { get; set; } = [];
    public AskFor Ask { get; set; } = AskFor.Mentor;
    public bool RequireMeetingOverlap { get; set; }

    public bool OpenToMentoring { get; set; }
    public int MentorCapacity { get; set; }
    public int? HoursPerMonth { get; set; }
    public List<string> MentorTopics { get; set; } = [];
    public List<string> QualitiesOffered { get; set; } = [];
    public List<string> FormatsOffered { get; set; } = [];
    public List<string> Motivations { get; set; } = [];
    public bool OpenToPeerMentoring { get; set; }
    public bool OpenToReverseMentoring { get; set; }

    /// <summary>The version the member started editing from; a different current version means someone
    /// (another tab, another device) saved in between.</summary>
    public Guid? Version { get; set; }

    /// <summary>Errors keyed by the field's JSON name, as in a problem document.</summary>
    public Dictionary<string, string[]> Validate(int currentYear)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }
        void Text(string field, string? value, int max, bool required = false)
        {
            if (required && string.IsNullOrWhiteSpace(value)) Add(field, "This field is required.");
            else if (value is not null && value.Length > max) Add(field, $"Must be at most {max} characters.");
        }
        void List(string field, List<string>? values, string[]? allowed = null)
        {
            if (values is null) { Add(field, "Must be a list."); return; }
            if (values.Count > ListMax) Add(field, $"At most {ListMax} entries.");
            foreach (var v in values)
            {
                if (string.IsNullOrWhiteSpace(v)) { Add(field, "Entries cannot be empty."); break; }
                if (v.Length > ListItemMax) { Add(field, $"Each entry must be at most {ListItemMax} characters."); break; }
                if (allowed is not null && !allowed.Contains(v.Trim().ToLowerInvariant()))
                {
                    Add(field, $"'{v}' is not one of: {string.Join(", ", allowed)}.");
                    break;
                }
            }
        }
        void Range(string field, int value, int min, int max)
        {
            if (value < min || value > max) Add(field, $"Must be between {min} and {max}.");
        }

        // Friendly forms ("London", "English") become what is stored (Europe/London, en) before anything is checked.
        TimeZone = TimeZones.Resolve(TimeZone) ?? TimeZone;
        Languages = Languages?.Select(l => LanguageCodes.Resolve(l) ?? l).ToList()!;
        RequiredLanguages = RequiredLanguages?.Select(l => LanguageCodes.Resolve(l) ?? l).ToList()!;

        Text("displayName", DisplayName, Accounts.Member.DisplayNameMaxLength, required: true);
        Text("headline", Headline, HeadlineMax);
        Text("bio", Bio, LongTextMax);
        if (!TimeZones.IsValidIana(TimeZone)) Add("timeZone", "Pick your time zone from the list, or type your city, such as Paris or Europe/Paris.");
        Range("workdayStartHour", WorkdayStartHour, 0, 23);
        Range("workdayEndHour", WorkdayEndHour, 1, 24);
        if (WorkdayEndHour <= WorkdayStartHour) Add("workdayEndHour", "Must be later than the start of the working day.");
        List("languages", Languages);
        if (Languages is not null && Languages.Any(l => !LanguageCodes.IsValid(l)))
            Add("languages", LanguageCodes.Unknown);
        Text("field", Field, ShortTextMax);
        Text("currentRole", CurrentRole, ShortTextMax);
        Range("yearsOfExperience", YearsOfExperience, 0, 70);
        List("skills", Skills);
        List("interests", Interests);
        ValidateCareer(currentYear, Add);
        List("previousFields", PreviousFields);
        ValidateWindows(Add);

        Text("menteeGoals", MenteeGoals, LongTextMax);
        List("qualitiesSought", QualitiesSought);
        List("preferredFormats", PreferredFormats, Formats);
        if (!Enum.IsDefined(Direction)) Add("direction", "Must be Stay or Move.");
        Text("targetField", TargetField, ShortTextMax, required: Direction == CareerDirection.Move);
        if (Direction == CareerDirection.Move && string.Equals(TargetField?.Trim(), Field?.Trim(), StringComparison.OrdinalIgnoreCase))
            Add("targetField", "Must differ from your current field; to grow where you are, choose to stay.");
        Text("targetRole", TargetRole, ShortTextMax);
        List("requiredLanguages", RequiredLanguages);
        if (RequiredLanguages is not null && Languages is not null)
        {
            if (RequiredLanguages.Any(l => !LanguageCodes.IsValid(l)))
                Add("requiredLanguages", LanguageCodes.Unknown);
            else if (RequiredLanguages.Any(r => !Languages.Any(l => string.Equals(l.Trim(), r.Trim(), StringComparison.OrdinalIgnoreCase))))
                Add("requiredLanguages", "Each must also be one of the languages you speak.");
        }
        if (!Enum.IsDefined(Ask)) Add("ask", "Must be Mentor, Peer or Junior.");

        Range("mentorCapacity", MentorCapacity, 0, 50);
        if (HoursPerMonth is { } hours) Range("hoursPerMonth", hours, 0, 200);
        if (OpenToMentoring && MentorCapacity == 0) Add("mentorCapacity", "A mentor needs room for at least one mentee.");
        List("mentorTopics", MentorTopics);
        List("qualitiesOffered", QualitiesOffered);
        List("formatsOffered", FormatsOffered, Formats);
        List("motivations", Motivations, MotivationValues);
        if (!Enum.IsDefined(Visibility)) Add("visibility", "Must be Public, Members or Programs.");

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private void ValidateWindows(Action<string, string> add)
    {
        if (MeetingWindows is null) { add("meetingWindows", "Must be a list."); return; }
        if (MeetingWindows.Count > WindowsMax) add("meetingWindows", $"At most {WindowsMax} windows.");
        for (var i = 0; i < MeetingWindows.Count; i++)
        {
            var window = MeetingWindows[i];
            var at = $"meetingWindows[{i}]";
            if (!Enum.IsDefined(window.Day)) add($"{at}.day", "Must be a day of the week, such as Monday.");
            var start = MeetingWindowInput.ParseTime(window.Start);
            var end = MeetingWindowInput.ParseTime(window.End);
            if (start is null) add($"{at}.start", "Must be a time such as 19:00.");
            if (end is null) add($"{at}.end", "Must be a time such as 22:00.");
            if (start is not null && start == end) add($"{at}.end", "Must differ from the start.");
        }
    }

    private void ValidateCareer(int currentYear, Action<string, string> add)
    {
        if (CareerHistory is null) { add("careerHistory", "Must be a list."); return; }
        if (CareerHistory.Count > ListMax) add("careerHistory", $"At most {ListMax} entries.");
        for (var i = 0; i < CareerHistory.Count; i++)
        {
            var step = CareerHistory[i];
            var at = $"careerHistory[{i}]";
            if (string.IsNullOrWhiteSpace(step.Title)) add($"{at}.title", "This field is required.");
            else if (step.Title.Length > ShortTextMax) add($"{at}.title", $"Must be at most {ShortTextMax} characters.");
            if (step.Organisation?.Length > ShortTextMax) add($"{at}.organisation", $"Must be at most {ShortTextMax} characters.");
            if (step.Summary?.Length > 1000) add($"{at}.summary", "Must be at most 1000 characters.");
            if (step.FromYear < 1940 || step.FromYear > currentYear) add($"{at}.fromYear", $"Must be between 1940 and {currentYear}.");
            if (step.ToYear is { } to && (to < step.FromYear || to > currentYear)) add($"{at}.toYear", "Must be between the start year and this year.");
        }
    }
}

/// <summary>A meeting window as members type it: a day and two local times such as "19:00" and "22:00".</summary>
public sealed class MeetingWindowInput
{
    public DayOfWeek Day { get; set; }
    public string Start { get; set; } = "";
    public string End { get; set; } = "";

    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : null;

    public static MeetingWindowInput From(MeetingWindow w) => new()
    {
        Day = w.Day,
        Start = w.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
        End = w.End.ToString("HH:mm", CultureInfo.InvariantCulture),
    };

    /// <summary>Only after <see cref="ProfileInput.Validate"/> passed.</summary>
    internal MeetingWindow ToWindow() => new() { Day = Day, Start = ParseTime(Start)!.Value, End = ParseTime(End)!.Value };
}

public static class TimeZones
{
    /// <summary>IANA ids only ("Europe/Paris", "UTC"): what is stored, so zones stay portable.</summary>
    public static bool IsValidIana(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64) return false;
        if (!id.Contains('/') && id is not ("UTC" or "Etc/UTC")) return false;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
    }

    /// <summary>Every IANA zone this machine knows, in order, for pickers.</summary>
    public static IReadOnlyList<string> All { get; } =
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(IsValidIana).Order(StringComparer.Ordinal).ToList();

    // "london" → Europe/London, "new york" → America/New_York: a zone's last part is the city people know it by.
    // Where two zones share a city (a zone and its older alias) the first in order wins; both are the same clock.
    private static readonly Dictionary<string, string> ByCity = All.Where(id => id.Contains('/'))
        .GroupBy(id => Key(id[(id.LastIndexOf('/') + 1)..]))
        .ToDictionary(g => g.Key, g => g.First());

    /// <summary>
    /// The IANA id a member meant: an id as it is, "GMT"/"UTC", a city ("London", "são paulo"), or a Windows name
    /// ("Pacific Standard Time"). Null when it is none of these.
    /// </summary>
    public static string? Resolve(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64) return null;
        text = text.Trim();
        if (IsValidIana(text)) return text;
        if (text.Equals("GMT", StringComparison.OrdinalIgnoreCase) || text.Equals("UTC", StringComparison.OrdinalIgnoreCase)) return "UTC";
        if (ByCity.TryGetValue(Key(text), out var byCity)) return byCity;
        return TimeZoneInfo.TryConvertWindowsIdToIanaId(text, out var iana) && IsValidIana(iana) ? iana : null;
    }

    /// <summary>"London (UTC+00:00)": what a picker shows for a zone, with its offset at <paramref name="now"/>.</summary>
    public static string Label(string id, DateTimeOffset now)
    {
        var offset = TimeZoneInfo.FindSystemTimeZoneById(id).GetUtcOffset(now);
        var city = id.Contains('/') ? id[(id.LastIndexOf('/') + 1)..].Replace('_', ' ') : id;
        return $"{city} (UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm})";
    }

    private static string Key(string city)
    {
        var plain = new string(city.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
        return plain.Replace('_', ' ').Trim().ToLowerInvariant();
    }
}

public static class LanguageCodes
{
    private static readonly HashSet<string> Known = CultureInfo.GetCultures(CultureTypes.NeutralCultures)
        .Select(c => c.TwoLetterISOLanguageName)
        .Where(c => c.Length == 2)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    // "english", "français", "portuguese" → en, fr, pt: each language by its English and its own name.
    private static readonly Dictionary<string, string> ByName = CultureInfo.GetCultures(CultureTypes.NeutralCultures)
        .Where(c => c.TwoLetterISOLanguageName.Length == 2 && c.Name.Length == 2)
        .SelectMany(c => new[] { (Name: c.EnglishName, Code: c.TwoLetterISOLanguageName), (Name: c.NativeName, Code: c.TwoLetterISOLanguageName) })
        .Where(x => x.Name.Length > 2)
        .GroupBy(x => x.Name.Trim().ToLowerInvariant())
        .ToDictionary(g => g.Key, g => g.First().Code);

    public static bool IsValid(string? code) => code is { Length: 2 } && Known.Contains(code.Trim());

    /// <summary>The two-letter code for a code or a language's name ("English", "Português"); null when neither.</summary>
    public static string? Resolve(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (IsValid(text)) return text.ToLowerInvariant();
        return ByName.TryGetValue(text.ToLowerInvariant(), out var code) ? code : null;
    }

    public const string Unknown = "Write each language by its name or its two-letter code, such as English, Portuguese or fr.";

    public static string Name(string code) =>
        IsValid(code) ? CultureInfo.GetCultureInfo(code).EnglishName : code;
}
