using Trellis.Web.Infrastructure.Validation;

namespace Trellis.Web.Features.Resources;

public sealed record ShareArticle(
    [Needed("Enter a link."), WebAddress] string? Url,
    [Needed, MaxChars(Resource.TitleMax, ResourceWords.TooLong)] string? Title,
    [MaxChars(Resource.NoteMax, ResourceWords.TooLong)] string? Note);

public sealed record ShareBook(
    [Needed, MaxChars(Resource.TitleMax, ResourceWords.TooLong)] string? Title,
    [Needed, MaxChars(Resource.AuthorMax, ResourceWords.TooLong)] string? Author,
    [Isbn] string? Isbn,
    [MaxChars(Resource.NoteMax, ResourceWords.TooLong)] string? Note,
    bool SendingCopy);

/// <summary>Status is text so that an unknown value names its field.</summary>
public sealed record UpdateReading(
    [Needed(ResourceWords.ChooseStatus), NameOf(typeof(ReadingStatus), ResourceWords.ChooseStatus)] string? Status,
    [MaxChars(Resource.ReflectionMax, ResourceWords.TooLong)] string? Reflection);

public sealed record ResourceView(
    Guid Id, ResourceKind Kind, string Title, string? Url, string? Author, string? Isbn, bool SendingCopy, string Note,
    Guid SharedBy, string SharedByName, DateTimeOffset SharedAt, ReadingStatus Status, string? Reflection, DateTimeOffset? UpdatedAt);

/// <summary>How resources are described on pages.</summary>
public static class ResourceWords
{
    public const string TooLong = "This can be at most {0:N0} characters.";
    public const string ChooseStatus = "Choose ToRead, Reading or Done.";

    public static string Describe(ReadingStatus status) => status switch
    {
        ReadingStatus.ToRead => "To read",
        ReadingStatus.Reading => "Reading",
        _ => "Done",
    };
}
