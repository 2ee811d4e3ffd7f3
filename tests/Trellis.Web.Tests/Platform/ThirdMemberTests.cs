using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Reviews;

namespace Trellis.Web.Tests.Platform;

/// <summary>The site with jobs off, EVERY category logging at Trace (stricter than production: what is not
/// logged at Trace is not logged at Information), and every log line (and scope) kept in memory.</summary>
public sealed class PrivacyApp : TrellisApp
{
    public ConcurrentQueue<string> Lines { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:Run"] = "false",
        ["Matching:RunWorker"] = "false",
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
        ["Logging:LogLevel:Trellis"] = "Trace",
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
            lines.Enqueue($"{category} scope {state} {Flatten(state)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category} {formatter(state, exception)} {state} {Flatten(state)} {exception}");

        private static string Flatten(object? state) => state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
            : "";
    }
}

/// <summary>
/// "Privacy is the product": whoever is not one of the two members of a mentorship cannot tell it exists.
/// One mentorship gets data in every workspace feature through the real API (WorkspaceSeed); then EVERY API endpoint
/// under /api/v1/mentorships/{id} and /api/v1/me/goals/{goalId} (found in the EndpointDataSource by EndpointProbe, so
/// a new endpoint is covered automatically) and every page under /Mentorships/{id} and /Goals/{goalId} is called by a
/// third signed-in member with each method it accepts: all answer 404 and nothing in the database changes. Anonymous
/// callers get 401 / the sign-in page.
/// </summary>
public sealed class ThirdMemberTests(PrivacyApp app) : IClassFixture<PrivacyApp>
{
    private EndpointProbe Probe => WorkspaceSeed.Probe(app);

    [Fact]
    public async Task AThirdMember_Gets404_FromEveryMentorshipEndpointAndPage_AndChangesNothing()
    {
        var seeded = await WorkspaceSeed.MentorshipAsync(app, "Third", "ordinary words");
        var third = await app.MenteeAsync("Eve Outsider");
        var before = await SnapshotAsync(seeded.Id);

        var calls = await Probe.CallEverythingAsync(third, seeded.Ids);

        Assert.True(calls.Count > 60, $"only {calls.Count} calls: is the enumeration still finding the endpoints?");
        var problems = EndpointProbe.Not404(calls);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(before, await SnapshotAsync(seeded.Id));
    }

    [Fact]
    public async Task AMemberOfAnotherMentorship_CannotReachItsObjects_ThroughTheirOwnMentorshipsAddress()
    {
        var seeded = await WorkspaceSeed.MentorshipAsync(app, "Cross", "ordinary words");
        var third = await app.MenteeAsync("Eve Crosswise");
        var herMentor = await app.MentorAsync("Maria Crosswise");
        var hers = (await third.ProposeAsync(herMentor)).Id();
        (await herMentor.AcceptAsync(hers, 1)).EnsureSuccessStatusCode(); // active, so every feature is open to her
        var before = await SnapshotAsync(seeded.Id);

        // Her own mentorship's id with the other mentorship's meeting, message, critique, goal... ids.
        var ids = new Dictionary<string, string>(seeded.Ids) { ["id"] = hers.ToString(), ["mentorshipId"] = hers.ToString() };
        var calls = await Probe.CallEverythingAsync(third, ids, EndpointProbe.HasChildId);

        Assert.True(calls.Count > 25, $"only {calls.Count} calls: is the enumeration still finding the endpoints?");
        var problems = EndpointProbe.Not404(calls);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(before, await SnapshotAsync(seeded.Id));
    }

    [Fact]
    public void TheInventory_FindsTheWorkspace()
    {
        Assert.True(Probe.Api().Count > 50, $"only {Probe.Api().Count} API routes found");
        Assert.True(Probe.Pages().Count > 8, $"only {Probe.Pages().Count} pages found");
        Assert.True(Probe.PagePostHandlers().Count > 10, $"only {Probe.PagePostHandlers().Count} page form handlers found");
    }

    [Fact]
    public async Task AnonymousCallers_Get401OrTheSignInPage_AndAWrongFeedTokenIs404()
    {
        var seeded = await WorkspaceSeed.MentorshipAsync(app, "Anon", "ordinary words");
        var anonymous = app.Anonymous();
        var problems = new List<string>();
        foreach (var (route, method, endpoint) in Probe.Api())
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), EndpointProbe.Fill(route, seeded.Ids))
            {
                Content = EndpointProbe.BodyFor(method, endpoint),
            };
            using var response = await anonymous.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Unauthorized) problems.Add($"{method} {route}: {(int)response.StatusCode}");
        }
        foreach (var route in Probe.Pages())
        {
            using var response = await anonymous.GetAsync(EndpointProbe.Fill(route, seeded.Ids));
            var location = response.Headers.Location?.ToString() ?? "";
            if (response.StatusCode != HttpStatusCode.Redirect || !location.Contains("/Accounts/SignIn", StringComparison.OrdinalIgnoreCase))
                problems.Add($"GET page {route}: {(int)response.StatusCode} {location}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        var feed = new Uri((string)(await (await seeded.Mentee.Api.PostAsync("/api/v1/me/calendar", null)).Content.ReadFromJsonAsync<JsonObject>())!["url"]!);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(feed.PathAndQuery)).StatusCode); // the real one works
        var token = feed.AbsolutePath["/calendar/".Length..^".ics".Length];
        var wrong = token[..^2] + (token.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/calendar/{wrong}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/calendar/{Guid.NewGuid():N}.ics")).StatusCode);
    }

    [Fact]
    public async Task PrivateWords_NeverReachTheLogs_NorAnyAddress()
    {
        var marker = "PRIVMARK" + Guid.NewGuid().ToString("N")[..10];
        var seeded = await WorkspaceSeed.MentorshipAsync(app, "Logs", marker); // a message, a check-in, a private meeting note, a review answer (and more) carry it

        Assert.Contains(app.Lines, line => line.Contains($"/api/v1/mentorships/{seeded.Id}/messages", StringComparison.Ordinal)); // the capture sees those requests
        var leaks = app.Lines.Where(line => line.Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(5)));

        // Nor in an address the site made (notification and timeline links), nor in the timeline's text.
        var links = await app.WithDbAsync(async db =>
            (await db.Notifications.Select(n => n.Link).ToListAsync())
            .Concat(await db.TimelineEntries.Where(t => t.MentorshipId == seeded.Id).Select(t => t.Link + " " + t.Text).ToListAsync()).ToList());
        Assert.DoesNotContain(links, link => link?.Contains(marker, StringComparison.Ordinal) == true);
    }

    /// <summary>The row count of every table, and the mentorship's own status and agreement version.</summary>
    private async Task<string> SnapshotAsync(Guid id)
    {
        var m = await app.WithDbAsync(db => db.Mentorships.AsNoTracking().SingleAsync(x => x.Id == id));
        return await app.OfEveryTableAsync() + $"\nmentorship={m.Status}/{m.CurrentVersion}/{m.Version}";
    }
}
