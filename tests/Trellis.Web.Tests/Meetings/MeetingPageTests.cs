using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Meetings;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Meetings;

public sealed partial class MeetingPageTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task EachMemberSeesTheSameMeeting_InTheirOwnZone_OnTheMeetingsPage_TheOverview_AndTheDashboard()
    {
        var pair = await app.ActivePairAsync(mentor: "Maria Pages", mentee: "Tom Pages");
        var meeting = await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.MentorshipId == pair.Id));
        var london = TimeZoneInfo.ConvertTime(meeting.StartsAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        var newYork = TimeZoneInfo.ConvertTime(meeting.StartsAt, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

        var mentorPage = WebUtility.HtmlDecode(await pair.Mentor.Member.Browser.GetStringAsync($"/Mentorships/{pair.Id}/Meetings"));
        var menteePage = WebUtility.HtmlDecode(await pair.Mentee.Member.Browser.GetStringAsync($"/Mentorships/{pair.Id}/Meetings"));
        Assert.Contains($"{london:HH:mm}–", mentorPage, StringComparison.Ordinal);
        Assert.Contains("(Europe/London)", mentorPage, StringComparison.Ordinal);
        Assert.Contains($"{newYork:HH:mm}–", menteePage, StringComparison.Ordinal);
        Assert.Contains("(America/New_York)", menteePage, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\"><strong>Meetings</strong>", menteePage, StringComparison.Ordinal);

        var overview = WebUtility.HtmlDecode(await pair.Mentee.Member.Browser.GetStringAsync($"/Mentorships/{pair.Id}"));
        Assert.Contains("id=\"meetings-summary\"", overview, StringComparison.Ordinal);
        Assert.Contains($"{newYork:HH:mm}–", overview, StringComparison.Ordinal);
        var dashboard = WebUtility.HtmlDecode(await pair.Mentor.Member.Browser.GetStringAsync("/Dashboard"));
        Assert.Contains("id=\"meetings-dashboard\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("with Tom Pages", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProposeAcceptAgendaNoteAndCancel_ThroughTheForms()
    {
        var pair = await app.ActivePairAsync(mentor: "Maria Forms", mentee: "Tom Forms");
        var page = $"/Mentorships/{pair.Id}/Meetings";
        var start = MeetingBuilders.FutureLocal(5, DayOfWeek.Tuesday, 10);

        var bad = await pair.Mentee.Member.Browser.PostAsync(page, new { Propose__Start = "2020-01-01T10:00", Propose__Minutes = "60" }, "Propose");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("future", Forms.FieldError(await bad.Content.ReadAsStringAsync(), "Propose_Start"), StringComparison.Ordinal);

        var proposed = await pair.Mentee.Member.Browser.PostAsync(page, new { Propose__Start = start, Propose__Minutes = "45" }, "Propose");
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var meetingPage = proposed.Headers.Location!.OriginalString;
        var meetingId = Guid.Parse(meetingPage.Split('/').Last());
        var stored = await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId));
        Assert.Equal(45, stored.Minutes);
        Assert.Equal(10, TimeZoneInfo.ConvertTime(stored.StartsAt, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).Hour); // the mentee's own zone

        var mentorView = await pair.Mentor.Member.Browser.GetStringAsync(meetingPage);
        Assert.Contains("Accept this time", mentorView, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await pair.Mentor.Member.Browser.PostAsync(meetingPage, new { Version = stored.Version.ToString() }, "Accept")).StatusCode);
        Assert.Equal(MeetingStatus.Confirmed, await app.WithDbAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Status).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await pair.Mentee.Member.Browser.PostAsync(meetingPage, new { AgendaText = "Salary negotiation" }, "Agenda")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await pair.Mentee.Member.Browser.PostAsync(meetingPage, new { Note__Text = "Only mine QQ7", Note__Private = "true" }, "Note")).StatusCode);
        var mentorSees = await pair.Mentor.Member.Browser.GetStringAsync(meetingPage);
        Assert.Contains("Salary negotiation", mentorSees, StringComparison.Ordinal);
        Assert.DoesNotContain("QQ7", mentorSees, StringComparison.Ordinal);

        var version = await app.WithDbAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Version).SingleAsync());
        var noNote = await pair.Mentor.Member.Browser.PostAsync(meetingPage, new { Version = version.ToString(), CancelNote = "" }, "Cancel");
        Assert.Equal(HttpStatusCode.OK, noNote.StatusCode);
        Assert.NotNull(Forms.FieldError(await noNote.Content.ReadAsStringAsync(), "CancelNote"));
        Assert.Equal(HttpStatusCode.Redirect, (await pair.Mentor.Member.Browser.PostAsync(meetingPage, new { Version = version.ToString(), CancelNote = "Something came up" }, "Cancel")).StatusCode);
        var menteeSees = await pair.Mentee.Member.Browser.GetStringAsync(meetingPage);
        Assert.Contains("Cancelled: “Something came up”", WebUtility.HtmlDecode(menteeSees), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProposedFirstMeeting_CanBeAcceptedFromTheList()
    {
        var pair = await app.ActivePairAsync(mentor: "Maria List", mentee: "Tom List");
        var meeting = await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.MentorshipId == pair.Id));
        var page = $"/Mentorships/{pair.Id}/Meetings";
        Assert.Contains("proposed, waiting for you", await pair.Mentor.Member.Browser.GetStringAsync(page), StringComparison.Ordinal);

        var accepted = await pair.Mentor.Member.Browser.PostAsync(page, new { meetingId = meeting.Id.ToString(), version = meeting.Version.ToString() }, "Accept");

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(MeetingStatus.Confirmed, await app.WithDbAsync(db => db.Meetings.Where(m => m.Id == meeting.Id).Select(m => m.Status).SingleAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.Meetings.CountAsync(m => m.MentorshipId == pair.Id))); // the next one follows the cadence
    }

    [Fact]
    public async Task TheCalendarSettingsPage_ShowsANewFeedAddressOnce_AndTurningItOffRevokesIt()
    {
        var pair = await app.ActivePairAsync(mentor: "Maria Settings", mentee: "Tom Settings");
        var browser = pair.Mentee.Member.Browser;
        Assert.Contains("You have no calendar feed", await browser.GetStringAsync("/Settings/Calendar"), StringComparison.Ordinal);

        var made = await browser.PostAsync("/Settings/Calendar", new { }, "Regenerate");
        var html = await made.Content.ReadAsStringAsync();
        var url = new Uri(FeedUrl().Match(html).Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync(url.PathAndQuery)).StatusCode);
        Assert.DoesNotContain(url.AbsolutePath, await browser.GetStringAsync("/Settings/Calendar"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/Settings/Calendar", new { }, "Revoke")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync(url.PathAndQuery)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/Settings/Calendar", new { DayBefore = "true" }, "Reminders")).StatusCode);
        var pref = await app.WithDbAsync(db => db.MeetingReminderPreferences.AsNoTracking().SingleAsync(p => p.MemberId == pair.Mentee.Id));
        Assert.True(pref.DayBefore);
        Assert.False(pref.HourBefore);
    }

    [GeneratedRegex("id=\"feed-url\" value=\"([^\"]+)\"")]
    private static partial Regex FeedUrl();
}
