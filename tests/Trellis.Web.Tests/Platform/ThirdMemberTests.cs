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
/// One mentorship gets data in every workspace feature through the real API; then EVERY API endpoint under
/// /api/v1/mentorships/{id} (found in the EndpointDataSource, so a new endpoint is covered automatically) and
/// every page under /Mentorships/{id} is called by a third signed-in member with each method it accepts:
/// all answer 404 and nothing in the database changes. Anonymous callers get 401 / the sign-in page.
/// </summary>
public sealed class ThirdMemberTests(PrivacyApp app) : IClassFixture<PrivacyApp>
{
    private const string ApiPrefix = "/api/v1/mentorships/{id:guid}";
    private const string PagePrefix = "/Mentorships/{id:guid}";

    /// <summary>Routes under the prefixes that are legitimately not about one mentorship's private data.
    /// Keep it short and say why for each; today there are none.</summary>
    private static readonly HashSet<string> NotPerMentorship = [];

    private sealed record Seeded(Person Mentor, Person Mentee, Guid Id, Dictionary<string, Guid> Ids);

    [Fact]
    public async Task AThirdMember_Gets404_FromEveryMentorshipEndpointAndPage_AndChangesNothing()
    {
        var seeded = await SeedAsync("Third", "ordinary words");
        var third = await app.MenteeAsync("Eve Outsider");
        var before = await SnapshotAsync(seeded.Id);

        var (calls, problems) = await CallEverythingAsync(third, seeded.Ids, childRoutesOnly: false);

        Assert.True(calls > 60, $"only {calls} calls: is the enumeration still finding the endpoints?");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(before, await SnapshotAsync(seeded.Id));
    }

    [Fact]
    public async Task AMemberOfAnotherMentorship_CannotReachItsObjects_ThroughTheirOwnMentorshipsAddress()
    {
        var seeded = await SeedAsync("Cross", "ordinary words");
        var third = await app.MenteeAsync("Eve Crosswise");
        var herMentor = await app.MentorAsync("Maria Crosswise");
        var hers = (await third.ProposeAsync(herMentor)).Id();
        (await herMentor.AcceptAsync(hers, 1)).EnsureSuccessStatusCode(); // active, so every feature is open to her
        var before = await SnapshotAsync(seeded.Id);

        // Her own mentorship's id with the other mentorship's meeting, message, critique, goal... ids.
        var (calls, problems) = await CallEverythingAsync(third, new Dictionary<string, Guid>(seeded.Ids) { ["id"] = hers }, childRoutesOnly: true);

        Assert.True(calls > 25, $"only {calls} calls: is the enumeration still finding the endpoints?");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(before, await SnapshotAsync(seeded.Id));
    }

