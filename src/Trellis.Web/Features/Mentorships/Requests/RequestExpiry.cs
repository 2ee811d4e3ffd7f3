using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Mentorships.Requests;

/// <summary>
/// Mentors who never answer are the commonest complaint about mentoring tools. A request waiting too
/// long expires, with one reminder to the member who owes the answer beforehand; both are told. Each
/// row is claimed by saving it with its concurrency token, so when several nodes run this at once
/// exactly one of them records (and notifies) each reminder and each expiry.
/// </summary>
public sealed class RequestExpiry(IServiceScopeFactory scopes, TimeProvider time)
{
    public sealed record Outcome(int Reminded, int Expired);

    public async Task<Outcome> RunDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var due = await db.Mentorships
            .Where(m => Mentorship.OpenStatuses.Contains(m.Status) && (m.ExpiresAt <= now || (m.RemindAt <= now && m.RemindedAt == null)))
            .Select(m => m.Id)
            .ToListAsync(ct);

        int reminded = 0, expired = 0;
        foreach (var id in due)
        {
            // A fresh scope per row: a lost race on one row must not leave stale entities for the next.
            using var rowScope = scopes.CreateScope();
            var rowDb = rowScope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            var notifier = rowScope.ServiceProvider.GetRequiredService<Notifier>();
            var m = await rowDb.Mentorships.Include(x => x.Versions).SingleAsync(x => x.Id == id, ct);
            var names = await rowDb.Users.Where(u => u.Id == m.MenteeId || u.Id == m.MentorId).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            var link = MentorshipHandlers.Link(m);

            var awaited = new[] { Party.Mentee, Party.Mentor }.Where(m.Awaits).ToList();
            if (m.Expire(now) is null)
            {
                if (m.DirectStart)
                {
                    foreach (var party in new[] { Party.Mentee, Party.Mentor })
                        await notifier.PublishAsync(m.MemberOf(party), NotificationKind.RequestAnswered,
                            $"Your programme's match with {names[m.MemberOf(Mentorship.Other(party))]} expired",
                            "It was not accepted by both of you in time, so it has closed.", link, ct);
                }
                else
                {
                    await notifier.PublishAsync(m.MenteeId, NotificationKind.RequestAnswered, $"Your request to {names[m.MentorId]} expired",
                        "It got no answer in time, so it has closed. You are free to ask someone else, or to ask again later.", link, ct);
                    await notifier.PublishAsync(m.MentorId, NotificationKind.RequestAnswered, $"The request from {names[m.MenteeId]} expired",
                        "It waited for an answer too long and has closed. Nothing more is needed from you.", link, ct);
                }
                if (await TrySaveAsync(rowDb, ct)) expired++;
            }
            else if (awaited.Count > 0 && m.RecordReminder(now) is null)
            {
                foreach (var party in awaited)
                    await notifier.PublishAsync(m.MemberOf(party), NotificationKind.RequestReminder,
                        m.DirectStart ? $"Your programme's match with {names[m.MemberOf(Mentorship.Other(party))]} waits for your answer"
                            : $"{names[m.MemberOf(Mentorship.Other(party))]} is waiting for your answer",
                        m.DirectStart ? $"The match expires on {m.ExpiresAt:d MMMM yyyy} unless you both accept it."
                            : $"The request expires on {m.ExpiresAt:d MMMM yyyy} unless you accept, counter-propose or decline it.", link, ct);
                if (await TrySaveAsync(rowDb, ct)) reminded++;
            }
        }
        return new Outcome(reminded, expired);
    }

    private static async Task<bool> TrySaveAsync(TrellisDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false; // another node, or a member answering at this very moment, got there first
        }
    }
}

public sealed class RequestExpiryWorker(RequestExpiry expiry, TimeProvider time, ILogger<RequestExpiryWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(10), time);
        do
        {
            try { await expiry.RunDueAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { log.LogError(ex, "Request expiry run failed; will retry"); }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
