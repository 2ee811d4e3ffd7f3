using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Infrastructure;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Email;

namespace Trellis.Web.Features.Notifications;

/// <summary>
/// Once a day, from 08:00 in the member's own time zone, gathers the notifications they chose to get
/// as a digest into one e-mail. Claiming the rows and writing the e-mail happen in one transaction,
/// so two nodes never send the same digest and a crash never loses one.
/// </summary>
public sealed class DigestSender(IServiceScopeFactory scopes, TimeProvider time)
{
    public const int LocalHour = 8;

    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var links = scope.ServiceProvider.GetRequiredService<SiteLinks>();
        // Whole milliseconds: the claimed rows are found again by this exact instant, and PostgreSQL
        // keeps microseconds while the clock has 100 ns ticks.
        var clock = time.GetUtcNow();
        var now = new DateTimeOffset(clock.UtcTicks - clock.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

        var members = await db.Notifications
            .Where(n => n.Email == EmailDelivery.PendingDigest)
            .Select(n => n.MemberId).Distinct()
            .Join(db.Users, id => id, u => u.Id, (id, u) => new { u.Id, u.Email })
            .GroupJoin(db.Profiles, u => u.Id, p => p.MemberId, (u, p) => new { u, p })
            .SelectMany(x => x.p.DefaultIfEmpty(), (x, p) => new { x.u.Id, x.u.Email, TimeZone = p == null ? "UTC" : p.TimeZone })
            .ToListAsync(ct);

        var sent = 0;
        foreach (var member in members)
        {
            var local = MemberClock.Zone(member.TimeZone).LocalAt(now);
            if (local.Hour < LocalHour || member.Email is null) continue;
            var startOfLocalDay = new DateTimeOffset(local.Date, local.Offset).ToUniversalTime();
            if (await db.Notifications.AnyAsync(n => n.MemberId == member.Id && n.Email == EmailDelivery.Digested && n.DigestedAt >= startOfLocalDay, ct))
                continue;

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Notifications
                .Where(n => n.MemberId == member.Id && n.Email == EmailDelivery.PendingDigest)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Email, EmailDelivery.Digested).SetProperty(n => n.DigestedAt, now), ct);
            if (claimed == 0) continue;
            var items = await db.Notifications
                .Where(n => n.MemberId == member.Id && n.Email == EmailDelivery.Digested && n.DigestedAt == now)
                .OrderBy(n => n.CreatedAt)
                .Select(n => new { n.Title, n.Body })
                .ToListAsync(ct);
            db.OutboxMessages.Add(OutboxMessage.Email(member.Email, Emails.Digest(items.Select(i => (i.Title, i.Body)).ToList(), links.Absolute("/Notifications")), now));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            sent++;
        }
        return sent;
    }
}

public sealed class DigestWorker(DigestSender sender, TimeProvider time, ILogger<DigestWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(10), time);
        do
        {
            try { await sender.SendDueAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { log.LogError(ex, "Digest run failed; will retry"); }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
