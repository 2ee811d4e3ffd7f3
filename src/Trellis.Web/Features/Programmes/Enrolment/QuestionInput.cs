using System.Text.RegularExpressions;

namespace Trellis.Web.Features.Programmes.Enrolment;

/// <summary>An enrolment question as a coordinator writes it (API and page).</summary>
public sealed partial class QuestionInput
{
    public string? Key { get; set; }
    public string? Text { get; set; }
    public QuestionKind? Kind { get; set; }
    public List<string>? Choices { get; set; } = [];
    public ProgrammeRole? Role { get; set; }
    public bool Required { get; set; }
    public QuestionUse? Use { get; set; }
    public HardRule? HardRule { get; set; }

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        var text = Text?.Trim() ?? "";
        if (text.Length == 0) errors["text"] = ["Write the question."];
        else if (text.Length > EnrolmentQuestion.TextMax) errors["text"] = [$"Must be at most {EnrolmentQuestion.TextMax} characters."];
        var key = NormalisedKey();
        if (key.Length == 0) errors["key"] = ["Give the question a short name, such as team."];
        else if (key.Length > EnrolmentQuestion.KeyMax || !KeyPattern().IsMatch(key))
            errors["key"] = [$"Lower-case letters, digits, - and _, at most {EnrolmentQuestion.KeyMax}, such as team or line-manager."];
        if (Kind is null || !Enum.IsDefined(Kind.Value))
            errors["kind"] = [$"Must be one of: {string.Join(", ", Enum.GetNames<QuestionKind>())}."];
        if (Role is { } r && !Enum.IsDefined(r)) errors["role"] = ["Must be Mentee, Mentor, or left out for both."];
        if (Use is null || !Enum.IsDefined(Use.Value)) errors["use"] = ["Must be Hard, Soft or Info."];
        if (HardRule is { } h && !Enum.IsDefined(h)) errors["hardRule"] = ["Must be Different or Same."];
        var choices = CleanChoices();
        if (Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice)
        {
            if (choices.Count < 2) errors["choices"] = ["Give at least two choices."];
            else if (choices.Count > EnrolmentQuestion.MaxChoices) errors["choices"] = [$"At most {EnrolmentQuestion.MaxChoices} choices."];
            else if (choices.Any(c => c.Length > EnrolmentQuestion.ChoiceMax))
                errors["choices"] = [$"Each choice must be at most {EnrolmentQuestion.ChoiceMax} characters."];
        }
        // What matching can do with each kind of answer: a long text is for people to read.
        // A hard rule compares one answer with one answer, exactly: several choices or a story cannot be kept.
        if (Use == QuestionUse.Hard && Kind is not (QuestionKind.ShortText or QuestionKind.SingleChoice))
            errors["use"] = ["Only a short text or a single choice can be a hard constraint."];
        if (Use == QuestionUse.Soft && Kind == QuestionKind.LongText)
            errors["use"] = ["A long text is for coordinators to read: make it Info."];
        return errors;
    }

    public string NormalisedKey() => (Key?.Trim().ToLowerInvariant() ?? "").Replace(' ', '-');

    private List<string> CleanChoices() => (Choices ?? [])
        .SelectMany(c => (c ?? "").Split('\n'))
        .Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public QuestionDefinition ToDefinition() => new(NormalisedKey(), Text!.Trim(), Kind!.Value, CleanChoices(), Role, Required,
        Use!.Value, HardRule ?? Enrolment.HardRule.Different);

    public static QuestionInput From(EnrolmentQuestion q) => new()
    {
        Key = q.Key, Text = q.Text, Kind = q.Kind, Choices = [.. q.Choices], Role = q.Role, Required = q.Required, Use = q.Use,
        HardRule = q.HardRule,
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex KeyPattern();
}
