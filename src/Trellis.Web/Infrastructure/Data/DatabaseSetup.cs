using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Trellis.Web.Infrastructure.Data;

public static class DatabaseSetup
{
    public const string SqliteProvider = "Sqlite";
    public const string PostgresProvider = "Postgres";

    public static WebApplicationBuilder AddTrellisDatabase(this WebApplicationBuilder builder)
    {
        var data = new DataDirectory(builder.Configuration["DataDirectory"] ?? "data");
        builder.Services.AddSingleton(data);

        var provider = builder.Configuration["Database:Provider"] ?? SqliteProvider;
        var connectionString = builder.Configuration.GetConnectionString("Trellis") is { Length: > 0 } cs ? cs : null;
        switch (provider)
        {
            case SqliteProvider:
                Directory.CreateDirectory(data.Root);
                connectionString ??= $"Data Source={data.Resolve("trellis.db")}";
                builder.Services.AddDbContext<TrellisDbContext, SqliteTrellisDbContext>(o => o
                    .UseSqlite(connectionString, s => s.MigrationsAssembly(typeof(TrellisDbContext).Assembly.FullName))
                    .AddInterceptors(new SqliteDurabilityInterceptor()));
                break;
            case PostgresProvider:
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Trellis is empty.");
                // No retrying execution strategy: it cannot wrap the explicit transactions that keep a change
                // and its outbox e-mail together. A transient failure surfaces as an error; workers retry.
                builder.Services.AddDbContext<TrellisDbContext, PostgresTrellisDbContext>(o => o.UseNpgsql(connectionString));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{provider}'. Use {SqliteProvider} or {PostgresProvider}.");
        }
        return builder;
    }

    public static async Task MigrateAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}

/// <summary>
/// "An acknowledged write survives a crash": SQLite's default in WAL mode (synchronous=NORMAL) can
/// lose the last transactions on power loss, so every connection asks for FULL.
/// </summary>
internal sealed class SqliteDurabilityInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
