using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Infrastructure.Data;

/// <summary>
/// "Someone else got there first", recognised in one place for both databases: a concurrency token that no longer
/// matches (<see cref="DbUpdateConcurrencyException"/>) or a unique index that let the other writer through
/// (PostgreSQL 23505; SQLite's UNIQUE and PRIMARY KEY constraints), or a database that refused one of two writers
/// (PostgreSQL serialization failure 40001 and deadlock 40P01; SQLite still busy or locked after its timeout) —
/// whether EF wrapped it in a <see cref="DbUpdateException"/> (SaveChanges) or not (ExecuteUpdate, raw SQL, a read
/// inside a transaction). Handlers save through
/// <see cref="SaveOrConflictAsync"/> and get a <see cref="ConflictError"/> (409 on the API, a message on the page);
/// jobs use <see cref="TrySaveAsync"/>; anything that escapes a handler becomes 409 at the API's exception handler.
/// Every other database failure stays an exception: a broken foreign key is a bug, not a race.
/// </summary>
public static class Conflicts
{
    /// <summary>What the API answers when a lost race escaped the handler that should have named it.</summary>
    public const string DefaultDetail =
        "Someone changed this at the same moment. Reload it to see the latest, then try again.";

    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteConstraint = 19, SqliteUnique = 2067, SqlitePrimaryKey = 1555;

    public static bool IsLostRace(this Exception exception) => exception is DbUpdateConcurrencyException
        || IsRace(exception) || (exception is DbUpdateException or InvalidOperationException && IsRace(exception.InnerException));

    /// <summary>Saves; if another writer won, returns a conflict in the caller's words instead of throwing.</summary>
    public static async Task<ConflictError?> SaveOrConflictAsync(
        this DbContext db, string detail, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (Exception e) when (e.IsLostRace())
        {
            return new ConflictError(detail);
        }
    }

    /// <summary>For jobs and claims: false when another node (or a member) got there first.</summary>
    public static async Task<bool> TrySaveAsync(this DbContext db, CancellationToken ct) =>
        await db.SaveOrConflictAsync(DefaultDetail, ct) is null;

    private static bool IsRace(Exception? e) => e switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure
            or PostgresErrorCodes.DeadlockDetected,
        SqliteException lite => lite.SqliteErrorCode is SqliteBusy or SqliteLocked
            || (lite.SqliteErrorCode == SqliteConstraint && lite.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey),
        _ => false,
    };
}
