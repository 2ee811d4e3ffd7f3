using Microsoft.EntityFrameworkCore;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Programmes.Matching;

/// <summary>
/// Serialises the two writers of a programme's matches, an approval and a bulk run writing its drafts, across nodes:
/// each takes the programme's row (a no-op UPDATE inside its transaction; PostgreSQL locks the row, SQLite the
/// database) before reading what it decides on, so one always sees the other's result.
/// </summary>
public static class ProgrammeLock
{
    public static Task<int> TakeAsync(TrellisDbContext db, Guid programmeId, CancellationToken ct) =>
        db.Programmes.Where(p => p.Id == programmeId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Version, p => p.Version), ct);
}
