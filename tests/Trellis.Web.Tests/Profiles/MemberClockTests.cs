using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Profiles;

/// <summary>One clock for a member's today and local times, with one answer for a zone the server does not know.</summary>
public sealed class MemberClockTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public void AnUnknownOrMissingZone_IsUtc()
    {
        Assert.Same(TimeZoneInfo.Utc, MemberClock.Zone("Mars/Olympus_Mons"));
        Assert.Same(TimeZoneInfo.Utc, MemberClock.Zone(null));
        Assert.Equal("Pacific/Auckland", MemberClock.Zone("Pacific/Auckland").Id);
    }

    [Fact]
    public void Today_IsTheDateInTheMembersZone_NotUtcs()
    {
        var lateEveningUtc = new DateTimeOffset(2026, 12, 31, 22, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2027, 1, 1), MemberClock.Zone("Pacific/Auckland").TodayAt(lateEveningUtc));
        Assert.Equal(new DateOnly(2026, 12, 31), MemberClock.Zone("America/Los_Angeles").TodayAt(lateEveningUtc));
        Assert.Equal("1 Jan 2027, 11:00 (Pacific/Auckland)", MemberClock.Zone("Pacific/Auckland").Local(lateEveningUtc));
    }

    [Fact]
    public async Task AMemberWhoseStoredZoneIsUnknown_CanStillDraftAndSendARequest()
    {
        var mentor = await app.MentorAsync();
        var mentee = await app.MenteeAsync();
        // A zone removed from the server's time-zone database after the profile was saved.
        await app.WithDbAsync(db => db.Profiles.Where(p => p.MemberId == mentee.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.TimeZone, "Mars/Olympus_Mons")));

        var templates = await mentee.Api.GetAsync("/api/v1/mentorships/templates");
        Assert.Equal(HttpStatusCode.OK, templates.StatusCode);
        var start = (string?)(await templates.Content.ReadFromJsonAsync<JsonArray>())![0]!["agreement"]!["startDate"];
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7), DateOnly.Parse(start!, System.Globalization.CultureInfo.InvariantCulture));
        await mentee.ProposeAsync(mentor);
        Assert.Equal(1, await app.WithDbAsync(db => db.Mentorships.CountAsync(m => m.MenteeId == mentee.Id)));
    }
}
