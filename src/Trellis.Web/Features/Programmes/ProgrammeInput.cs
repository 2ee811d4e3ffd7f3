using System.Text.RegularExpressions;
using Trellis.Web.Features.Mentorships.Agreements;

namespace Trellis.Web.Features.Programmes;

/// <summary>A site administrator creates a programme and names its first coordinator (the owner).</summary>
public sealed class CreateProgrammeInput
{
    public string? Slug { get; set; }
    public string? Name { get; set; }
    public ProgrammeKind? Kind { get; set; }
    public string? OwnerEmail { get; set; }

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Errors();
        errors.Slug("slug", Slug);
        errors.Text("name", Name, Programme.NameMax, required: true);
        if (Kind is null) errors.Add("kind", "Choose Cohort or Evergreen.");
        else if (!Enum.IsDefined(Kind.Value)) errors.Add("kind", "Must be Cohort or Evergreen.");
        if (string.IsNullOrWhiteSpace(OwnerEmail)) errors.Add("ownerEmail", "Name the member who will coordinate it.");
        return errors.ToDictionary();
    }
}

/// <summary>Name, description, kind, dates and role names, as a coordinator edits them.</summary>
public sealed class ProgrammeDetailsInput
{
    public string? Name { get; set; }
    public string? Description { get; set; } = "";
    public ProgrammeKind? Kind { get; set; }
    public DateOnly? EnrolmentOpensOn { get; set; }
    public DateOnly? EnrolmentClosesOn { get; set; }
    public DateOnly? MatchingOn { get; set; }
    public DateOnly? RunsFrom { get; set; }
    public DateOnly? RunsUntil { get; set; }
    public string? MenteeTerm { get; set; } = "";
    public string? MentorTerm { get; set; } = "";
    public Guid? Version { get; set; }

    public static ProgrammeDetailsInput From(Programme p) => new()
    {
        Name = p.Name, Description = p.Description, Kind = p.Kind, EnrolmentOpensOn = p.EnrolmentOpensOn,
        EnrolmentClosesOn = p.EnrolmentClosesOn, MatchingOn = p.MatchingOn, RunsFrom = p.RunsFrom,
        RunsUntil = p.RunsUntil, MenteeTerm = p.MenteeTerm, MentorTerm = p.MentorTerm, Version = p.Version,
    };

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Errors();
        errors.Text("name", Name, Programme.NameMax, required: true);
        errors.Text("description", Description, Programme.DescriptionMax);
        if (Kind is null) errors.Add("kind", "Choose Cohort or Evergreen.");
        else if (!Enum.IsDefined(Kind.Value)) errors.Add("kind", "Must be Cohort or Evergreen.");
        errors.Term("menteeTerm", MenteeTerm);
        errors.Term("mentorTerm", MentorTerm);
        // Each date, when given, comes after the ones before it.
        (string Field, DateOnly? Day, string Label)[] days =
        [
            ("enrolmentOpensOn", EnrolmentOpensOn, "enrolment opens"),
            ("enrolmentClosesOn", EnrolmentClosesOn, "enrolment closes"),
            ("matchingOn", MatchingOn, "matching"), ("runsFrom", RunsFrom, "the programme starts"),
        ];
        for (var i = 1; i < days.Length; i++)
            for (var j = 0; j < i; j++)
                if (days[i].Day is { } later && days[j].Day is { } earlier && later < earlier)
                {
                    errors.Add(days[i].Field, $"Must not be before the day {days[j].Label}.");
                    break;
                }
        if (RunsUntil is { } until && RunsFrom is { } from && until <= from)
            errors.Add("runsUntil", "Must be after the day the programme starts.");
        if (Version is null) errors.Add("version", "Send the version you started editing from.");
        return errors.ToDictionary();
    }

    public ProgrammeDetails ToDetails() => new(Name!.Trim(), (Description ?? "").Trim(), Kind!.Value, EnrolmentOpensOn,
        EnrolmentClosesOn, MatchingOn, RunsFrom, RunsUntil, (MenteeTerm ?? "").Trim(), (MentorTerm ?? "").Trim());
}

