using System.Net;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.CheckIns;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Timeline;

namespace Trellis.Web.Tests.CheckIns;

public sealed class CheckInApiTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    private const string Secret = "My manager wants me to **lead the migration** and I feel out of my depth";

    private static string Url(Guid mentorshipId, string rest = "") => $"/api/v1/mentorships/{mentorshipId}/checkins{rest}";

    [Fact]
    public async Task MenteeRaises_MentorAnswers_MenteeResolves_AndBothAreTold()
    {
        var w = await app.ActiveAsync("Flow");
        var raised = await w.Mentee.PostJsonAsync(Url(w.Id), new { text = Secret, urgency = "ThisWeek" });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var checkIn = await raised.JsonAsync();
        var cid = Guid.Parse((string)checkIn["id"]!);
        var createdAt = DateTimeOffset.Parse((string)checkIn["createdAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        // The agreement says answers within 3 days; "this week" takes the agreement's time (at most 7 days).
        Assert.Equal(createdAt.AddDays(3), DateTimeOffset.Parse((string)checkIn["answerDueAt"]!, System.Globalization.CultureInfo.InvariantCulture));

        var seenByMentor = await w.Mentor.GetJsonAsync(Url(w.Id));
        Assert.Equal(3, (int)seenByMentor["responseWithinDays"]!);
        Assert.Equal(Secret, (string)seenByMentor["checkIns"]![0]!["text"]!);
        Assert.Equal("Open", (string)seenByMentor["checkIns"]![0]!["status"]!);
        var told = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.MemberId == w.Mentor.Id && n.Kind == NotificationKind.CheckIn));
        Assert.Contains("Tom Flow is facing a challenge", told.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("migration", told.Body, StringComparison.Ordinal);

        var answered = await w.Mentor.PostJsonAsync(Url(w.Id, $"/{cid}/answer"), new { text = "Ask for a pairing partner for the first month." });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("Answered", (string)(await answered.JsonAsync())["status"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await w.Mentor.PostJsonAsync(Url(w.Id, $"/{cid}/answer"), new { text = "Again" })).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == w.Mentee.Id && n.Kind == NotificationKind.CheckIn && n.Title.Contains("answered"))));

        var resolved = await w.Mentee.Api.PostAsync(Url(w.Id, $"/{cid}/resolve"), null);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var stored = await app.WithDbAsync(db => db.CheckIns.AsNoTracking().SingleAsync(c => c.Id == cid));
        Assert.Equal(CheckInStatus.Resolved, stored.Status);
        Assert.Equal("Ask for a pairing partner for the first month.", stored.Answer);

        // The timeline says what happened, never what was written.
        var timeline = await app.WithDbAsync(db => db.TimelineEntries.Where(e => e.MentorshipId == w.Id && e.Kind == "check-in").Select(e => e.Text).ToListAsync());
        Assert.Equal(3, timeline.Count);
        Assert.Contains("Tom Flow raised a check-in (this week).", timeline);
        Assert.All(timeline, t => Assert.DoesNotContain("migration", t, StringComparison.Ordinal));
        Assert.All(timeline, t => Assert.DoesNotContain("pairing", t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnlyTheMenteeRaisesAndResolves_OnlyTheMentorAnswers()
    {
        var w = await app.ActiveAsync("Roles");
        Assert.Equal(HttpStatusCode.Conflict, (await w.Mentor.PostJsonAsync(Url(w.Id), new { text = "I'm stuck", urgency = "Today" })).StatusCode);
        var cid = Guid.Parse((string)(await (await w.Mentee.PostJsonAsync(Url(w.Id), new { text = "I'm stuck", urgency = "Today" })).JsonAsync())["id"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await w.Mentee.PostJsonAsync(Url(w.Id, $"/{cid}/answer"), new { text = "Self-help" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await w.Mentor.Api.PostAsync(Url(w.Id, $"/{cid}/resolve"), null)).StatusCode);
        var stored = await app.WithDbAsync(db => db.CheckIns.AsNoTracking().SingleAsync(c => c.Id == cid));
        Assert.Equal(CheckInStatus.Open, stored.Status);
        Assert.Null(stored.Answer);
    }

    [Fact]
    public async Task ARequestNotYetAccepted_HasNoCheckIns()
    {
        var mentor = await app.MentorAsync("Maria Pending");
        var mentee = await app.MenteeAsync("Tom Pending");
        var id = (await mentee.ProposeAsync(mentor)).Id();
        Assert.Equal(HttpStatusCode.Conflict, (await mentee.PostJsonAsync(Url(id), new { text = "Help", urgency = "Today" })).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.CheckIns.AnyAsync(c => c.MentorshipId == id)));
    }

    [Fact]
    public async Task AMemberOfAnotherMentorship_Gets404_EvenWithAValidCheckInId()
    {
        var mine = await app.ActiveAsync("Mine");
        var theirs = await app.ActiveAsync("Theirs");
        var myCheckIn = Guid.Parse((string)(await (await mine.Mentee.PostJsonAsync(Url(mine.Id), new { text = "Mine", urgency = "Today" })).JsonAsync())["id"]!);
        var theirCheckIn = Guid.Parse((string)(await (await theirs.Mentee.PostJsonAsync(Url(theirs.Id), new { text = "Theirs", urgency = "Today" })).JsonAsync())["id"]!);

        // Outsiders on my mentorship.
        foreach (var outsider in new[] { theirs.Mentee, theirs.Mentor })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.GetAsync(Url(mine.Id))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.GetAsync(Url(mine.Id, $"/{myCheckIn}"))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostJsonAsync(Url(mine.Id), new { text = "x", urgency = "Today" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostJsonAsync(Url(mine.Id, $"/{myCheckIn}/answer"), new { text = "x" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.PostAsync(Url(mine.Id, $"/{myCheckIn}/resolve"), null)).StatusCode);
        }
        // My mentorship with their check-in's id: /mentorships/{mine}/checkins/{theirs}.
        Assert.Equal(HttpStatusCode.NotFound, (await mine.Mentee.Api.GetAsync(Url(mine.Id, $"/{theirCheckIn}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.Mentor.PostJsonAsync(Url(mine.Id, $"/{theirCheckIn}/answer"), new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.Mentee.Api.PostAsync(Url(mine.Id, $"/{theirCheckIn}/resolve"), null)).StatusCode);

        var stored = await app.WithDbAsync(db => db.CheckIns.AsNoTracking().SingleAsync(c => c.Id == theirCheckIn));
        Assert.Equal(CheckInStatus.Open, stored.Status);
        Assert.Equal(1, await app.WithDbAsync(db => db.CheckIns.CountAsync(c => c.MentorshipId == mine.Id)));
    }

    [Fact]
    public async Task BadInput_Returns400NamingTheField_AndWritesNothing()
    {
        var w = await app.ActiveAsync("Bad");
        await (await w.Mentee.PostJsonAsync(Url(w.Id), new { text = "  ", urgency = "Today" })).AssertNamesFieldAsync("text");
        await (await w.Mentee.PostJsonAsync(Url(w.Id), new { text = new string('x', CheckIn.TextMax + 1), urgency = "Today" })).AssertNamesFieldAsync("text");
        await (await w.Mentee.PostJsonAsync(Url(w.Id), new { text = "Help" })).AssertNamesFieldAsync("urgency");
        await (await w.Mentee.PostJsonAsync(Url(w.Id), new { text = "Help", urgency = "Tomorrow" })).AssertNamesFieldAsync("urgency");
        Assert.False(await app.WithDbAsync(db => db.CheckIns.AnyAsync(c => c.MentorshipId == w.Id)));
        Assert.False(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == w.Mentor.Id && n.Kind == NotificationKind.CheckIn)));

        var cid = Guid.Parse((string)(await (await w.Mentee.PostJsonAsync(Url(w.Id), new { text = "Help", urgency = "Today" })).JsonAsync())["id"]!);
        await (await w.Mentor.PostJsonAsync(Url(w.Id, $"/{cid}/answer"), new { text = "" })).AssertNamesFieldAsync("text");
        await (await w.Mentor.PostJsonAsync(Url(w.Id, $"/{cid}/answer"), new { text = new string('y', CheckIn.TextMax + 1) })).AssertNamesFieldAsync("text");
        var stored = await app.WithDbAsync(db => db.CheckIns.AsNoTracking().SingleAsync(c => c.Id == cid));
        Assert.Equal(CheckInStatus.Open, stored.Status);
        Assert.Null(stored.Answer);
    }

    [Fact]
    public async Task CheckInText_IsRenderedAsSafeMarkdown_OnThePage()
    {
        var w = await app.ActiveAsync("Xss");
        await w.Mentee.PostJsonAsync(Url(w.Id), new { text = "**Bold** <script>alert(1)</script> [x](javascript:alert(2))", urgency = "ThisWeek" });
        var html = await w.Mentor.Member.Browser.GetStringAsync($"/Mentorships/{w.Id}/CheckIns");
        Assert.Contains("<strong>Bold</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:alert", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InAPausedMentorship_NothingNewIsRaisedOrAnswered_ButTheMenteeCanStillResolve()
    {
        var w = await app.ActiveAsync("Paused");
        var open = Guid.Parse((string)(await (await w.Mentee.PostJsonAsync(Url(w.Id), new { text = "Before the pause", urgency = "ThisWeek" })).JsonAsync())["id"]!);
        await app.WithDbAsync(async db =>
        {
            var m = await db.Mentorships.SingleAsync(x => x.Id == w.Id);
            Assert.Null(m.Pause(w.Mentor.Id, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.Conflict, (await w.Mentee.PostJsonAsync(Url(w.Id), new { text = "During", urgency = "Today" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await w.Mentor.PostJsonAsync(Url(w.Id, $"/{open}/answer"), new { text = "Late answer" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Mentee.Api.PostAsync(Url(w.Id, $"/{open}/resolve"), null)).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.CheckIns.CountAsync(c => c.MentorshipId == w.Id)));
        Assert.Equal(HttpStatusCode.OK, (await w.Mentor.Member.Browser.GetAsync($"/Mentorships/{w.Id}/CheckIns")).StatusCode); // still readable
    }
}
