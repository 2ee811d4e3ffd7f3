using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Programmes.Matching;

/// <summary>
/// <c>trellis programme match --slug S</c>: queues a bulk run as the programme's owner would ("Match everyone") and does
/// it in this process at once, printing how long each stage took. For operators who want a run now, and for timing
/// (docs/performance.md); a running site does the same run through its job.
/// </summary>
public static class BulkCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string slug, TextWriter output, TextWriter error, CancellationToken ct)
    {
        Guid runId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            var programme = await db.Programmes.AsNoTracking().Where(p => p.Slug == slug).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct);
            if (programme is not { } id)
            {
                await error.WriteLineAsync($"--slug: no programme at /Programmes/{slug}.");
                return 1;
            }
            var owner = await db.ProgrammeCoordinators.AsNoTracking().Where(c => c.ProgrammeId == id && c.IsOwner)
                .OrderBy(c => c.AddedAt).Select(c => c.MemberId).FirstAsync(ct);
            var started = await scope.ServiceProvider.GetRequiredService<BulkHandlers>().StartAsync(owner, id, ct);
            if (!started.IsSuccess)
            {
                await error.WriteLineAsync(started.Error.Detail);
                return 1;
            }
            runId = started.Value.Id;
        }

        var runner = services.GetRequiredService<BulkRunner>();
        var clock = Stopwatch.StartNew();
        var timings = new List<(string Stage, TimeSpan Took)>();
        while (await runner.RunOnceAsync((stage, took) => timings.Add((stage, took)), ct))
            if (await FinishedAsync(services, runId, ct)) break;
        clock.Stop();

        await using (var scope = services.CreateAsyncScope())
        {
            var run = await scope.ServiceProvider.GetRequiredService<TrellisDbContext>().BulkRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
            foreach (var (stage, took) in timings)
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {stage,-22} {took.TotalSeconds,8:F2} s"));
            var outcome = string.Create(CultureInfo.InvariantCulture,
                $"Run {run.Status}: matched {run.Matched} of {run.Mentees} mentees with {run.Mentors} mentors in {clock.Elapsed.TotalSeconds:F1} s.");
            await output.WriteLineAsync(run.Failure is { Length: > 0 } why ? $"{outcome} {why}" : outcome);
            return run.Status == BulkRunStatus.Done ? 0 : 1;
        }
    }

    private static async Task<bool> FinishedAsync(IServiceProvider services, Guid runId, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TrellisDbContext>().BulkRuns.AsNoTracking()
            .AnyAsync(r => r.Id == runId && !BulkRun.ActiveStatuses.Contains(r.Status), ct);
    }
}
