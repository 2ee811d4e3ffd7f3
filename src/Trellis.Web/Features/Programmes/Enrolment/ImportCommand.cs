using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Programmes.Enrolment;

/// <summary>
/// <c>trellis programme import --slug S --file F [--dry-run]</c>: imports a participants CSV file as the programme's owner
/// would on the Import page, through the same <see cref="ParticipantImport"/> (all or nothing, bad rows with their lines),
/// and prints what it did and how long it took. For operators with a file too large to upload, and for timing
/// (docs/performance.md).
/// </summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string slug, string path, bool dryRun, TextWriter output,
        TextWriter error, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"--file: no file at {path}.");
            return 1;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var programme = await db.Programmes.AsNoTracking().Where(p => p.Slug == slug).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct);
        if (programme is not { } id)
        {
            await error.WriteLineAsync($"--slug: no programme at /Programmes/{slug}.");
            return 1;
        }
        var owner = await db.ProgrammeCoordinators.AsNoTracking().Where(c => c.ProgrammeId == id && c.IsOwner)
            .OrderBy(c => c.AddedAt).Select(c => c.MemberId).FirstAsync(ct);

        var clock = Stopwatch.StartNew();
        var file = await File.ReadAllBytesAsync(path, ct);
        var result = await scope.ServiceProvider.GetRequiredService<ParticipantImport>().RunAsync(owner, id, file, dryRun, ct);
        clock.Stop();
        if (!result.IsSuccess)
        {
            await error.WriteLineAsync(result.Error.Detail);
            return 1;
        }
        var s = result.Value;
        foreach (var bad in s.Errors) await error.WriteLineAsync($"  line {bad.Line}: {bad.Reason}");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{(s.Imported ? "Imported" : s.DryRun && s.ErrorCount == 0 ? "Dry run, nothing written" : "Refused, nothing written")}: " +
            $"{s.Rows} rows, {s.Added} added ({s.AddedComplete} enrolled), {s.Updated} updated, {s.Invited} invited, " +
            $"{s.AlreadyInvited} already invited, {s.SkippedLeft} skipped (left), {s.ErrorCount} bad rows, in {clock.Elapsed.TotalSeconds:F1} s."));
        return s.ErrorCount == 0 ? 0 : 1;
    }
}
