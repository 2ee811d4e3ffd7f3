using System.Net;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Lifecycle;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Lifecycle;

public sealed class LifecyclePageTests(LifecycleApp app) : IClassFixture<LifecycleApp>
{
    [Fact]
    public async Task TheMentorshipPage_LinksToManage_AndShowsAProposalWaitingForMe()
    {
        var p = await app.ActivePairAsync("Maria Link", "Tom Link");
        Assert.Contains($"/Mentorships/{p.Id}/Manage", await p.Mentee.Member.Browser.GetStringAsync($"/Mentorships/{p.Id}"), StringComparison.Ordinal);

        var proposed = await p.Mentee.Member.Browser.PostAsync($"/Mentorships/{p.Id}/Manage", Array.Empty<KeyValuePair<string, string>>(), handler: "Complete");
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);

        Assert.Contains("id=\"completion-waiting\"", await p.Mentor.Member.Browser.GetStringAsync($"/Mentorships/{p.Id}"), StringComparison.Ordinal);
        var confirmed = await p.Mentor.Member.Browser.PostAsync($"/Mentorships/{p.Id}/Manage", Array.Empty<KeyValuePair<string, string>>(), handler: "Complete");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(MentorshipStatus.Completed, await app.StatusAsync(p.Id));
    }

    [Fact]
    public async Task Pause_WithADayInThePast_ShowsTheErrorNextToTheField_AndPausesNothing()
    {
        var p = await app.ActivePairAsync("Maria Form", "Tom Form");
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd");

        var response = await p.Mentee.Member.Browser.PostAsync($"/Mentorships/{p.Id}/Manage", new { Pause__ResumeOn = yesterday }, handler: "Pause");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(Forms.FieldError(await response.Content.ReadAsStringAsync(), "Pause_ResumeOn"));
        Assert.Equal(MentorshipStatus.Active, await app.StatusAsync(p.Id));
    }

    [Fact]
    public async Task Ending_AsksForConfirmationFirst_AndTheReasonStaysWithTheMemberWhoEnded()
    {
        var p = await app.ActivePairAsync("Maria Kind", "Tom Kind");
        var browser = p.Mentor.Member.Browser;
        var manage = await browser.GetStringAsync($"/Mentorships/{p.Id}/Manage");
        Assert.DoesNotContain("id=\"end-confirmed\"", manage, StringComparison.Ordinal);
        Assert.Contains($"/Mentorships/{p.Id}/Manage?confirm=end", manage, StringComparison.Ordinal);
        var confirm = await browser.GetStringAsync($"/Mentorships/{p.Id}/Manage?confirm=end");
        Assert.Contains("id=\"end-confirmed\"", confirm, StringComparison.Ordinal);
        Assert.Equal(MentorshipStatus.Active, await app.StatusAsync(p.Id));

        var ended = await browser.PostAsync($"/Mentorships/{p.Id}/Manage?confirm=end",
            new { Confirm = "end", End__Reason = "NoTime", End__Note = "New job eats every evening." }, handler: "End");

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(MentorshipStatus.Ended, await app.StatusAsync(p.Id));
        var mine = await browser.GetStringAsync($"/Mentorships/{p.Id}/Manage");
        Assert.Contains("New job eats every evening.", mine, StringComparison.Ordinal);
        Assert.Contains(Html(EndReasons.Text(EndReason.NoTime)), mine, StringComparison.Ordinal);
        foreach (var page in new[] { $"/Mentorships/{p.Id}/Manage", $"/Mentorships/{p.Id}" })
        {
            var theirs = await p.Mentee.Member.Browser.GetStringAsync(page);
            Assert.DoesNotContain("New job eats", theirs, StringComparison.Ordinal);
            Assert.DoesNotContain(Html(EndReasons.Text(EndReason.NoTime)), theirs, StringComparison.Ordinal);
        }

        // The reflection form, afterwards, is each member's own.
        var saved = await p.Mentee.Member.Browser.PostAsync($"/Mentorships/{p.Id}/Manage",
            new { Reflection__Learned = "To ask for feedback early.", Reflection__HelpedMost = "" }, handler: "Reflect");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("To ask for feedback early.", await p.Mentee.Member.Browser.GetStringAsync($"/Mentorships/{p.Id}/Manage"), StringComparison.Ordinal);
        Assert.DoesNotContain("To ask for feedback early.", await browser.GetStringAsync($"/Mentorships/{p.Id}/Manage"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AThirdMember_Gets404_FromTheManagePage()
    {
        var p = await app.ActivePairAsync("Maria Closed Door", "Tom Closed Door");
        var stranger = await app.SignedInAsync("Sam Outside");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Browser.GetAsync($"/Mentorships/{p.Id}/Manage")).StatusCode);
    }

    private static string Html(string text) => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text);
}
