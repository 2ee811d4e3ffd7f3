using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Timeline;

namespace Trellis.Web.Tests.Goals;

public sealed class GoalPageTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    private static string Date(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(days)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheMenteeAddsAGoalOnThePage_AndTheMentorSeesItAndComments()
    {
        var w = await app.ActiveAsync("PageGoal");
        var browser = w.Mentee.Member.Browser;
        var created = await browser.PostAsync("/Goals", new[]
        {
            new KeyValuePair<string, string>("Input.Title", "Run a workshop"),
            new("Input.WhyItMatters", "Teaching is how I learn"),
            new("Input.TargetDate", Date(20)),
            new("Input.MeasurableOutcome", "Twenty people attend"),
            new("Input.MentorshipIds", w.Id.ToString()),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var goalPage = created.Headers.Location!.OriginalString;
        Assert.Contains("Shared with Maria PageGoal.", await browser.GetStringAsync(goalPage), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync(goalPage, new { Milestone__Title = "Book a room", Milestone__DueDate = Date(-1) }, "AddMilestone")).StatusCode);
        Assert.Contains("Overdue", await browser.GetStringAsync(goalPage), StringComparison.Ordinal);

        var mentorView = await w.Mentor.Member.Browser.GetStringAsync($"/Mentorships/{w.Id}/Goals");
        Assert.Contains("Run a workshop", mentorView, StringComparison.Ordinal);
        Assert.Contains("Teaching is how I learn", mentorView, StringComparison.Ordinal);
        var goalId = await app.WithDbAsync(db => db.Goals.Where(g => g.OwnerId == w.Mentee.Id && g.Title == "Run a workshop").Select(g => g.Id).SingleAsync());
        var noted = await w.Mentor.Member.Browser.PostAsync($"/Mentorships/{w.Id}/Goals?goalId={goalId}", new { NoteText = "Start with a *pilot*" }, "Note");
        Assert.Equal(HttpStatusCode.Redirect, noted.StatusCode);
        var withNote = await browser.GetStringAsync(goalPage);
        Assert.Contains("Start with a <em>pilot</em>", withNote, StringComparison.Ordinal);
        Assert.Contains("Maria PageGoal", withNote, StringComparison.Ordinal);

        // Both dashboards list it: due within 30 days, with an overdue milestone.
        foreach (var who in new[] { browser, w.Mentor.Member.Browser })
        {
            var dashboard = await who.GetStringAsync("/Dashboard");
            var panel = Regex.Match(dashboard, "<article aria-labelledby=\"goals-dashboard-heading\".*?</article>", RegexOptions.Singleline).Value;
            Assert.Contains("Run a workshop", panel, StringComparison.Ordinal);
            Assert.Contains("1 overdue milestone", panel, StringComparison.Ordinal);
        }
        // And the mentorship page's summary.
        Assert.Contains("id=\"goals-summary\"", await w.Mentor.Member.Browser.GetStringAsync($"/Mentorships/{w.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidGoal_ShowsTheErrorNextToTheField_AndSavesNothing()
    {
        var member = await app.SignedInAsync("Tom FormGoal");
        var response = await member.Browser.PostAsync("/Goals", new { Input__Title = "", Input__TargetDate = Date(-3) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("Name the goal.", Forms.FieldError(html, "Input_Title"));
        Assert.NotNull(Forms.FieldError(html, "Input_TargetDate"));
        Assert.False(await app.WithDbAsync(db => db.Goals.AnyAsync(g => g.OwnerId == member.Id)));
    }

    [Fact]
    public async Task OthersGet404FromTheGoalPages()
    {
        var w = await app.ActiveAsync("PrivatePages");
        var goalId = await app.WithDbAsync(db => db.Goals.Where(g => g.OwnerId == w.Mentee.Id).Select(g => g.Id).FirstAsync());
        var outsider = await app.SignedInAsync("Eve Pages");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Browser.GetAsync($"/Mentorships/{w.Id}/Goals")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Browser.GetAsync($"/Goals/{goalId}")).StatusCode);
        // The mentor sees the seeded goal in the mentorship, but the owner's page is the owner's.
        Assert.Equal(HttpStatusCode.NotFound, (await w.Mentor.Member.Browser.GetAsync($"/Goals/{goalId}")).StatusCode);
    }
}
