namespace Trellis.Web.Features.Resources;

public sealed record ShareArticle(string? Url, string? Title, string? Note);

public sealed record ShareBook(string? Title, string? Author, string? Isbn, string? Note, bool SendingCopy);

/// <summary>Status is text so that an unknown value names its field.</summary>
public sealed record UpdateReading(string? Status, string? Reflection);

public sealed record ResourceView(
    Guid Id, ResourceKind Kind, string Title, string? Url, string? Author, string? Isbn, bool SendingCopy, string Note,
    Guid SharedBy, string SharedByName, DateTimeOffset SharedAt, ReadingStatus Status, string? Reflection, DateTimeOffset? UpdatedAt);

/// <summary>How resources are described on pages.</summary>
public static class ResourceWords
{
    public static string Describe(ReadingStatus status) => status switch
    {
        ReadingStatus.ToRead => "To read",
        ReadingStatus.Reading => "Reading",
        _ => "Done",
    };
}