    /// <summary>Calls every API route (each method) and GETs every page under the mentorship prefixes as
    /// <paramref name="who"/>, with the given ids; returns how many calls were made and which did not answer 404.
    /// With <paramref name="childRoutesOnly"/> only routes naming an object inside the mentorship are called.</summary>
    private async Task<(int Calls, List<string> Problems)> CallEverythingAsync(Person who, Dictionary<string, Guid> ids, bool childRoutesOnly)
    {
        var problems = new List<string>();
        var calls = 0;
        foreach (var (route, method, endpoint) in Api().Where(a => !childRoutesOnly || HasChildId(a.Route)))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), Fill(route, ids)) { Content = BodyFor(method, endpoint) };
            using var response = await who.Api.SendAsync(request);
            calls++;
            if (response.StatusCode != HttpStatusCode.NotFound)
                problems.Add($"{method} {route}: {(int)response.StatusCode} {Short(await response.Content.ReadAsStringAsync())}");
        }
        foreach (var route in Pages().Where(r => !childRoutesOnly || HasChildId(r)))
        {
            using var response = await who.Member.Browser.GetAsync(Fill(route, ids));
            calls++;
            if (response.StatusCode != HttpStatusCode.NotFound)
                problems.Add($"GET page {route}: {(int)response.StatusCode}");
        }
        // Every form handler of those pages, posted with a valid antiforgery token of the caller's own (from a
        // page they may see) and no fields: membership must be checked before anything else.
        var token = Forms.AntiforgeryToken(await who.Member.Browser.GetStringAsync("/Profile/Edit"));
        foreach (var (route, handler) in PagePostHandlers().Where(p => !childRoutesOnly || HasChildId(p.Route)))
        {
            var url = Fill(route, ids) + (handler.Length > 0 ? $"?handler={handler}" : "");
            using var response = await who.Member.Browser.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
            calls++;
            if (response.StatusCode != HttpStatusCode.NotFound)
                problems.Add($"POST page {route} handler '{handler}': {(int)response.StatusCode} {response.Headers.Location}");
        }
        return (calls, problems);
    }

    private static bool HasChildId(string route) => RoutePatternFactoryParse(route).Parameters.Count > 1;

    [Fact]
    public async Task AnonymousCallers_Get401OrTheSignInPage_AndAWrongFeedTokenIs404()
    {
        var seeded = await SeedAsync("Anon", "ordinary words");
        var anonymous = app.Anonymous();
        var problems = new List<string>();
        foreach (var (route, method, endpoint) in Api())
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), Fill(route, seeded.Ids)) { Content = BodyFor(method, endpoint) };
            using var response = await anonymous.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Unauthorized) problems.Add($"{method} {route}: {(int)response.StatusCode}");
        }
        foreach (var route in Pages())
        {
            using var response = await anonymous.GetAsync(Fill(route, seeded.Ids));
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
        var seeded = await SeedAsync("Logs", marker); // a message, a check-in, a private meeting note, a review answer (and more) carry it

        Assert.Contains(app.Lines, line => line.Contains($"/api/v1/mentorships/{seeded.Id}/messages", StringComparison.Ordinal)); // the capture sees those requests
        var leaks = app.Lines.Where(line => line.Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(5)));

        // Nor in an address the site made (notification and timeline links), nor in the timeline's text.
        var links = await app.WithDbAsync(async db =>
            (await db.Notifications.Select(n => n.Link).ToListAsync())
            .Concat(await db.TimelineEntries.Where(t => t.MentorshipId == seeded.Id).Select(t => t.Link + " " + t.Text).ToListAsync()).ToList());
        Assert.DoesNotContain(links, link => link?.Contains(marker, StringComparison.Ordinal) == true);
    }

    // --- the mentorship and its data, as the two members make it --------------------------------------

    private async Task<Seeded> SeedAsync(string who, string words)
    {
        var mentor = await app.MentorAsync($"Maria {who}");
        var mentee = await app.MenteeAsync($"Tom {who}");
        var id = (await mentee.ProposeAsync(mentor)).Id();
        (await mentor.AcceptAsync(id, 1)).EnsureSuccessStatusCode();
        var ids = new Dictionary<string, Guid> { ["id"] = id };
        var root = $"/api/v1/mentorships/{id}";

        // Meetings: proposed, accepted, with agenda, a shared and a private note and an action item.
        var start = Meetings.MeetingBuilders.FutureLocal(2, DayOfWeek.Tuesday, 10);
        var meeting = await OkAsync(await mentee.Api.PostAsJsonAsync($"{root}/meetings", new { start, timeZone = "Europe/London", minutes = 60 }));
        var meetingId = Meetings.MeetingBuilders.MeetingId(meeting);
        (await mentor.Api.PostAsJsonAsync($"{root}/meetings/{meetingId}/accept", new { version = Meetings.MeetingBuilders.MeetingVersion(meeting) })).EnsureSuccessStatusCode();
        (await mentee.Api.PostAsJsonAsync($"{root}/meetings/{meetingId}/agenda", new { text = $"Agenda {words}" })).EnsureSuccessStatusCode();
        (await mentee.Api.PostAsJsonAsync($"{root}/meetings/{meetingId}/notes", new { text = $"Private note {words}", @private = true })).EnsureSuccessStatusCode();
        (await mentor.Api.PostAsJsonAsync($"{root}/meetings/{meetingId}/notes", new { text = "Shared note", @private = false })).EnsureSuccessStatusCode();
        var details = await OkAsync(await mentor.Api.PostAsJsonAsync($"{root}/meetings/{meetingId}/actions", new { text = "Send the draft", ownerId = mentee.Id }));
        ids["meetingId"] = meetingId;
        ids["noteId"] = Guid.Parse((string)details["notes"]!.AsArray().First(n => !(bool)n!["private"]!)!["id"]!);
        ids["actionId"] = Guid.Parse((string)details["actions"]![0]!["id"]!);

        // A message, a critique with a small file, an article and a book, a check-in, a goal linked to it.
        ids["messageId"] = IdOf(await OkAsync(await mentee.Api.PostAsJsonAsync($"{root}/messages", new { body = $"Message {words}" })));
        var critique = Critiques.CritiqueBuilders.Work(title: "My CV", file: Encoding.UTF8.GetBytes("%PDF-1.4\n%%EOF\n"), fileName: "cv.pdf");
        ids["cid"] = IdOf(await OkAsync(await mentee.Api.PostAsync($"{root}/critiques", critique)));
        await OkAsync(await mentor.Api.PostAsJsonAsync($"{root}/resources/articles", new { url = "https://example.org/mentoring", title = "On mentoring", note = "" }));
        ids["rid"] = IdOf(await OkAsync(await mentor.Api.PostAsJsonAsync($"{root}/resources/books", new { title = "Effective Java", author = "Joshua Bloch", note = "", sendingCopy = false })));
        ids["checkInId"] = IdOf(await OkAsync(await mentee.Api.PostAsJsonAsync($"{root}/checkins", new { text = $"Check-in {words}", urgency = "ThisWeek" })));
        var inAYear = DateOnly.FromDateTime(DateTime.UtcNow.AddYears(1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        ids["goalId"] = IdOf(await OkAsync(await mentee.Api.PostAsJsonAsync("/api/v1/me/goals",
            new { title = "Speak at a conference", whyItMatters = "It matters", targetDate = inAYear, measurableOutcome = "A talk", mentorshipIds = new[] { id } })));

        // A review answer (the review falls due by moving the start back).
        await app.ReviewDueAsync(id);
        var answered = await mentee.AnswerReviewAsync(id, KeepingBuilders.Answer(4, goingWell: $"Going well {words}", shouldChange: $"Change {words}"));
        Assert.True(answered.IsSuccessStatusCode, await answered.Content.ReadAsStringAsync());

        Assert.True(await app.WithDbAsync(db => db.TimelineEntries.AnyAsync(t => t.MentorshipId == id)));
        return new Seeded(mentor, mentee, id, ids);
    }

    private static async Task<JsonObject> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static Guid IdOf(JsonObject node) => Guid.Parse((string)node["id"]!);

    // --- the inventory -------------------------------------------------------------------------------

    private List<RouteEndpoint> Endpoints() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    private static string Route(RouteEndpoint e) => "/" + (e.RoutePattern.RawText ?? "").Trim('/');

    private static bool Under(string route, string prefix) =>
        (route == prefix || route.StartsWith(prefix + "/", StringComparison.Ordinal) || route.StartsWith(prefix + ".", StringComparison.Ordinal))
        && !NotPerMentorship.Contains(route);

    /// <summary>Every (route, method) of the API under /api/v1/mentorships/{id}.</summary>
    private List<(string Route, string Method, RouteEndpoint Endpoint)> Api()
    {
        var found = Endpoints()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null && Under(Route(e), ApiPrefix))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST", "PUT", "DELETE"]).Select(m => (Route(e), m, e)))
            .OrderBy(x => x.Item1, StringComparer.Ordinal).ThenBy(x => x.m, StringComparer.Ordinal)
            .ToList();
        Assert.True(found.Count > 50, $"only {found.Count} API routes found under {ApiPrefix}");
        return found;
    }

    /// <summary>Every page under /Mentorships/{id}.</summary>
    private List<string> Pages()
    {
        var found = Endpoints()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(Route).Where(r => Under(r, PagePrefix)).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(found.Count > 8, $"only {found.Count} pages found under {PagePrefix}");
        return found;
    }

    /// <summary>Every POST handler (OnPost, OnPostX) of the pages under /Mentorships/{id}, found on the page
    /// model types, so a new form is covered automatically.</summary>
    private List<(string Route, string Handler)> PagePostHandlers()
    {
        var found = new List<(string, string)>();
        foreach (var e in Endpoints().Where(e => Under(Route(e), PagePrefix)))
        {
            var model = e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>()?.ModelTypeInfo;
            Assert.True(model is not null, $"{Route(e)}: page model type not found");
            foreach (var method in model.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
                         .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)))
            {
                var handler = method.Name["OnPost".Length..];
                if (handler.EndsWith("Async", StringComparison.Ordinal)) handler = handler[..^"Async".Length];
                found.Add((Route(e), handler));
            }
        }
        var distinct = found.Distinct().OrderBy(f => f.Item1, StringComparer.Ordinal).ThenBy(f => f.Item2, StringComparer.Ordinal).ToList();
        Assert.True(distinct.Count > 10, $"only {distinct.Count} page form handlers found under {PagePrefix}");
        return distinct;
    }

    /// <summary>The route with each parameter replaced by the id of the object of that kind made above.
    /// A parameter nobody made an object for fails the test: add the object to SeedAsync.</summary>
    private static string Fill(string route, Dictionary<string, Guid> ids)
    {
        var pattern = RoutePatternFactoryParse(route);
        var url = route;
        foreach (var parameter in pattern.Parameters)
        {
            Assert.True(ids.TryGetValue(parameter.Name, out var value), $"{route}: no object made for route parameter '{parameter.Name}'; create one in SeedAsync");
            var start = url.IndexOf("{" + parameter.Name, StringComparison.Ordinal);
            var end = url.IndexOf('}', start);
            url = url[..start] + value + url[(end + 1)..];
        }
        return url;
    }

    private static Microsoft.AspNetCore.Routing.Patterns.RoutePattern RoutePatternFactoryParse(string route) =>
        Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse(route);

    /// <summary>A plausible body: a small valid form where the endpoint takes a form, otherwise "{}".</summary>
    private static HttpContent? BodyFor(string method, RouteEndpoint endpoint)
    {
        if (method is "GET" or "DELETE") return null;
        var accepts = endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>().SelectMany(a => a.ContentTypes);
        if (accepts.Any(t => t.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) || t.Contains("form-urlencoded", StringComparison.OrdinalIgnoreCase)))
        {
            var form = Critiques.CritiqueBuilders.Work(title: "Outsider", file: Encoding.UTF8.GetBytes("%PDF-1.4\n%%EOF\n"), fileName: "x.pdf");
            return form;
        }
        return new StringContent("{}", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
    }

    private static string Short(string text) => text.Length > 200 ? text[..200] : text;

    // --- the database, before and after ------------------------------------------------------------

    /// <summary>The row count of every table, and the mentorship's own status and agreement version.</summary>
    private Task<string> SnapshotAsync(Guid id) => app.WithDbAsync(async db =>
    {
        var lines = new List<string> { await RowCounts.OfEveryTableAsync(db) };
        var m = await db.Mentorships.AsNoTracking().SingleAsync(x => x.Id == id);
        lines.Add($"mentorship={m.Status}/{m.CurrentVersion}/{m.Version}");
        return string.Join("\n", lines);
    });
}
