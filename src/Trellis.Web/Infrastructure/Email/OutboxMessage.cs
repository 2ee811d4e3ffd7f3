using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trellis.Web.Infrastructure.Email;

/// <summary>
/// An e-mail waiting to be delivered. It is added to the same DbContext (and so the same
/// transaction) as the change that causes it; <see cref="OutboxDispatcher"/> delivers it later.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxAttempts = 10;

    private OutboxMessage() { }

    public static OutboxMessage Email(string to, EmailContent content, DateTimeOffset at) => new()
    {
        UnsubscribeUrl = content.UnsubscribeUrl,
        Id = Guid.CreateVersion7(at),
        To = to,
        Subject = content.Subject,
        TextBody = content.Text,
        HtmlBody = content.Html,
        CreatedAt = at,
        NextAttemptAt = at,
    };

    public Guid Id { get; private set; }
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string? HtmlBody { get; private set; }
    /// <summary>Where a mail program's "unsubscribe" goes (List-Unsubscribe, RFC 8058 one-click); null for
    /// e-mails nobody can turn off (account e-mails).</summary>
    public string? UnsubscribeUrl { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? FailedAt { get; private set; }

    /// <summary>A claim on the message by one dispatcher on one node; it lapses if that node dies.</summary>
    public DateTimeOffset? LockedUntil { get; private set; }
    public Guid? LockToken { get; private set; }

    /// <summary>Only the kind of failure, never the message content or the address.</summary>
    public string? LastError { get; private set; }

    /// <summary>Exponential back-off: 10 s, 20 s, 40 s … capped at one hour.</summary>
    public static TimeSpan BackOff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, Math.Max(0, attempts - 1))));
}

public sealed record EmailContent(string Subject, string Text, string? Html = null, string? UnsubscribeUrl = null);

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.HasKey(m => m.Id);
        b.Property(m => m.To).HasMaxLength(320);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.LastError).HasMaxLength(300);
        b.Property(m => m.UnsubscribeUrl).HasMaxLength(1000);
        b.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}
