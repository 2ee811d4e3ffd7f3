using Microsoft.EntityFrameworkCore;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Programmes.Health;

/// <summary>Reading and saving a programme's automatic nudges; only its coordinators (404 for anyone else).</summary>
public sealed class NudgeSettingsHandlers(TrellisDbContext db, ProgrammeAccess access, TimeProvider time)
{
    public const string StaleDetail = "Another coordinator changed these settings. Reload them to see the latest, then try again.";

    public static async Task<NudgeSettings> OfAsync(TrellisDbContext db, Guid programmeId, CancellationToken ct, bool tracking = false)
    {
        var query = db.Set<NudgeSettings>().Where(s => s.ProgrammeId == programmeId);
        return await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct) ?? NudgeSettings.Defaults(programmeId);
    }

    public async Task<Result<NudgeSettingsView>> GetAsync(Guid me, Guid programmeId, CancellationToken ct) =>
        await access.FindAsync(me, programmeId, ct) is null
            ? new NotFoundError()
            : NudgeSettingsView.Of(await OfAsync(db, programmeId, ct));

    public async Task<Result<NudgeSettingsView>> SaveAsync(Guid me, Guid programmeId, NudgeSettingsInput input, CancellationToken ct)
    {
        if (await access.FindAsync(me, programmeId, ct) is null) return new NotFoundError(); // first: an outsider learns nothing from a 400
        if (input.Errors() is { } invalid) return invalid;
        var settings = await OfAsync(db, programmeId, ct, tracking: true);
        if (settings.Version != input.Version) return new ConflictError(StaleDetail);
        if (db.Entry(settings).State == EntityState.Detached) db.Add(settings);
        settings.Set(input, time.GetUtcNow());
        if (await db.SaveOrConflictAsync(StaleDetail, ct) is { } conflict) return conflict;
        return NudgeSettingsView.Of(settings);
    }
}
