using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Accounts;

namespace Trellis.Web.Features.Notifications;

public enum EmailFrequency
{
    Immediately,
    DailyDigest,
    Never,
}

/// <summary>A member's choice for one kind; kinds without a row use <see cref="Defaults"/>.</summary>
public sealed class NotificationPreference
{
    private NotificationPreference() { }

    public NotificationPreference(Guid memberId, NotificationKind kind, EmailFrequency frequency)
    {
        MemberId = memberId;
        Kind = kind;
        Frequency = frequency;
    }

    public Guid MemberId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public EmailFrequency Frequency { get; set; }

    /// <summary>Messages arrive in bursts, so they default to a digest; everything that needs an answer
    /// or concerns a date goes out at once.</summary>
    public static EmailFrequency Defaults(NotificationKind kind) => kind switch
    {
        NotificationKind.NewMessage => EmailFrequency.DailyDigest,
        _ => EmailFrequency.Immediately,
    };

    /// <summary>Kinds a member may tune. Account e-mails (confirmation, password) always go out.</summary>
    public static IReadOnlyList<NotificationKind> Tunable { get; } =
        Enum.GetValues<NotificationKind>().Where(k => k != NotificationKind.Account).ToArray();
}

public sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.HasKey(p => new { p.MemberId, p.Kind });
        b.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
