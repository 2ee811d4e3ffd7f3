using Npgsql;

namespace Trellis.Web.Tests.Infrastructure;

/// <summary>
/// Which database the suite runs on: SQLite by default, PostgreSQL when ./test.sh sets
/// TRELLIS_TEST_DB=Postgres and TRELLIS_TEST_PG (a server the script started on loopback).
/// Each app instance gets a database of its own, so tests never see each other's rows.
/// </summary>
public static class TestDatabase
{
    public static bool IsPostgres => string.Equals(Environment.GetEnvironmentVariable("TRELLIS_TEST_DB"), "Postgres", StringComparison.OrdinalIgnoreCase);

    public static string Provider => IsPostgres ? "Postgres" : "Sqlite";

    /// <summary>Returns the connection string for a new, empty database (null for SQLite: the data folder holds it).</summary>
    public static async Task<string?> CreateAsync(string name)
    {
        if (!IsPostgres) return null;
        var admin = Environment.GetEnvironmentVariable("TRELLIS_TEST_PG")
            ?? throw new InvalidOperationException("TRELLIS_TEST_DB=Postgres needs TRELLIS_TEST_PG (an admin connection string).");
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public static async Task DropAsync(string name)
    {
        if (!IsPostgres) return;
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(Environment.GetEnvironmentVariable("TRELLIS_TEST_PG"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
