using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.Mentorships;

namespace Trellis.Web.Features.Messages;

public enum MessageState
{
    Visible,
    Deleted,
    Hidden,
}

/// <summary>
/// One message in a mentorship's conversation, in Markdown. Its author may edit it for a short while and
/// delete it at any time; deleting erases the text from storage and leaves "message deleted" in its place.
/// A moderator may hide it: the text is kept for the moderators, and both members see "hidden".
/// </summary>
public sealed class Message
{
    public const int BodyMax = 20_000;

    private Message() { }

    public Message(Guid mentorshipId, int number, Guid authorId, string body, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        MentorshipId = mentorshipId;
        Number = number;
        AuthorId = authorId;
        Body = body;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid MentorshipId { get; private set; }
    /// <summary>1, 2, 3… within the conversation: the order of the conversation and the paging cursor.</summary>
    public int Number { get; private set; }
    public Guid AuthorId { get; private set; }
    /// <summary>Empty once deleted.</summary>
    public string Body { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? EditedAt { get; private set; }
    public DateTimeOffset? DeletedAt { get; private set; }
    public DateTimeOffset? HiddenAt { get; private set; }
    /// <summary>Concurrency token: changes on every edit, deletion and hiding.</summary>
    public int Version { get; private set; } = 1;

    public MessageState State => StateOf(DeletedAt, HiddenAt);

    public static MessageState StateOf(DateTimeOffset? deletedAt, DateTimeOffset? hiddenAt) =>
        deletedAt is not null ? MessageState.Deleted : hiddenAt is not null ? MessageState.Hidden : MessageState.Visible;

    public DateTimeOffset EditableUntil(TimeSpan window) => CreatedAt + window;

    public Error? Edit(Guid by, string body, DateTimeOffset at, TimeSpan window)
    {
        if (by != AuthorId) return new NotFoundError("No such message of yours.");
        if (State != MessageState.Visible) return new ConflictError(State == MessageState.Deleted ? "This message was deleted." : "This message was hidden by a moderator.");
        if (at > EditableUntil(window))
            return new ConflictError($"A message can be edited for {window.TotalMinutes:0} minutes after it was sent; send a new one instead.");
        Body = body;
        EditedAt = at;
        Version++;
        return null;
    }

    /// <summary>Erases the text. A hidden message stays as it is: moderators still need what was reported.</summary>
    public Error? Delete(Guid by, DateTimeOffset at)
    {
        if (by != AuthorId) return new NotFoundError("No such message of yours.");
        if (State == MessageState.Deleted) return null;
        if (State == MessageState.Hidden) return new ConflictError("This message was hidden by a moderator and can't be changed.");
        Body = "";
        DeletedAt = at;
        Version++;
        return null;
    }

    public void Hide(DateTimeOffset at)
    {
        if (HiddenAt is not null) return;
        HiddenAt = at;
        Version++;
    }
}

public sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.HasOne<Mentorship>().WithMany().HasForeignKey(m => m.MentorshipId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.Property(m => m.Body).HasMaxLength(Message.BodyMax);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.Ignore(m => m.State);
        b.HasIndex(m => new { m.MentorshipId, m.Number }).IsUnique();
    }
}
