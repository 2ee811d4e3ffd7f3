using System.Net;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.CheckIns;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Timeline;

namespace Trellis.Web.Tests.CheckIns;

public sealed class CheckInPageTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task TheMenteeAsksOnThePage_TheMentorAnswersOnThePage()
    {
        var w = await app.ActiveAsync("Page");
        var page = $"/Mentorships/{w.Id}/CheckIns";
        var menteePage = await w.Mentee.Member.Browser.GetStringAsync(page);
        Assert.Contains("answers within 3 days", menteePage, StringComparison.Ordinal);
        Assert.Contains("I'm facing a challenge", menteePage, StringComparison.Ordinal);
        Assert.DoesNotContain("I'm facing a challenge", await w.Mentor.Member.Browser.GetStringAsync(page), StringComparison.Ordinal);

        var raised = await w.Mentee.Member.Browser.PostAsync(page, new { Input__Text = "How do I say no to my manager?", Input__Urgency = "Today" }, "Raise");
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        var checkIn = await app.WithDbAsync(db => db.CheckIns.AsNoTracking().SingleAsync(c => c.MentorshipId == w.Id));
        Assert.Equal(CheckInUrgency.Today, checkIn.Urgency);

        var mentorPage = await w.Mentor.Member.Browser.GetStringAsync(page);
        Assert.Contains("How do I say no to my manager?", mentorPage, StringComparison.Ordinal);
        Assert.Contains("answer expected by", mentorPage, StringComparison.Ordinal);
        Assert.Contains("(Europe/Lisbon)", mentorPage, StringComparison.Ordinal); // the mentor's own zone

        var empty = await w.Mentor.Member.Browser.PostAsync($"{page}?checkInId={checkIn.Id}", new { AnswerText = "" }, "Answer");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("Write your answer.", Forms.FieldError(await empty.Content.ReadAsStringAsync(), "AnswerText"));

        var answered = await w.Mentor.Member.Browser.PostAsync($"{page}?checkInId={checkIn.Id}", new { AnswerText = "Offer what you *can* do instead." }, "Answer");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Contains("Offer what you <em>can</em> do instead.", await w.Mentee.Member.Browser.GetStringAsync(page), StringComparison.Ordinal);

        var resolved = await w.Mentee.Member.Browser.PostAsync($"{page}?checkInId={checkIn.Id}", Array.Empty<KeyValuePair<string, string>>(), "Resolve");
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        Assert.Equal(CheckInStatus.Resolved, await app.WithDbAsync(db => db.CheckIns.Where(c => c.Id == checkIn.Id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task AnEmptyRequest_ShowsErrorsNextToTheFields_AndSavesNothing()
    {
        var w = await app.ActiveAsync("Empty");
        var response = await w.Mentee.Member.Browser.PostAsync($"/Mentorships/{w.Id}/CheckIns", new { Input__Text = "" }, "Raise");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.NotNull(Forms.FieldError(html, "Input_Text"));
        Assert.Contains("id=\"Input_Urgency-error\"", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.CheckIns.AnyAsync(c => c.MentorshipId == w.Id)));
    }

    [Fact]
    public async Task AThirdMember_Gets404FromThePage()
    {
        var w = await app.ActiveAsync("Private");
        var outsider = await app.SignedInAsync("Eve Outsider");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Browser.GetAsync($"/Mentorships/{w.Id}/CheckIns")).StatusCode);
    }
}
