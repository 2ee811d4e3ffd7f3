namespace Trellis.Web.Features.Critiques;

public enum CritiqueStatus { Open, Answered, Closed }

/// <summary>The file attached to a piece of work: the store's key and what the content turned out to be.</summary>
public sealed record CritiqueFile(string Key, string Name, string ContentType, long Size, string Sha256);

/// <summary>
/// A piece of work the mentee sends for a quick critique: what it is, what feedback they want and by when,
/// and either a link or a file. The mentor answers once with a critique; after that both can reply.
/// The mentee closes it when done (and may reopen it). Status: open → answered → closed.
/// </summary>
public sealed class Critique
{
    public const int TitleMax = 200;
    public const int FeedbackMax = 4000;
    public const int TextMax = 20_000;

    private readonly List<CritiqueReply> _replies = [];

    private Critique() { }

    public Critique(Guid mentorshipId, Guid menteeId, string title, string feedbackWanted, DateOnly dueDate, string? link, CritiqueFile? file, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        MentorshipId = mentorshipId;
        MenteeId = menteeId;
        Title = title;
        FeedbackWanted = feedbackWanted;
        DueDate = dueDate;
        Link = link;
        File = file;
        Status = CritiqueStatus.Open;
        CreatedAt = at;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid MentorshipId { get; private set; }
    public Guid MenteeId { get; private set; }
    public string Title { get; private set; } = "";
    public string FeedbackWanted { get; private set; } = "";
    /// <summary>"By when", a day in the mentee's calendar.</summary>
    public DateOnly DueDate { get; private set; }
    public string? Link { get; private set; }
    public CritiqueFile? File { get; private set; }
    /// <summary>Set when the file was removed because the member who sent it deleted their account.</summary>
    public DateTimeOffset? FileRemovedAt { get; private set; }
    public CritiqueStatus Status { get; private set; }
    public string? Answer { get; private set; }
    public Guid? AnsweredBy { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>Changes on every move, so two answers given at once cannot both be saved.</summary>
    public Guid Version { get; private set; }

    public IReadOnlyList<CritiqueReply> Replies => _replies;

    public Error? Give(Guid by, bool byMentor, string text, DateTimeOffset at)
    {
        if (!byMentor) return new ConflictError("Only the mentor answers with a critique; you can reply below it.");
        if (Status != CritiqueStatus.Open) return new ConflictError(Status == CritiqueStatus.Answered
            ? "This work already has its critique; add a reply instead."
            : "This request is closed.");
        Answer = text;
        AnsweredBy = by;
        AnsweredAt = at;
        Status = CritiqueStatus.Answered;
        Version = Guid.NewGuid();
        return null;
    }

    public Error? Reply(Guid by, string text, DateTimeOffset at)
    {
        if (Status == CritiqueStatus.Closed) return new ConflictError("This request is closed; reopen it to reply.");
        _replies.Add(new CritiqueReply(Id, by, text, at));
        return null;
    }

    /// <summary>Only the mentee closes: it is their request, and they say when they have what they needed.</summary>
    public Error? Close(Guid by, DateTimeOffset at)
    {
        if (by != MenteeId) return new ConflictError("Only the mentee who sent the work closes it.");
        if (Status == CritiqueStatus.Closed) return new ConflictError("This request is already closed.");
        Status = CritiqueStatus.Closed;
        ClosedAt = at;
        Version = Guid.NewGuid();
        return null;
    }

    /// <summary>The mentee reopens a closed request: back to answered if it has its critique, else open.</summary>
    public Error? Reopen(Guid by)
    {
        if (by != MenteeId) return new ConflictError("Only the mentee who sent the work reopens it.");
        if (Status != CritiqueStatus.Closed) return new ConflictError("This request is not closed.");
        Status = Answer is null ? CritiqueStatus.Open : CritiqueStatus.Answered;
        ClosedAt = null;
        Version = Guid.NewGuid();
        return null;
    }

    /// <summary>Forgets the file (its bytes are deleted after the change commits) and returns its key.</summary>
    public string? DetachFile(DateTimeOffset at)
    {
        var key = File?.Key;
        if (key is null) return null;
        File = null;
        FileRemovedAt = at;
        return key;
    }

    public bool IsOverdue(DateOnly today) => Status == CritiqueStatus.Open && DueDate < today;
}

/// <summary>One message in the thread under a critique (either member, after or before the answer).</summary>
public sealed class CritiqueReply
{
    private CritiqueReply() { }

    public CritiqueReply(Guid critiqueId, Guid authorId, string text, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        CritiqueId = critiqueId;
        AuthorId = authorId;
        Text = text;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid CritiqueId { get; private set; }
    public Guid AuthorId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}
