using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Files;

namespace Trellis.Web.Features.Critiques;

/// <summary>
/// Removes stored files that no critique refers to and that are older than Files:OrphanAfter. Files are
/// deleted right after the change that unlinks them commits; this sweep catches what that missed (a crash
/// between commit and delete, a failed upload whose clean-up failed too). The age keeps it away from an
/// upload whose row is about to be written. Deleting twice is harmless, so several nodes may sweep at once.
/// </summary>
public sealed class OrphanFileSweep(IServiceScopeFactory scopes, IFileStore files, IOptions<FileStoreOptions> options, TimeProvider time, ILogger<OrphanFileSweep> log)
{
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - options.Value.OrphanAfter;
        var old = new List<string>();
        await foreach (var file in files.ListAsync(ct))
            if (file.CreatedAt < cutoff) old.Add(file.Key);

        var deleted = 0;
        foreach (var batch in old.Chunk(500))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            var keys = batch.ToList();
            var referenced = (await db.Set<Critique>().Where(c => c.File != null && keys.Contains(c.File.Key)).Select(c => c.File!.Key).ToListAsync(ct)).ToHashSet();
            foreach (var key in keys.Where(k => !referenced.Contains(k)))
            {
                await files.DeleteAsync(key, ct);
                deleted++;
            }
        }
        if (deleted > 0) log.LogInformation("Removed {Count} stored files no critique refers to", deleted);
        return deleted;
    }
}

[DisallowConcurrentExecution]
public sealed class OrphanFileSweepJob(OrphanFileSweep sweep) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await sweep.RunOnceAsync(cancellationToken);
}