/// <summary>Who may enrol in each role and what each role must have filled in.</summary>
public sealed partial class EnrolmentSettingsInput
{
    public const int MaxDomains = 50, MaxCapacity = 50;

    public EnrolmentAccess? MenteeAccess { get; set; }
    public List<string>? MenteeDomains { get; set; } = [];
    public List<ProfileField>? MenteeRequiredFields { get; set; } = [];
    public EnrolmentAccess? MentorAccess { get; set; }
    public List<string>? MentorDomains { get; set; } = [];
    public List<ProfileField>? MentorRequiredFields { get; set; } = [];
    public int? DefaultMentorCapacity { get; set; }
    public Guid? Version { get; set; }

    public static EnrolmentSettingsInput From(Programme p) => new()
    {
        MenteeAccess = p.MenteeEnrolment.Access, MenteeDomains = [.. p.MenteeEnrolment.Domains],
        MenteeRequiredFields = [.. p.MenteeEnrolment.RequiredFields], MentorAccess = p.MentorEnrolment.Access,
        MentorDomains = [.. p.MentorEnrolment.Domains], MentorRequiredFields = [.. p.MentorEnrolment.RequiredFields],
        DefaultMentorCapacity = p.DefaultMentorCapacity, Version = p.Version,
    };

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Errors();
        Role(errors, "mentee", MenteeAccess, MenteeDomains, MenteeRequiredFields);
        Role(errors, "mentor", MentorAccess, MentorDomains, MentorRequiredFields);
        if (DefaultMentorCapacity is null) errors.Add("defaultMentorCapacity", "This field is required.");
        else if (DefaultMentorCapacity is < 1 or > MaxCapacity)
            errors.Add("defaultMentorCapacity", $"Must be between 1 and {MaxCapacity} mentees.");
        if (Version is null) errors.Add("version", "Send the version you started editing from.");
        return errors.ToDictionary();
    }

    private static void Role(Errors errors, string role, EnrolmentAccess? access, List<string>? domains,
        List<ProfileField>? required)
    {
        if (access is null) errors.Add(role + "Access", "Choose who may enrol.");
        else if (!Enum.IsDefined(access.Value)) errors.Add(role + "Access", "Must be Open, InvitationOnly or Domains.");
        var clean = Domains(domains);
        if (clean.Count > MaxDomains) errors.Add(role + "Domains", $"At most {MaxDomains} domains.");
        if (clean.FirstOrDefault(d => !DomainPattern().IsMatch(d)) is { } bad)
            errors.Add(role + "Domains", $"“{bad}” is not an e-mail domain such as example.org.");
        if (access == EnrolmentAccess.Domains && clean.Count == 0)
            errors.Add(role + "Domains", "Name at least one e-mail domain, such as example.org.");
        if (required?.Any(f => !Enum.IsDefined(f)) == true)
            errors.Add(role + "RequiredFields", $"Each must be one of: {string.Join(", ", Enum.GetNames<ProfileField>())}.");
    }

    public static List<string> Domains(IEnumerable<string>? domains) => (domains ?? [])
        .SelectMany(d => (d ?? "").Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries))
        .Select(d => d.Trim().TrimStart('@').ToLowerInvariant()).Where(d => d.Length > 0).Distinct().ToList();

    public EnrolmentRules Rules(ProgrammeRole role) => role == ProgrammeRole.Mentee
        ? new() { Access = MenteeAccess!.Value, Domains = Domains(MenteeDomains), RequiredFields = Distinct(MenteeRequiredFields) }
        : new() { Access = MentorAccess!.Value, Domains = Domains(MentorDomains), RequiredFields = Distinct(MentorRequiredFields) };

    private static List<ProfileField> Distinct(List<ProfileField>? fields) => (fields ?? []).Distinct().Order().ToList();

    [GeneratedRegex("^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$")]
    private static partial Regex DomainPattern();
}

/// <summary>The matching mode, the agreement template and the introduction e-mail.</summary>
public sealed class MatchingSettingsInput
{
    public MatchingMode? Mode { get; set; }
    public BulkMethod? BulkMethod { get; set; }
    public int? MaxOpenRequests { get; set; }
    public bool StartDirectly { get; set; }
    public AgreementInput? Template { get; set; }
    public string? IntroSubject { get; set; }
    public string? IntroBody { get; set; }
    public Guid? Version { get; set; }

