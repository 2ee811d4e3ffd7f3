using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using MimeKit;

namespace Trellis.EndToEnd.Tests;

/// <summary>
/// Trellis on real Kestrel (a loopback port), with e-mails in its drop folder, driven by Debian's
/// headless Chromium through Playwright. One per test class.
/// </summary>
public sealed class LiveTrellis : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "trellis-e2e", Guid.NewGuid().ToString("N"));
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright? _playwright;

    public async ValueTask InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        // Chromium treats localhost as a secure context, so the __Host- (Secure) cookies work over plain HTTP.
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/').Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("TRELLIS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("DataDirectory", DataDirectory);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Email:Smtp:Host", "");
        builder.UseSetting("Email:PollInterval", "00:00:00.100");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The browser signs in and posts far more often than a person: the limits stay out of the way.
        foreach (var policy in Trellis.Web.Infrastructure.Http.RateLimits.Defaults.Keys)
            builder.UseSetting($"{Trellis.Web.Infrastructure.Http.RateLimits.Section}:{policy}:PermitLimit", "1000000");
    }

    /// <summary>Waits for the e-mail to <paramref name="to"/> whose subject contains <paramref name="subject"/> to land in the drop folder.</summary>
    public async Task<MimeMessage> MailAsync(string to, string subject)
    {
        var folder = Path.Combine(DataDirectory, "mail");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(folder))
                foreach (var file in Directory.GetFiles(folder, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == to) && (message.Subject ?? "").Contains(subject, StringComparison.Ordinal))
                        return message;
                }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No e-mail '{subject}' to {to} in {folder}");
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
