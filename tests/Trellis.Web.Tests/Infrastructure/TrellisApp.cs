using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Tests.Infrastructure;

/// <summary>
/// The whole application over the real HTTP pipeline, with its own database (SQLite file or a fresh
/// PostgreSQL database) and its own SMTP server. Create one per test class (IClassFixture) or per test.
/// </summary>
public class TrellisApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _name = "trellis_test_" + Guid.NewGuid().ToString("N")[..12];
    private string? _connectionString;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "trellis-tests", Guid.NewGuid().ToString("N"));
    public TestMailServer Mail { get; } = new();

    /// <summary>Extra settings a test class needs (e.g. turning a background worker off).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async ValueTask InitializeAsync()
    {
        _connectionString = await TestDatabase.CreateAsync(_name);
        _ = Server; // start the host now, so migrations run before the first test
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("DataDirectory", DataDirectory);
        builder.UseSetting("Database:Provider", TestDatabase.Provider);
        builder.UseSetting("ConnectionStrings:Trellis", _connectionString ?? "");
        builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Email:Smtp:Port", Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:Smtp:Security", "None");
        builder.UseSetting("Email:PollInterval", "00:00:00.100");
        builder.UseSetting("App:BaseUrl", "https://trellis.test");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Metrics:Token", MetricsToken);
        // Every test client shares one address and tests sign in and post a lot: the limits stay out of the way except
        // where a test sets its own (RateLimitTests).
        foreach (var policy in Trellis.Web.Infrastructure.Http.RateLimits.Defaults.Keys)
            builder.UseSetting($"{Trellis.Web.Infrastructure.Http.RateLimits.Section}:{policy}:PermitLimit", "1000000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public static readonly Uri BaseAddress = new("https://trellis.test");

    /// <summary>What a scraper must send to read /metrics from elsewhere than this machine.</summary>
    public const string MetricsToken = "test-metrics-token-6c1f";

    /// <summary>A client that keeps cookies like a browser and does not follow redirects (tests assert on them).</summary>
    public HttpClient Browser() => CookieJar.Attach(jar => CreateDefaultClient(BaseAddress, jar));

    /// <summary>A client with no cookies at all.</summary>
    public HttpClient Anonymous() => CreateDefaultClient(BaseAddress);

    public async Task<T> WithDbAsync<T>(Func<TrellisDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        return await query(db);
    }

    public async Task WithDbAsync(Func<TrellisDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<TrellisDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Mail.Dispose();
        await TestDatabase.DropAsync(_name);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
