using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Infrastructure.Email;

/// <summary>
/// Delivers outbox e-mails. Safe on any number of nodes: a message is claimed with a conditional
/// UPDATE, so only one node sends it, and a claim that is never completed lapses and is retried.
/// Each message carries a Message-ID derived from its outbox id, so a resend after a crash between
/// "SMTP accepted" and "marked sent" is recognisably the same message (see ADR 0004).
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> log)
{
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(2);

    /// <summary>Sends what is due now; returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var now = time.GetUtcNow();
        var due = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now
                        && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(50)
            .ToListAsync(ct);

        var sent = 0;
        foreach (var id in due)
        {
            var token = Guid.NewGuid();
            var until = now + ClaimDuration;
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, until).SetProperty(m => m.LockToken, token), ct);
            if (claimed == 0) continue; // another node has it

            var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct);
            try
            {
                await transport.SendAsync(ToMime(message), ct);
                var at = time.GetUtcNow();
                await db.OutboxMessages.Where(m => m.Id == id && m.LockToken == token)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, at).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), ct);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var attempts = message.Attempts + 1;
                var at = time.GetUtcNow();
                var next = at + OutboxMessage.BackOff(attempts);
                DateTimeOffset? failedAt = attempts >= OutboxMessage.MaxAttempts ? at : null;
                var error = $"{ex.GetType().Name}: {Truncate(ex.Message, 200)}";
                log.LogWarning("Outbox message {OutboxId} failed attempt {Attempt}: {ErrorType}", id, attempts, ex.GetType().Name);
                await db.OutboxMessages.Where(m => m.Id == id && m.LockToken == token)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.Attempts, attempts)
                        .SetProperty(m => m.NextAttemptAt, next)
                        .SetProperty(m => m.FailedAt, failedAt)
                        .SetProperty(m => m.LastError, error)
                        .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), ct);
            }
        }
        return sent;
    }

    private MimeMessage ToMime(OutboxMessage m)
    {
        var mime = new MimeMessage
        {
            MessageId = $"{m.Id:N}@trellis",
            Subject = m.Subject,
            Date = m.CreatedAt,
        };
        mime.From.Add(MailboxAddress.Parse(options.Value.From));
        mime.To.Add(MailboxAddress.Parse(m.To));
        if (m.UnsubscribeUrl is { } unsubscribe)
        {
            // RFC 8058: mail programs show "unsubscribe" and POST List-Unsubscribe=One-Click to the address.
            mime.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var body = new BodyBuilder { TextBody = m.TextBody, HtmlBody = m.HtmlBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

public sealed class OutboxWorker(OutboxDispatcher dispatcher, IOptions<EmailOptions> options, TimeProvider time, ILogger<OutboxWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                await dispatcher.DispatchDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Outbox dispatch failed; will retry");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
