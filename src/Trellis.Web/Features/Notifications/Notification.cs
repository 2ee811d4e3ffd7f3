using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Accounts;

namespace Trellis.Web.Features.Notifications;

/// <summary>Something that happened that a member should know about, shown in their notification centre.</summary>
public sealed class Notification
{
    private Notification() { }

    public Notification(Guid memberId, NotificationKind kind, string title, string body, string? link, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        MemberId = memberId;
        Kind = kind;
        Title = title;
        Body = body;
        Link = link;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid MemberId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    /// <summary>A path inside Trellis (never an external URL).</summary>
    public string? Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }
    public EmailDelivery Email { get; private set; } = EmailDelivery.None;
    public DateTimeOffset? DigestedAt { get; private set; }

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;

    internal void EmailImmediately() => Email = EmailDelivery.Sent;
    internal void WaitForDigest() => Email = EmailDelivery.PendingDigest;
}

/// <summary>Every kind of event that e-mails or notifies a member; features add theirs here.</summary>
public enum NotificationKind
{
    Account,
    MentorshipRequest,
    CounterProposal,
    RequestAnswered,
    MeetingChanged,
    MeetingReminder,
    NewMessage,
    CritiqueAnswered,
    CheckIn,
    ReviewDue,
    MentorshipQuestion,
    RequestReminder,
    MentorshipChanged,
    ReportFiled,
    CritiqueRequested,
    ResourceShared,
    Endorsement,
    Programme,
    Guides,
}

public enum EmailDelivery
{
    None,
    Sent,
    PendingDigest,
    Digested,
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.HasKey(n => n.Id);
        b.HasOne<Member>().WithMany().HasForeignKey(n => n.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.Property(n => n.Title).HasMaxLength(200);
        b.Property(n => n.Body).HasMaxLength(2000);
        b.Property(n => n.Link).HasMaxLength(500);
        b.HasIndex(n => new { n.MemberId, n.ReadAt });
        b.HasIndex(n => new { n.Email, n.MemberId });
    }
}
