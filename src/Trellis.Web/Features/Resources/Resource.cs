using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.Mentorships;

namespace Trellis.Web.Features.Resources;

public enum ResourceKind { Article, Book }

public enum ReadingStatus { ToRead, Reading, Done }

/// <summary>
/// An article or a book one member shares with the other ("he would send me links of articles to read";
/// "a few times a year, he'd send me a book"). Every resource is an item on the mentee's reading list:
/// the mentee moves it from to read to reading to done and may write a reflection, which the mentor sees too.
/// </summary>
public sealed class Resource
{
    public const int TitleMax = 300;
    public const int AuthorMax = 200;
    public const int NoteMax = 4000;
    public const int ReflectionMax = 20_000;

    private Resource() { }

    private Resource(Guid mentorshipId, Guid sharedBy, ResourceKind kind, string title, string note, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        MentorshipId = mentorshipId;
        SharedBy = sharedBy;
        Kind = kind;
        Title = title;
        Note = note;
        SharedAt = at;
        Status = ReadingStatus.ToRead;
    }

    public static Resource Article(Guid mentorshipId, Guid sharedBy, string url, string title, string note, DateTimeOffset at) =>
        new(mentorshipId, sharedBy, ResourceKind.Article, title, note, at) { Url = url };

    public static Resource Book(Guid mentorshipId, Guid sharedBy, string title, string author, string? isbn13, string note, bool sendingCopy, DateTimeOffset at) =>
        new(mentorshipId, sharedBy, ResourceKind.Book, title, note, at) { Author = author, Isbn = isbn13, SendingCopy = sendingCopy };

    public Guid Id { get; private set; }
    public Guid MentorshipId { get; private set; }
    public Guid SharedBy { get; private set; }
    public ResourceKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>An article's address (http or https only; never fetched by Trellis).</summary>
    public string? Url { get; private set; }
    public string? Author { get; private set; }
    /// <summary>ISBN-13 digits, whichever form was typed.</summary>
    public string? Isbn { get; private set; }
    /// <summary>"I'm sending you a copy."</summary>
    public bool SendingCopy { get; private set; }
    /// <summary>Why it is worth reading.</summary>
    public string Note { get; private set; } = "";
    public DateTimeOffset SharedAt { get; private set; }
    public ReadingStatus Status { get; private set; }
    public string? Reflection { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }

    /// <summary>The reading list is the mentee's: only they move an item or write its reflection.</summary>
    public Error? UpdateReading(bool byMentee, ReadingStatus status, string? reflection, DateTimeOffset at)
    {
        if (!byMentee) return new ConflictError("Only the mentee keeps the reading list.");
        Status = status;
        Reflection = string.IsNullOrWhiteSpace(reflection) ? null : reflection.Trim();
        UpdatedAt = at;
        return null;
    }
}

public sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasOne<Mentorship>().WithMany().HasForeignKey(r => r.MentorshipId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.SharedBy).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Title).HasMaxLength(Resource.TitleMax);
        b.Property(r => r.Url).HasMaxLength(WebLink.MaxLength);
        b.Property(r => r.Author).HasMaxLength(Resource.AuthorMax);
        b.Property(r => r.Isbn).HasMaxLength(13);
        b.Property(r => r.Note).HasMaxLength(Resource.NoteMax);
        b.Property(r => r.Reflection).HasMaxLength(Resource.ReflectionMax);
        b.HasIndex(r => new { r.MentorshipId, r.SharedAt });
    }
}
