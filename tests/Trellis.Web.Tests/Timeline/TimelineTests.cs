using System.Net;
using System.Net.Http.Json;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Profiles;

namespace Trellis.Web.Tests.Timeline;

public sealed class TimelineTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task TheApi_PagesNewestFirst_WithACursor_WithoutRepeatsOrGaps()
    {
        var w = await app.ActiveAsync("Paging");
        var t0 = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 23; i++) db.AddTimeline(w.Id, t0.AddHours(i), w.Mentee.Id, "test", $"Entry {i}");
            // Two entries at the same instant must both appear, once.
            db.AddTimeline(w.Id, t0.AddHours(5), null, "test", "Entry 5b");
            await db.SaveChangesAsync();
        });

        var seen = new List<string>();
        var instants = new List<DateTimeOffset>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await w.Mentor.GetJsonAsync($"/api/v1/mentorships/{w.Id}/timeline?size=10" + (cursor is null ? "" : $"&before={cursor}"));
            pages++;
            foreach (var item in page["items"]!.AsArray())
            {
                seen.Add((string)item!["text"]!);
                instants.Add(DateTimeOffset.Parse((string)item["at"]!, System.Globalization.CultureInfo.InvariantCulture));
            }
            cursor = (string?)page["next"];
        } while (cursor is not null && pages < 10);

        var total = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.TimelineEntries, e => e.MentorshipId == w.Id));
        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(instants.OrderByDescending(i => i), instants);
        Assert.Contains("Entry 5b", seen);
        // The newest: what the acceptance caused now (the acceptance, the goals it seeded, the first meeting
        // proposed), all before the entries dated January.
        Assert.Contains(seen.TakeWhile(s => !s.StartsWith("Entry ", StringComparison.Ordinal)), s => s.StartsWith("Maria Paging accepted version 1", StringComparison.Ordinal));
        Assert.Equal("Entry 0", seen[^1]);
        Assert.Equal((total + 9) / 10, pages);
    }

    [Fact]
    public async Task OnlyTheTwoMembers_SeeTheTimeline_AndBadPagingIsNamed()
    {
        var w = await app.ActiveAsync("Members");
        var other = await app.ActiveAsync("Others");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Mentee.Api.GetAsync($"/api/v1/mentorships/{w.Id}/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Mentor.Api.GetAsync($"/api/v1/mentorships/{w.Id}/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Mentor.Member.Browser.GetAsync($"/Mentorships/{w.Id}/Timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Mentee.Api.GetAsync($"/api/v1/mentorships/{w.Id}/timeline")).StatusCode);

        await (await w.Mentee.Api.GetAsync($"/api/v1/mentorships/{w.Id}/timeline?before=yesterday")).AssertNamesFieldAsync("before");
        await (await w.Mentee.Api.GetAsync($"/api/v1/mentorships/{w.Id}/timeline?size=0")).AssertNamesFieldAsync("size");
        await (await w.Mentee.Api.GetAsync($"/api/v1/mentorships/{w.Id}/timeline?size=101")).AssertNamesFieldAsync("size");
    }

    [Fact]
    public async Task ThePage_ShowsTimesInEachViewersZone()
    {
        var w = await app.ActiveAsync("Zones");
        var profile = await ProfileApiTests.ValidBody(w.Mentee.Api);
        profile["timeZone"] = "Asia/Tokyo";
        (await w.Mentee.Api.PutAsJsonAsync("/api/v1/me/profile", profile)).EnsureSuccessStatusCode();
        await app.WithDbAsync(async db =>
        {
            db.AddTimeline(w.Id, new DateTimeOffset(2026, 7, 15, 12, 0, 0, TimeSpan.Zero), w.Mentor.Id, "test", "Maria Zones did something in July", $"/Mentorships/{w.Id}");
            await db.SaveChangesAsync();
        });

        var menteePage = await w.Mentee.Member.Browser.GetStringAsync($"/Mentorships/{w.Id}/Timeline");
        Assert.Contains("15 Jul 2026, 21:00 (Asia/Tokyo)", menteePage, StringComparison.Ordinal);
        var mentorPage = await w.Mentor.Member.Browser.GetStringAsync($"/Mentorships/{w.Id}/Timeline");
        Assert.Contains("15 Jul 2026, 13:00 (Europe/Lisbon)", mentorPage, StringComparison.Ordinal); // summer time
        Assert.Contains("Maria Zones did something in July", mentorPage, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\"><strong>Timeline</strong>", mentorPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePage_PagesToOlderEntries()
    {
        var w = await app.ActiveAsync("OlderPage");
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 30; i++) db.AddTimeline(w.Id, new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i), null, "test", $"Old entry {i:00}");
            await db.SaveChangesAsync();
        });
        var first = await w.Mentee.Member.Browser.GetStringAsync($"/Mentorships/{w.Id}/Timeline");
        Assert.DoesNotContain("Old entry 00", first, StringComparison.Ordinal);
        var older = System.Text.RegularExpressions.Regex.Match(first, "href=\"([^\"]+)\" id=\"older\"").Groups[1].Value;
        var second = await w.Mentee.Member.Browser.GetStringAsync(System.Net.WebUtility.HtmlDecode(older));
        Assert.Contains("Old entry 00", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Old entry 29", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesCheckInsGoalsAndTheTimeline()
    {
        var document = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        foreach (var path in new[]
        {
            "/api/v1/mentorships/{id}/checkins", "/api/v1/mentorships/{id}/checkins/{checkInId}/answer", "/api/v1/mentorships/{id}/checkins/{checkInId}/resolve",
            "/api/v1/me/goals", "/api/v1/me/goals/{goalId}/milestones/{milestoneId}", "/api/v1/me/goals/{goalId}/links",
            "/api/v1/mentorships/{id}/goals/{goalId}/notes", "/api/v1/mentorships/{id}/timeline",
        })
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
    }
}
