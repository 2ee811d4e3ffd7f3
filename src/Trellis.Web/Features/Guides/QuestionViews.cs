using Trellis.Web.Infrastructure.Validation;

namespace Trellis.Web.Features.Guides;

public sealed record AskQuestion([Needed(QuestionWords.NeedQuestion), MaxChars(GuideQuestion.TextMax)] string? Text);

public sealed record AnswerQuestion([Needed(QuestionWords.NeedAnswer), MaxChars(GuideAnswer.TextMax)] string? Text);

public sealed record MarkAnswer([Needed(QuestionWords.NeedAnswerId)] Guid? AnswerId);

/// <summary>The questions under a guide as the caller may see them, and what the caller may do there. Hidden items
/// appear (flagged) only to those who moderate the guide.</summary>
public sealed record ThreadView(Guid GuideId, bool CanAsk, bool CanMark, bool CanModerate, IReadOnlyList<QuestionView> Questions);

public sealed record QuestionView(Guid Id, Guid AskerId, string AskerName, string Text, string Html, DateTimeOffset AskedAt,
    bool Hidden, Guid? AcceptedAnswerId, IReadOnlyList<AnswerView> Answers);

public sealed record AnswerView(Guid Id, Guid AuthorId, string AuthorName, string Text, string Html, DateTimeOffset AnsweredAt,
    bool Hidden, bool IsTheAnswer);

public static class QuestionWords
{
    public const string NeedQuestion = "Write your question.";
    public const string NeedAnswer = "Write your answer.";
    public const string NeedAnswerId = "Say which answer is the answer.";
    public const string NoSuchQuestion = "There is no such question, or you cannot see it.";
    public const string NoSuchAnswer = "There is no such answer, or you cannot see it.";

    /// <summary>What a notification quotes of a question or an answer.</summary>
    public static string Excerpt(string text) => text.Length <= 200 ? text : text[..197].TrimEnd() + "…";
}
