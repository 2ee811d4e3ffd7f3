using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Meetings;

/// <summary>Issue 17 items 6 and 9: how to join a call (only the pair sees it), and calendar alarms that follow
/// each member's reminder settings.</summary>
public sealed class MeetingCallDetailsTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    private const string Link = "https://meet.example.com/trellis-maria-tom";

    [Fact]
    public async Task CallDetails_AreCheckedThenShownToThePair_InTheApiPagesEmailAndFeed_AndKeptForTheNextMeeting()
    {
        var pair = await app.ActivePairAsync(mentor: "Maria Call", mentee: "Tom Call");
        var first = (await pair.Mentee.MeetingsAsync(pair))[0]!.AsObject();
        var url = $"{pair.Meetings}/{first.MeetingId()}/call";

        foreach (var bad in new[] { "javascript:alert(1)", "http://meet.example.com/x", "ftp://meet.example.com", "call me maybe", "12345", "https://" })
        {
            var refused = await pair.Mentee.Api.PutAsJsonAsync(url, new { version = first.MeetingVersion(), callDetails = bad });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("callDetails", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Null(await app.WithDbAsync(db => db.Meetings.Where(m => m.Id == first.MeetingId()).Select(m => m.CallDetails).SingleAsync()));

        var set = await (await pair.Mentee.Api.PutAsJsonAsync(url, new { version = first.MeetingVersion(), callDetails = $"  {Link} " })).ReadAsync();
        Assert.Equal(Link, (string?)set.Meeting()["callDetails"]);
        Assert.True((int)set.Meeting()["sequence"]! > (int)first["sequence"]!, "a calendar app only takes the new LOCATION with a higher SEQUENCE");
        var stale = await pair.Mentee.Api.PutAsJsonAsync(url, new { version = first.MeetingVersion(), callDetails = "+44 20 7946 0000" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        // The mentor: API, the meeting page, the mentorship's overview and the e-mail.
        var seen = await pair.Mentor.Api.GetFromJsonAsync<JsonObject>($"{pair.Meetings}/{first.MeetingId()}");
        Assert.Equal(Link, (string?)seen!.Meeting()["callDetails"]);
        var page = WebUtility.HtmlDecode(await pair.Mentor.Member.Browser.GetStringAsync($"/Mentorships/{pair.Id}/Meetings/{first.MeetingId()}"));
        Assert.Contains($"<a href=\"{Link}\" rel=\"noopener noreferrer\">{Link}</a>", page, StringComparison.Ordinal);
        var overview = WebUtility.HtmlDecode(await pair.Mentor.Member.Browser.GetStringAsync($"/Mentorships/{pair.Id}"));
        Assert.Contains($"Join: <a href=\"{Link}\"", overview, StringComparison.Ordinal);
        // The workspace leads with what's next; the agreement is one click away (a closed details), below it.
        int At(string marker) => overview.IndexOf(marker, StringComparison.Ordinal);
        var nextMeeting = At("id=\"next-meeting-heading\"");
        Assert.True(nextMeeting >= 0 && nextMeeting < At("id=\"agreement-in-force\""), "the next meeting comes before the agreement");
        Assert.Contains("<details id=\"agreement-terms\">", overview, StringComparison.Ordinal);
        var mail = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == pair.Mentor.Member.Email)
            && m.Subject == "Tom Call added how to join your meeting");
        Assert.Contains($"Join: {Link}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Join: {Link}", WebUtility.HtmlDecode(mail.HtmlBody), StringComparison.Ordinal);

        // The mentor's own feed: LOCATION and URL.
        var feedUrl = new Uri((string)(await (await pair.Mentor.Api.PostAsync("/api/v1/me/calendar", null)).ReadAsync())["url"]!);
        var fromFeed = Calendar.Load(await app.Anonymous().GetStringAsync(feedUrl.PathAndQuery))!.Events.Single(e => e.Uid == (string)first["uid"]!);
        Assert.Equal(Link, fromFeed.Location);
        Assert.Equal(new Uri(Link), fromFeed.Url);

        // A third member and the pages of a stranger see nothing of it.
        var eve = await app.MenteeAsync("Eve Stranger");
        Assert.Equal(HttpStatusCode.NotFound, (await eve.Api.GetAsync($"{pair.Meetings}/{first.MeetingId()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await eve.Api.PutAsJsonAsync(url, new { version = set.MeetingVersion(), callDetails = "+1 555 0100 200" })).StatusCode);
        var eveFeed = new Uri((string)(await (await eve.Api.PostAsync("/api/v1/me/calendar", null)).ReadAsync())["url"]!);
        Assert.DoesNotContain("meet.example.com", await app.Anonymous().GetStringAsync(eveFeed.PathAndQuery), StringComparison.Ordinal);

        // Accepting proposes the next meeting with the same call details.
        (await pair.Mentor.AcceptMeetingAsync(pair, set)).EnsureSuccessStatusCode();
        var next = (await pair.Mentee.MeetingsAsync(pair))[1]!.AsObject();
        Assert.Equal(Link, (string?)next["callDetails"]);

        // A phone number: LOCATION without URL, a tel: link on the page, changed through the page form.
        var meetingPage = $"/Mentorships/{pair.Id}/Meetings/{next.MeetingId()}";
        var badForm = await pair.Mentor.Member.Browser.PostAsync(meetingPage, new { Version = next.MeetingVersion(), CallDetailsText = "not a number" }, "Call");
        Assert.Equal(HttpStatusCode.OK, badForm.StatusCode);
        Assert.Contains("https://", Forms.FieldError(await badForm.Content.ReadAsStringAsync(), "CallDetailsText"), StringComparison.Ordinal);
        var form = await pair.Mentor.Member.Browser.PostAsync(meetingPage, new { Version = next.MeetingVersion(), CallDetailsText = "+44 (0)20 7946 0000 ext. 12" }, "Call");
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        var phonePage = WebUtility.HtmlDecode(await pair.Mentee.Member.Browser.GetStringAsync(meetingPage));
        Assert.Contains("href=\"tel:+442079460000\"", phonePage, StringComparison.Ordinal);
        var ics = Calendar.Load(await pair.Mentee.Api.GetStringAsync($"{pair.Meetings}/{next.MeetingId()}.ics"))!.Events.Single();
        Assert.Equal("+44 (0)20 7946 0000 ext. 12", ics.Location);
        Assert.Null(ics.Url);
    }

    [Fact]
    public async Task TheFeedAndTheDownload_CarryAlarms_ThatFollowTheReadersReminderSettings()
    {
        var pair = await app.ActivePairAsync(mentor: "Maria Alarm", mentee: "Tom Alarm");
        var first = (await pair.Mentee.MeetingsAsync(pair))[0]!.AsObject();
        var feed = new Uri((string)(await (await pair.Mentee.Api.PostAsync("/api/v1/me/calendar", null)).ReadAsync())["url"]!);

        // Defaults: a day and an hour before, as Trellis's own reminders.
        Assert.Equal([TimeSpan.FromHours(-24), TimeSpan.FromHours(-1)], Triggers(await app.Anonymous().GetStringAsync(feed.PathAndQuery), first));

        (await pair.Mentee.Api.PutAsJsonAsync("/api/v1/me/calendar/reminders", new { dayBefore = false, hourBefore = true })).EnsureSuccessStatusCode();
        Assert.Equal([TimeSpan.FromHours(-1)], Triggers(await app.Anonymous().GetStringAsync(feed.PathAndQuery), first));
        Assert.Equal([TimeSpan.FromHours(-1)], Triggers(await pair.Mentee.Api.GetStringAsync($"{pair.Meetings}/{first.MeetingId()}.ics"), first));
        // The download is the reader's: the mentor kept the defaults.
        Assert.Equal([TimeSpan.FromHours(-24), TimeSpan.FromHours(-1)], Triggers(await pair.Mentor.Api.GetStringAsync($"{pair.Meetings}/{first.MeetingId()}.ics"), first));

        (await pair.Mentee.Api.PutAsJsonAsync("/api/v1/me/calendar/reminders", new { dayBefore = false, hourBefore = false })).EnsureSuccessStatusCode();
        Assert.Empty(Triggers(await app.Anonymous().GetStringAsync(feed.PathAndQuery), first));

        // A cancelled meeting rings nobody.
        (await pair.Mentor.Api.PostAsJsonAsync($"{pair.Meetings}/{first.MeetingId()}/cancel", new { version = first.MeetingVersion(), note = "Ill" })).EnsureSuccessStatusCode();
        Assert.Empty(Triggers(await pair.Mentor.Api.GetStringAsync($"{pair.Meetings}/{first.MeetingId()}.ics"), first));
    }

    private static List<TimeSpan> Triggers(string ics, JsonObject meeting)
    {
        var e = Calendar.Load(ics)!.Events.Single(x => x.Uid == (string)meeting.Meeting()["uid"]!);
        Assert.All(e.Alarms, a => Assert.Equal(AlarmAction.Display, a.Action));
        Assert.All(e.Alarms, a => Assert.False(string.IsNullOrWhiteSpace(a.Description)));
        return [.. e.Alarms.Select(a => a.Trigger!.Duration!.Value.ToTimeSpanUnspecified())];
    }
}
