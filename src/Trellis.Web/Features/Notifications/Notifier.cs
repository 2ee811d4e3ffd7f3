using Microsoft.EntityFrameworkCore;
using Trellis.Web.Infrastructure;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Email;

namespace Trellis.Web.Features.Notifications;

/// <summary>
/// How features tell a member something. It only adds rows to the caller's DbContext: the
/// notification and its e-mail commit (or roll back) together with the change that caused them.
/// </summary>
public sealed class Notifier(TrellisDbContext db, TimeProvider time, SiteLinks links, Unsubscribe unsubscribe)
{
    /// <param name="email">False for news the member is looking at already (the welcome after confirming).</param>
    /// <param name="urgent">True for news that cannot wait for tomorrow's digest (a check-in raised for "today"):
    /// a member who chose the digest for this kind gets the e-mail now; one who chose "never" still gets none.</param>
    public async Task PublishAsync(Guid memberId, NotificationKind kind, string title, string body, string? link, CancellationToken ct = default, bool email = true, bool urgent = false)
    {
        var now = time.GetUtcNow();
        var notification = new Notification(memberId, kind, title, body, link, now);
        db.Notifications.Add(notification);

        var member = await db.Users.Where(u => u.Id == memberId)
            .Select(u => new { u.Email, u.EmailConfirmed, u.DeletedAt, u.DisplayName })
            .SingleOrDefaultAsync(ct);
        if (!email || member is null || member.DeletedAt is not null || !member.EmailConfirmed || member.Email is null) return;

        var frequency = await FrequencyAsync(memberId, kind, ct);
        if (kind == NotificationKind.Account || (urgent && frequency == EmailFrequency.DailyDigest)) frequency = EmailFrequency.Immediately;
        switch (frequency)
        {
            case EmailFrequency.Immediately:
                notification.EmailImmediately();
                db.OutboxMessages.Add(OutboxMessage.Email(member.Email, Content(memberId, member.DisplayName, kind, title, body, link), now));
                break;
            case EmailFrequency.DailyDigest:
                notification.WaitForDigest();
                break;
        }
    }

    /// <summary>The same news for many members at once (a coordinator's import), read in two queries instead of two
    /// per member. Each member's own e-mail preference for the kind still decides.</summary>
    public async Task PublishManyAsync(IReadOnlyCollection<Guid> memberIds, NotificationKind kind, string title, string body,
        string? link, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var ids = memberIds.Distinct().ToList();
        var members = await db.Users.Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.EmailConfirmed, u.DeletedAt, u.DisplayName }).ToListAsync(ct);
        var chosen = await db.NotificationPreferences.Where(p => p.Kind == kind && ids.Contains(p.MemberId))
            .ToDictionaryAsync(p => p.MemberId, p => p.Frequency, ct);
        foreach (var member in members)
        {
            var notification = new Notification(member.Id, kind, title, body, link, now);
            db.Notifications.Add(notification);
            if (member.DeletedAt is not null || !member.EmailConfirmed || member.Email is null) continue;
            switch (chosen.TryGetValue(member.Id, out var f) ? f : NotificationPreference.Defaults(kind))
            {
                case EmailFrequency.Immediately:
                    notification.EmailImmediately();
                    db.OutboxMessages.Add(OutboxMessage.Email(member.Email, Content(member.Id, member.DisplayName, kind, title, body, link), now));
                    break;
                case EmailFrequency.DailyDigest:
                    notification.WaitForDigest();
                    break;
            }
        }
    }

    /// <summary>Account e-mails (always sent) get no way to stop them; every other kind names itself and can be turned off.</summary>
    private EmailContent Content(Guid memberId, string name, NotificationKind kind, string title, string body, string? link)
    {
        var footer = kind == NotificationKind.Account
            ? new EmailFooter("account and security e-mails", links.Absolute("/Settings/Notifications"))
            : new EmailFooter(NotificationKinds.Describe(kind), links.Absolute("/Settings/Notifications"),
                unsubscribe.PageUrl(memberId, kind), unsubscribe.OneClickUrl(memberId, kind));
        return Emails.Notification(name, title, body, links.Absolute(link ?? "/Notifications"), footer);
    }

    private async Task<EmailFrequency> FrequencyAsync(Guid memberId, NotificationKind kind, CancellationToken ct)
    {
        var chosen = await db.NotificationPreferences
            .Where(p => p.MemberId == memberId && p.Kind == kind)
            .Select(p => (EmailFrequency?)p.Frequency)
            .SingleOrDefaultAsync(ct);
        return chosen ?? NotificationPreference.Defaults(kind);
    }
}