    public static MatchingSettingsInput From(Programme p) => new()
    {
        Mode = p.MatchingMode, BulkMethod = p.BulkMethod, MaxOpenRequests = p.MaxOpenRequests,
        StartDirectly = p.StartDirectly, Template = AgreementInput.From(p.Template.Build(["(the mentee's goals)"],
            DateOnly.MaxValue, "")), IntroSubject = p.IntroSubject, IntroBody = p.IntroBody, Version = p.Version,
    };

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Errors();
        if (Mode is null) errors.Add("mode", "Choose how pairs are made.");
        else if (!Enum.IsDefined(Mode.Value)) errors.Add("mode", "Must be MenteeChoice, ByHand or Bulk.");
        if (BulkMethod is null) errors.Add("bulkMethod", "Choose Optimal or Stable.");
        else if (!Enum.IsDefined(BulkMethod.Value)) errors.Add("bulkMethod", "Must be Optimal or Stable.");
        if (MaxOpenRequests is null) errors.Add("maxOpenRequests", "This field is required.");
        else if (MaxOpenRequests is < 1 or > 10) errors.Add("maxOpenRequests", "Must be between 1 and 10 requests.");
        // The template is an agreement without the pair's own goals and start day: check the rest as one.
        var template = Template ?? new AgreementInput();
        template.Goals = ["(the mentee's goals)"];
        template.StartDate = DateOnly.MaxValue;
        template.PersonalNote = "";
        foreach (var (field, messages) in template.Validate(DateOnly.MinValue, "template."))
            foreach (var message in messages) errors.Add(field, message);
        errors.Text("introSubject", IntroSubject, ProgrammeInput.IntroSubjectMax, required: true);
        errors.Text("introBody", IntroBody, ProgrammeInput.IntroBodyMax, required: true);
        if (Version is null) errors.Add("version", "Send the version you started editing from.");
        return errors.ToDictionary();
    }

    public ProgrammeMatchingSettings ToSettings() => new(Mode!.Value, BulkMethod!.Value, MaxOpenRequests!.Value,
        StartDirectly, ProgrammeTemplate.From(Template!.ToAgreement()), IntroSubject!.Trim(), IntroBody!.Trim());
}

public static partial class ProgrammeInput
{
    public const int IntroSubjectMax = 200, IntroBodyMax = 4000;

    /// <summary>Addresses the site itself uses under /Programmes.</summary>
    public static readonly string[] ReservedSlugs = ["new", "mine", "invitations", "admin", "manage", "api"];

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")]
    public static partial Regex SlugPattern();
}

/// <summary>Collects field errors keyed by JSON name.</summary>
internal sealed class Errors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public void Text(string field, string? value, int max, bool required = false)
    {
        if (required && string.IsNullOrWhiteSpace(value)) Add(field, "This field is required.");
        else if (value?.Trim().Length > max) Add(field, $"Must be at most {max} characters.");
    }

    public void Slug(string field, string? slug)
    {
        var s = slug?.Trim().ToLowerInvariant() ?? "";
        if (s.Length == 0) Add(field, "This field is required.");
        else if (s.Length is < 3 or > Programme.SlugMax) Add(field, $"Must be 3 to {Programme.SlugMax} characters.");
        else if (!ProgrammeInput.SlugPattern().IsMatch(s))
            Add(field, "Use lower-case letters, digits and hyphens, such as spring-cohort-2027.");
        else if (ProgrammeInput.ReservedSlugs.Contains(s)) Add(field, $"“{s}” is used by Trellis itself; choose another.");
    }

    public void Term(string field, string? term)
    {
        var t = term?.Trim() ?? "";
        if (t.Length > Programme.TermMax) Add(field, $"Must be at most {Programme.TermMax} characters.");
        else if (t.Any(c => !char.IsLetter(c) && c is not ' ' and not '-'))
            Add(field, "Use letters only, such as student or alumnus.");
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
