namespace Trellis.Web.Features.Critiques;

/// <summary>A file the mentee uploaded with a piece of work (form fields for the API's multipart POST).</summary>
public sealed record WorkFile(Stream Content, long Length, string? FileName);

/// <summary>What the mentee sends. DueDate is text so that a date that does not parse names its field.</summary>
public sealed record SubmitCritique(string? Title, string? FeedbackWanted, string? DueDate, string? Link, WorkFile? File);

/// <summary>The multipart form of POST /critiques, as the OpenAPI document describes it.</summary>
public sealed record SubmitCritiqueForm(string Title, string FeedbackWanted, string DueDate, string? Link, IFormFile? File);

public sealed record CritiqueText(string? Text);

public sealed record CritiqueSummary(Guid Id, string Title, CritiqueStatus Status, DateOnly DueDate, bool Overdue, bool HasFile, bool HasLink,
    DateTimeOffset CreatedAt, DateTimeOffset? AnsweredAt, int Replies);

public sealed record CritiqueFileView(string Name, string ContentType, long Size, string Sha256, string Download);

public sealed record CritiqueReplyView(Guid Id, Guid AuthorId, string AuthorName, string Text, DateTimeOffset CreatedAt);

public sealed record CritiqueView(
    Guid Id, Guid MentorshipId, string Title, string FeedbackWanted, DateOnly DueDate, bool Overdue, CritiqueStatus Status,
    string? Link, CritiqueFileView? File, DateTimeOffset? FileRemovedAt,
    string MenteeName, string MentorName, string? Answer, DateTimeOffset? AnsweredAt,
    IReadOnlyList<CritiqueReplyView> Replies, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt);

/// <summary>A request for critique waiting on the signed-in member, for the dashboard.</summary>
public sealed record CritiqueWaiting(Guid MentorshipId, Guid Id, string Title, string OtherName, bool IAmMentor, DateOnly DueDate, bool Overdue, CritiqueStatus Status);

/// <summary>How critiques are described on pages.</summary>
public static class CritiqueWords
{
    public static string Describe(CritiqueStatus status) => status switch
    {
        CritiqueStatus.Open => "waiting for a critique",
        CritiqueStatus.Answered => "answered",
        _ => "closed",
    };

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / (1024.0 * 1024):0.#} MB",
    };
}
