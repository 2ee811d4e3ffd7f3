using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Trellis.Web.Features.FindMentor;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Programmes;

namespace Trellis.Web.Tests.FindMentor;

/// <summary>The embedding backlog is visible, with the worker off so the test decides when it is worked through.</summary>
public sealed class EmbeddingBacklogTests(FindMentorApp app) : IClassFixture<FindMentorApp>
{
    [Fact]
    public async Task TheBacklog_IsCountedExactly_InTheMetricTheReadinessDetailAndTheAdminPage_AndFallsToZeroOnceEmbedded()
    {
        // The class's other tests share this app and may have left profiles waiting: count from there.
        var before = await app.Services.GetRequiredService<EmbeddingBacklog>().CountAsync(app.Services.CreateScope().ServiceProvider.GetRequiredService<Trellis.Web.Infrastructure.Data.TrellisDbContext>(), default);
        await NewProfileAsync("Mentor One", mentor: true, mentee: false);
        await NewProfileAsync("Mentor Two", mentor: true, mentee: false);
        await NewProfileAsync("Mentee One", mentor: false, mentee: true);
        await NewProfileAsync("Both Roles", mentor: true, mentee: true);
        var admin = await app.AdministratorAsync();

        await AssertWaitingAsync(admin.Member.Browser, mentors: before.Mentors + 3, mentees: before.Mentees + 2);
        // The gauge is in the scrape. Its figures are asserted through this app's own meter: every app in the test
        // process has a meter named "Trellis", and the exporter listens to them all.
        var scraper = app.Anonymous();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TrellisApp.MetricsToken);
        Assert.Contains("trellis_embeddings_waiting", await scraper.GetStringAsync("/metrics"), StringComparison.Ordinal);
        var page = await admin.Member.Browser.GetStringAsync("/Admin/Matching");
        Assert.Matches("id=\"oldest-wait\"[^>]*>\\s*The oldest has waited (less than a minute|\\d+ minutes?)\\.", page);

        // The load balancer's view stays one word; the detail needs the metrics token.
        var anonymous = await app.Anonymous().GetAsync("/health/ready");
        Assert.Equal("Healthy", await anonymous.Content.ReadAsStringAsync());

        await app.Services.GetRequiredService<EmbeddingRefresher>().RunAsync(default);
        await AssertWaitingAsync(admin.Member.Browser, mentors: 0, mentees: 0);
        Assert.Contains("Nothing is waiting", await admin.Member.Browser.GetStringAsync("/Admin/Matching"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProfileThatWaitsMoreThanFifteenMinutes_MakesReadinessDegraded_NotUnhealthy()
    {
        await NewProfileAsync("Slow Mentor", mentor: true, mentee: false);
        var check = new EmbeddingBacklogCheck(app.Services.GetRequiredService<EmbeddingBacklog>(), app.Services.GetRequiredService<IServiceScopeFactory>(),
            new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(16)));
        var result = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.True((int)result.Data["mentorsWaiting"] >= 1);

        var now = new EmbeddingBacklogCheck(app.Services.GetRequiredService<EmbeddingBacklog>(), app.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);
        Assert.Equal(HealthStatus.Healthy, (await now.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    [Fact]
    public async Task TheMatchingAdminPage_IsNotFound_ForMembersWhoAreNotAdministrators()
    {
        var member = await app.SignedInAsync("Not Admin");
        Assert.Equal(HttpStatusCode.NotFound, (await member.Browser.GetAsync("/Admin/Matching")).StatusCode);
        Assert.DoesNotContain("/Admin/Matching", await member.Browser.GetStringAsync("/Dashboard"), StringComparison.Ordinal);
        var anonymous = await app.Anonymous().GetAsync("/Admin/Matching");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    /// <summary>The gauge's current figures, read from this app's meter only.</summary>
    private (int Mentors, int Mentees) Gauge()
    {
        var factory = app.Services.GetRequiredService<IMeterFactory>();
        int mentors = -1, mentees = -1;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Name == "trellis.embeddings.waiting") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "role") { if ((string?)tag.Value == "mentor") mentors = value; else mentees = value; }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return (mentors, mentees);
    }

    private async Task NewProfileAsync(string name, bool mentor, bool mentee)
    {
        var member = await app.SignedInAsync(name);
        await app.SetProfileAsync(member, new() { ["openToMentoring"] = mentor, ["seekingMentor"] = mentee, ["mentorCapacity"] = mentor ? 2 : 0 });
    }

    private async Task AssertWaitingAsync(HttpClient adminBrowser, int mentors, int mentees)
    {
        var scraper = app.Anonymous();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TrellisApp.MetricsToken);

        var ready = JsonNode.Parse(await scraper.GetStringAsync("/health/ready"))!;
        var embeddings = ready["checks"]!["embeddings"]!;
        Assert.Equal("Healthy", (string?)embeddings["status"]);
        Assert.Equal(mentors, (int)embeddings["data"]!["mentorsWaiting"]!);
        Assert.Equal(mentees, (int)embeddings["data"]!["menteesWaiting"]!);
        Assert.Equal(EmbeddingRefresher.Model, (string?)embeddings["data"]!["model"]);
        Assert.Equal("Healthy", (string?)ready["checks"]!["database"]!["status"]);

        Assert.Equal((mentors, mentees), Gauge());

        var page = await adminBrowser.GetStringAsync("/Admin/Matching");
        Assert.Equal(mentors.ToString(System.Globalization.CultureInfo.InvariantCulture), Regex.Match(page, "id=\"mentors-waiting\">(\\d+)<").Groups[1].Value);
        Assert.Equal(mentees.ToString(System.Globalization.CultureInfo.InvariantCulture), Regex.Match(page, "id=\"mentees-waiting\">(\\d+)<").Groups[1].Value);
    }
}
