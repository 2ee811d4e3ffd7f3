namespace Trellis.Web.Features.Programmes.Enrolment;

/// <summary>
/// An extra question on a programme's enrolment form. What matching does with the answers is the question's
/// <see cref="Use"/>: a hard constraint (never pair people who gave the same answer, such as a team or a
/// manager; or only pair people who did, such as a site), a soft preference (shared answers add to the score),
/// or information only (coordinators read it).
/// </summary>
public sealed class EnrolmentQuestion
{
    public const int TextMax = 300, KeyMax = 40, ChoiceMax = 100, MaxChoices = 30, MaxQuestions = 40;
    public const int AnswerMax = 2000, ShortAnswerMax = 200;

    private EnrolmentQuestion() { }

    public EnrolmentQuestion(Guid programmeId, int position, QuestionDefinition definition, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ProgrammeId = programmeId;
        Position = position;
        Define(definition);
    }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public int Position { get; private set; }

    /// <summary>A short name for CSV columns and the API ("team", "manager").</summary>
    public string Key { get; private set; } = "";
    public string Text { get; private set; } = "";
    public QuestionKind Kind { get; private set; }
    public List<string> Choices { get; private set; } = [];

    /// <summary>Which role is asked; null asks both.</summary>
    public ProgrammeRole? Role { get; private set; }
    public bool Required { get; private set; }
    public QuestionUse Use { get; private set; }
    public HardRule HardRule { get; private set; }

    public bool Asks(ProgrammeRole role) => Role is null || Role == role;

    public void Define(QuestionDefinition d)
    {
        Key = d.Key;
        Text = d.Text;
        Kind = d.Kind;
        Choices = d.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice ? [.. d.Choices] : [];
        Role = d.Role;
        Required = d.Required;
        Use = d.Use;
        HardRule = d.Use == QuestionUse.Hard ? d.HardRule : HardRule.Different;
    }

    public void MoveTo(int position) => Position = position;

    /// <summary>The answer cleaned, or why it cannot be accepted. Missing answers are allowed here; required ones are
    /// checked by the form as a whole.</summary>
    public (List<string> Values, string? Error) Check(IReadOnlyList<string>? raw)
    {
        var values = (raw ?? []).Select(v => (v ?? "").Trim()).Where(v => v.Length > 0).Distinct().ToList();
        switch (Kind)
        {
            case QuestionKind.ShortText when values.Count > 1 || values.Any(v => v.Length > ShortAnswerMax):
                return (values, $"One answer of at most {ShortAnswerMax} characters.");
            case QuestionKind.LongText when values.Count > 1 || values.Any(v => v.Length > AnswerMax):
                return (values, $"One answer of at most {AnswerMax} characters.");
            case QuestionKind.SingleChoice when values.Count > 1:
                return (values, "Choose one answer.");
            case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                var known = values.Select(v => Choices.FirstOrDefault(c => string.Equals(c, v, StringComparison.OrdinalIgnoreCase))).ToList();
                return known.Any(k => k is null)
                    ? (values, $"Choose from: {string.Join(", ", Choices)}.")
                    : (known.Select(k => k!).ToList(), null);
            case QuestionKind.Scale when values.Count > 1 || values.Any(v => v is not ("1" or "2" or "3" or "4" or "5")):
                return (values, "Choose a number from 1 to 5.");
            default:
                return (values, null);
        }
    }
}

public sealed record QuestionDefinition(string Key, string Text, QuestionKind Kind, IReadOnlyList<string> Choices,
    ProgrammeRole? Role, bool Required, QuestionUse Use, HardRule HardRule);

public enum QuestionKind
{
    ShortText,
    LongText,
    SingleChoice,
    MultipleChoice,
    Scale,
}

public enum QuestionUse
{
    /// <summary>Matching never breaks it.</summary>
    Hard,
    /// <summary>Shared answers make a pair more likely.</summary>
    Soft,
    /// <summary>For the coordinators to read; matching ignores it.</summary>
    Info,
}

public enum HardRule
{
    /// <summary>Never pair two people who gave the same answer (the same team, the same manager).</summary>
    Different,
    /// <summary>Only pair people who share an answer (the same site, the same city).</summary>
    Same,
}
