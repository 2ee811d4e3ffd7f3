using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Profiles;

namespace Trellis.Web.Tests.Timeline;

/// <summary>Messages, version history and notifications read in each member's own zone, like meetings do.</summary>
public sealed class LocalTimesTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly TimeZoneInfo Lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");

    private static string In(TimeZoneInfo zone, DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    private static void AssertShows(string page, string text) =>
        Assert.True(page.Contains(text, StringComparison.Ordinal),
            $"{text} not among: {string.Join(" | ", Regex.Matches(page, "<time[^>]*>[^<]*</time>|<local-time[^>]*>").Select(m => m.Value))}");

    [Fact]
    public async Task MessagesVersionsAndNotifications_ShowEachViewersOwnZone_NotUtc()
    {
        var w = await app.ActiveAsync("Localtimes");
        var profile = await ProfileApiTests.ValidBody(w.Mentee.Api);
        profile["timeZone"] = "Asia/Tokyo";
        (await w.Mentee.Api.PutAsJsonAsync("/api/v1/me/profile", profile)).EnsureSuccessStatusCode();
        (await w.Mentee.Api.PostAsJsonAsync($"/api/v1/mentorships/{w.Id}/messages", new { body = "Hello from Tokyo" })).EnsureSuccessStatusCode();
        var sent = await app.WithDbAsync(db => db.Messages.Where(m => m.MentorshipId == w.Id).Select(m => m.CreatedAt).SingleAsync());
        var proposed = await app.WithDbAsync(db => db.AgreementVersions.Where(v => v.MentorshipId == w.Id && v.Number == 1).Select(v => v.ProposedAt).SingleAsync());
        var welcomed = await app.WithDbAsync(db => db.Notifications.Where(n => n.MemberId == w.Mentee.Member.Id).OrderBy(n => n.CreatedAt).Select(n => n.CreatedAt).FirstAsync());

        var menteeMessages = await w.Mentee.Member.Browser.GetStringAsync($"/Mentorships/{w.Id}/Messages");
        AssertShows(menteeMessages, $">{In(Tokyo, sent)}</time>");
        Assert.Contains($"datetime=\"{sent.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)}Z\"", menteeMessages, StringComparison.Ordinal);
        var mentorMessages = await w.Mentor.Member.Browser.GetStringAsync($"/Mentorships/{w.Id}/Messages");
        AssertShows(mentorMessages, $">{In(Lisbon, sent)}</time>");

        var history = await w.Mentee.Member.Browser.GetStringAsync($"/Mentorships/{w.Id}");
        AssertShows(history, $">{In(Tokyo, proposed)}</time>");
        var notifications = await w.Mentee.Member.Browser.GetStringAsync("/Notifications");
        AssertShows(notifications, $">{In(Tokyo, welcomed)}</time>");

        foreach (var page in new[] { menteeMessages, history, notifications })
            Assert.DoesNotContain(" UTC<", page, StringComparison.Ordinal);
    }
}
