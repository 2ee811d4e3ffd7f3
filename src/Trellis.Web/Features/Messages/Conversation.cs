using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.Mentorships;

namespace Trellis.Web.Features.Messages;

/// <summary>
/// The one conversation of a mentorship (its key is the mentorship's id). Sending a message increments
/// <see cref="LastNumber"/> with an UPDATE, which also locks the row until the message is saved, so two
/// messages sent at once on two nodes are numbered one after the other.
/// </summary>
public sealed class Conversation
{
    private Conversation() { }

    public Conversation(Guid mentorshipId) => MentorshipId = mentorshipId;

    public Guid MentorshipId { get; private set; }
    public int LastNumber { get; private set; }
}

/// <summary>
/// Where one member is in a conversation: the last message number they have read (unread counts) and
/// whether they were already told about unread messages since (<see cref="NotifiedAt"/>): at most one
/// notification per conversation until they read it.
/// </summary>
public sealed class ConversationRead
{
    private ConversationRead() { }

    public ConversationRead(Guid mentorshipId, Guid memberId)
    {
        MentorshipId = mentorshipId;
        MemberId = memberId;
    }

    public Guid MentorshipId { get; private set; }
    public Guid MemberId { get; private set; }
    public int LastReadNumber { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }
    public DateTimeOffset? NotifiedAt { get; private set; }
}

public sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.HasKey(c => c.MentorshipId);
        b.HasOne<Mentorship>().WithOne().HasForeignKey<Conversation>(c => c.MentorshipId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ConversationReadConfiguration : IEntityTypeConfiguration<ConversationRead>
{
    public void Configure(EntityTypeBuilder<ConversationRead> b)
    {
        b.HasKey(r => new { r.MentorshipId, r.MemberId });
        b.HasOne<Conversation>().WithMany().HasForeignKey(r => r.MentorshipId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.MemberId);
    }
}
