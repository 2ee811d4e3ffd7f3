using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Meetings;

/// <summary>The site with production's log levels (appsettings.json) and Trellis's own categories at Debug,
/// every line kept in memory.</summary>
public sealed class LogCapturingApp : TrellisApp
{
    public ConcurrentQueue<string> Lines { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Trellis"] = "Debug",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(l => l.AddProvider(new Capture(Lines)));
    }

    private sealed class Capture(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);
        public void Dispose() { }
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            lines.Enqueue($"{category} scope {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category} {formatter(state, exception)} {state} {exception}");
    }
}

public sealed class CalendarFeedLoggingTests(LogCapturingApp app) : IClassFixture<LogCapturingApp>
{
    [Fact]
    public async Task TheFeedToken_NeverReachesTheLogs()
    {
        var pair = await app.ActivePairAsync(mentor: "Maria Logs", mentee: "Tom Logs");
        var url = new Uri((string)(await (await pair.Mentor.Api.PostAsync("/api/v1/me/calendar", null)).ReadAsync())["url"]!);
        var token = url.AbsolutePath["/calendar/".Length..^".ics".Length];
        for (var i = 0; i < 3; i++) (await app.Anonymous().GetAsync(url.PathAndQuery)).EnsureSuccessStatusCode();
        (await app.Anonymous().GetAsync("/calendar/" + token[..^2] + "xx.ics")).Dispose();

        Assert.NotEmpty(app.Lines); // the capture works
        var leaks = app.Lines.Where(line => line.Contains(token[..20], StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(5)));
    }
}
