using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Platform;

public sealed class OperationsTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task Health_LiveAndReady_AreHealthy_WithTheDatabaseChecked()
    {
        Assert.Equal("Healthy", await app.Anonymous().GetStringAsync("/health/live"));
        var ready = await app.Anonymous().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_ArePrometheusText_WithRequestDurations()
    {
        await app.Anonymous().GetAsync("/");
        var scraper = app.Anonymous();
        scraper.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TrellisApp.MetricsToken);
        var metrics = await scraper.GetStringAsync("/metrics");
        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_FromElsewhere_WithoutTheToken_Are404()
    {
        // The test server's clients have no loopback address: they are "elsewhere".
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/metrics")).StatusCode);
        var wrong = app.Anonymous();
        wrong.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TrellisApp.MetricsToken + "x");
        Assert.Equal(HttpStatusCode.NotFound, (await wrong.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi_AndTheReferencePageIsServed()
    {
        var doc = await app.Anonymous().GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        Assert.StartsWith("3.1", (string?)doc!["openapi"], StringComparison.Ordinal);
        var paths = doc["paths"]!.AsObject();
        foreach (var path in new[] { "/api/v1/me/profile", "/api/v1/members/{id}", "/api/v1/me/notifications", "/api/v1/me/export", "/api/v1/auth/login" })
            Assert.True(paths.ContainsKey(path), $"missing {path}");
        var reference = await app.Anonymous().GetAsync("/scalar/");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("Trellis API reference", await reference.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void NeitherDatabase_HasModelChangesWithoutAMigration()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite: run scripts/add-migration.sh");
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(postgres.Database.HasPendingModelChanges(), "PostgreSQL: run scripts/add-migration.sh");
    }

    [Fact]
    public async Task TheDatabase_IsMigratedToTheLatestMigration()
    {
        var pending = await app.WithDbAsync(db => db.Database.GetPendingMigrationsAsync());
        Assert.Empty(pending);
        var provider = await app.WithDbAsync(db => Task.FromResult(db.Database.ProviderName));
        Assert.Equal(TestDatabase.IsPostgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", provider);
    }
}
