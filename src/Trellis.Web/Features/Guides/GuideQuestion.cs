namespace Trellis.Web.Features.Guides;

/// <summary>
/// A member's question under a guide, and its answers. The guide's writers (its author, its programme's coordinators,
/// administrators) mark at most one answer as the answer; marking another replaces it. Hiding a question hides its
/// whole thread from members.
/// </summary>
public sealed class GuideQuestion
{
    public const int TextMax = 4000;

    private GuideQuestion() { }

    public GuideQuestion(Guid guideId, Guid askerId, string text, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        GuideId = guideId;
        AskerId = askerId;
        Text = text;
        AskedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid GuideId { get; private set; }
    public Guid AskerId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset AskedAt { get; private set; }
    public Guid? AcceptedAnswerId { get; private set; }
    public DateTimeOffset? HiddenAt { get; private set; }

    public bool IsHidden => HiddenAt is not null;

    public GuideError? Accept(GuideAnswer answer)
    {
        if (answer.QuestionId != Id) return GuideError.Invalid("answerId", "That answer is not under this question.");
        if (answer.IsHidden) return GuideError.Invalid("answerId", "A hidden answer cannot be marked as the answer.");
        AcceptedAnswerId = answer.Id;
        return null;
    }

    /// <summary>The mark goes when its answer is hidden or deleted.</summary>
    public void Forget(Guid answerId)
    {
        if (AcceptedAnswerId == answerId) AcceptedAnswerId = null;
    }

    public bool Hide(DateTimeOffset at)
    {
        if (IsHidden) return false;
        HiddenAt = at;
        return true;
    }
}

public sealed class GuideAnswer
{
    public const int TextMax = 4000;

    private GuideAnswer() { }

    public GuideAnswer(Guid questionId, Guid authorId, string text, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        QuestionId = questionId;
        AuthorId = authorId;
        Text = text;
        AnsweredAt = at;
    }

    public Guid Id { get; private set; }
    public Guid QuestionId { get; private set; }
    public Guid AuthorId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset AnsweredAt { get; private set; }
    public DateTimeOffset? HiddenAt { get; private set; }

    public bool IsHidden => HiddenAt is not null;

    public bool Hide(DateTimeOffset at)
    {
        if (IsHidden) return false;
        HiddenAt = at;
        return true;
    }
}
