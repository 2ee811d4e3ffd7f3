using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Trellis.Matching.Embeddings;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Observability;

namespace Trellis.Web.Features.FindMentor;

/// <summary>How many profiles wait for their text to be embedded, and since when the oldest has waited.</summary>
public sealed record EmbeddingBacklogCounts(int Mentors, int Mentees, DateTimeOffset? OldestWaitingSince)
{
    public int Total => Mentors + Mentees;
}

/// <summary>
/// The embedding backlog, counted from the database (so every node reports the same figure) and published as the
/// gauge <c>trellis.embeddings.waiting{role}</c>. Until its text is embedded a profile is found by keywords only, so
/// an operator who sees this climb knows search quality is degraded, not broken.
/// </summary>
public sealed class EmbeddingBacklog
{
    private EmbeddingBacklogCounts last = new(0, 0, null);

    public EmbeddingBacklog(IMeterFactory meters)
    {
        var meter = meters.Create(ObservabilitySetup.MeterName);
        meter.CreateObservableGauge("trellis.embeddings.waiting", () => new[]
        {
            new Measurement<int>(last.Mentors, new KeyValuePair<string, object?>("role", "mentor")),
            new Measurement<int>(last.Mentees, new KeyValuePair<string, object?>("role", "mentee")),
        }, unit: "{profile}", description: "Profiles whose text is not embedded yet with the current model");
    }

    /// <summary>The one definition of "waiting": in the role, and no vector from this model at least as new as the profile.</summary>
    internal static IQueryable<Profiles.Profile> Waiting(TrellisDbContext db, EmbeddingRole role)
    {
        var mentor = role == EmbeddingRole.Mentor;
        return db.Profiles.AsNoTracking()
            .Where(p => mentor ? p.OpenToMentoring : p.SeekingMentor)
            .Where(p => !db.ProfileEmbeddings.Any(e => e.MemberId == p.MemberId && e.Role == role
                && e.Model == EmbeddingRefresher.Model && e.ComputedAt >= p.UpdatedAt));
    }

    /// <summary>Counts the backlog now and publishes it.</summary>
    public async Task<EmbeddingBacklogCounts> CountAsync(TrellisDbContext db, CancellationToken ct)
    {
        var mentors = await Waiting(db, EmbeddingRole.Mentor).CountAsync(ct);
        var mentees = await Waiting(db, EmbeddingRole.Mentee).CountAsync(ct);
        DateTimeOffset? oldest = null;
        if (mentors + mentees > 0)
        {
            // Two small queries instead of a MIN over a union: both providers translate them the same way.
            var m = await Waiting(db, EmbeddingRole.Mentor).OrderBy(p => p.UpdatedAt).Select(p => (DateTimeOffset?)p.UpdatedAt).FirstOrDefaultAsync(ct);
            var s = await Waiting(db, EmbeddingRole.Mentee).OrderBy(p => p.UpdatedAt).Select(p => (DateTimeOffset?)p.UpdatedAt).FirstOrDefaultAsync(ct);
            oldest = m is null ? s : s is null ? m : (m < s ? m : s);
        }
        return Record(new EmbeddingBacklogCounts(mentors, mentees, oldest));
    }

    /// <summary>
    /// For the worker, which asks every 2 seconds: the usual answer is "nothing waits", which two existence checks
    /// give without counting every profile; the full count runs only when something does wait.
    /// </summary>
    public async Task<EmbeddingBacklogCounts> CountIfWaitingAsync(TrellisDbContext db, CancellationToken ct) =>
        await Waiting(db, EmbeddingRole.Mentor).AnyAsync(ct) || await Waiting(db, EmbeddingRole.Mentee).AnyAsync(ct)
            ? await CountAsync(db, ct)
            : Record(new EmbeddingBacklogCounts(0, 0, null));

    /// <summary>Publishes counts the refresher already knows, as it works through a batch.</summary>
    public EmbeddingBacklogCounts Record(EmbeddingBacklogCounts counts) => last = counts;
}

/// <summary>
/// Readiness detail: Healthy when nothing has waited long, Degraded (still serving: search falls back to keywords)
/// when a profile has waited more than 15 minutes — the worker is stuck or far behind.
/// </summary>
public sealed class EmbeddingBacklogCheck(EmbeddingBacklog backlog, IServiceScopeFactory scopes, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan TooLong = TimeSpan.FromMinutes(15);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var counts = await backlog.CountAsync(scope.ServiceProvider.GetRequiredService<TrellisDbContext>(), cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["mentorsWaiting"] = counts.Mentors,
            ["menteesWaiting"] = counts.Mentees,
            ["model"] = EmbeddingRefresher.Model,
        };
        if (counts.OldestWaitingSince is { } since) data["oldestWaitingSince"] = since.ToString("O");
        var description = $"{counts.Total} profile(s) waiting to be embedded";
        return counts.OldestWaitingSince is { } oldest && time.GetUtcNow() - oldest > TooLong
            ? HealthCheckResult.Degraded(description + $"; the oldest for more than {TooLong.TotalMinutes:0} minutes", data: data)
            : HealthCheckResult.Healthy(description, data);
    }
}
