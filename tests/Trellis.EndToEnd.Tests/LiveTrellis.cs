using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using MimeKit;
using netDumbster.smtp;

namespace Trellis.EndToEnd.Tests;

/// <summary>
/// Trellis on real Kestrel (a loopback port), delivering its e-mails over SMTP to a real server on loopback,
/// driven by Debian's headless Chromium through Playwright. One per test class.
/// </summary>
public sealed class LiveTrellis : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "trellis-e2e", Guid.NewGuid().ToString("N"));
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright? _playwright;
    private readonly SimpleSmtpServer _smtp = Configuration.Configure().WithAddress(System.Net.IPAddress.Loopback).WithRandomPort().Build();
    private readonly System.Collections.Concurrent.ConcurrentQueue<MimeMessage> _received = new();

    public LiveTrellis() =>
        // Collected as they arrive: enumerating the server's own store while it receives is not safe.
        _smtp.MessageReceived += (_, e) => _received.Enqueue(MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(e.Message.Data))));

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
        builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Email:Smtp:Port", _smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:Smtp:Security", "None");
        builder.UseSetting("Email:PollInterval", "00:00:00.100");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The browser signs in and posts far more often than a person: the limits stay out of the way.
        foreach (var policy in Trellis.Web.Infrastructure.Http.RateLimits.Defaults.Keys)
            builder.UseSetting($"{Trellis.Web.Infrastructure.Http.RateLimits.Section}:{policy}:PermitLimit", "1000000");
    }

    /// <summary>Waits for the e-mail to <paramref name="to"/> whose subject contains <paramref name="subject"/> to arrive at the SMTP server.</summary>
    public async Task<MimeMessage> MailAsync(string to, string subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var found = _received.FirstOrDefault(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase))
                                                      && (m.Subject ?? "").Contains(subject, StringComparison.Ordinal));
            if (found is not null) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No e-mail '{subject}' to {to}; received: {string.Join(" | ", _received.Select(m => $"{m.To} {m.Subject}"))}");
    }

    /// <summary>Every e-mail to <paramref name="to"/> that has arrived so far.</summary>
    public IReadOnlyList<MimeMessage> MailsTo(string to) =>
        _received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase))).ToList();

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        _smtp.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
