using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trellis.Web.Features.Reviews;
using Trellis.Web.Infrastructure.Data;
using static Trellis.EndToEnd.Tests.PageSteps;

namespace Trellis.EndToEnd.Tests;

/// <summary>
/// Issue #6's journey, clicked in the browser by two members: a review is due → the mentee answers 2 and
/// asks for a revision → the mentor proposes a revised cadence → the mentee accepts → later they complete
/// the mentorship (proposed by the mentee, confirmed by the mentor) → the mentee endorses → the mentor
/// publishes it → a third member sees it on the mentor's public profile. Only "three months have passed"
/// is set in the database.
/// </summary>
public sealed class KeepingItHealthyJourneyTests(LiveTrellis trellis) : IClassFixture<LiveTrellis>
{
    private const string Endorsement = "Grace listened, then asked the question I had been avoiding.";

    [Fact]
    public async Task ADueReview_LeadsToARevisedAgreement_ThenCompletion_AndAPublishedEndorsement()
    {
        await using var mentorContext = await trellis.Browser.NewContextAsync();
        await using var menteeContext = await trellis.Browser.NewContextAsync();
        await using var readerContext = await trellis.Browser.NewContextAsync();
        var mentor = await mentorContext.NewPageAsync();
        var mentee = await menteeContext.NewPageAsync();
        var reader = await readerContext.NewPageAsync();

        var (mentorshipId, mentorProfile) = await StartMentorshipAsync(mentor, mentee);
        var workspace = $"{trellis.BaseUrl}/Mentorships/{mentorshipId}";

        // A review is due: as if the mentorship had started three months and a day ago (and the review
        // job had already scheduled it, if it ran since the accept), then the job runs once, as it does
        // every minute, to open the review and remind both members.
        using (var scope = trellis.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            var activatedAt = DateTimeOffset.UtcNow.AddMonths(-3).AddDays(-1);
            Assert.Equal(1, await db.Mentorships.Where(m => m.Id == mentorshipId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ActivatedAt, activatedAt)));
            await db.Reviews.Where(r => r.MentorshipId == mentorshipId && r.CompletedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.DueAt, activatedAt.AddMonths(3)));
        }
        await trellis.Services.GetRequiredService<ReviewReminders>().RunOnceAsync(TestContext.Current.CancellationToken);

        await mentee.GotoAsync(trellis.BaseUrl + "/Dashboard");
        var waiting = mentee.Locator("#reviews-due");
        await Expect(waiting).ToContainTextAsync("Reviews waiting for you");
        await waiting.GetByRole(AriaRole.Link, new() { Name = "Your mentorship with Grace Okafor" }).ClickAsync();
        await Expect(mentee).ToHaveURLAsync(workspace + "/Reviews");
        await Expect(mentee.Locator("#open-heading")).ToContainTextAsync("Your review is due");
        await AssertAccessible(mentee, "review form");

        // The mentee answers 2 and asks for a revision.
        await mentee.GetByLabel("2", new() { Exact = true }).CheckAsync();
        await mentee.GetByLabel("What should change?").FillAsync("We rarely get to my questions.");
        await mentee.GetByLabel("Would you like to revise our agreement?").CheckAsync();
        await mentee.GetByRole(AriaRole.Group, new() { Name = "From here, I would like to…" }).GetByRole(AriaRole.Radio).First.CheckAsync();
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
        await Expect(mentee.GetByRole(AriaRole.Status)).ToContainTextAsync("Your answers stay private");
        await Expect(mentee.Locator("#review-answered")).ToContainTextAsync("Waiting for Grace Okafor");

        // The mentor is invited to revisit the agreement, never shown the mentee's answers.
        await mentor.GotoAsync(trellis.BaseUrl + "/Notifications");
        await mentor.GetByRole(AriaRole.Link, new() { Name = "An invitation to revisit your agreement" }).ClickAsync();
        await Expect(mentor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Revise our agreement");
        await Expect(mentor.GetByRole(AriaRole.Heading, new() { Name = "Propose a revised agreement" })).ToBeVisibleAsync();
        await Expect(mentor.Locator("main")).Not.ToContainTextAsync("We rarely get to my questions");
        await Expect(mentor.GetByLabel("Meet every")).ToHaveValueAsync("1");
        await AssertAccessible(mentor, "revise form");
        await mentor.GetByLabel("Meet every").FillAsync("2");
        await mentor.GetByLabel("Weeks or months").SelectOptionAsync("Weeks");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Send the revised agreement" }).ClickAsync();
        await Expect(mentor.GetByRole(AriaRole.Status)).ToContainTextAsync("Your revised agreement is sent");

        // The mentee sees the revision on the table, with what changes, and accepts.
        await mentee.GotoAsync(workspace);
        await Expect(mentee.Locator("#revision-on-table")).ToContainTextAsync("A revision is on the table");
        await Expect(mentee.Locator("#agreement-in-force")).ToContainTextAsync("The agreement in force (version 1)");
        await mentee.GetByRole(AriaRole.Link, new() { Name = "See what would change" }).ClickAsync();
        var diff = mentee.Locator("#revision-on-table table.diff");
        await Expect(diff).ToContainTextAsync("How often we meet");
        await Expect(diff.Locator("del")).ToContainTextAsync(["every month"]);
        await Expect(diff.Locator("ins")).ToContainTextAsync(["every 2 weeks"]);
        await AssertAccessible(mentee, "revision on the table");
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Accept version 2" }).ClickAsync();
        await Expect(mentee.GetByRole(AriaRole.Status)).ToContainTextAsync("the revised agreement is now in force");

        foreach (var page in new[] { mentee, mentor })
        {
            await page.GotoAsync(workspace);
            var inForce = page.Locator("#agreement-in-force");
            await Expect(inForce).ToContainTextAsync("The agreement in force (version 2)");
            await Expect(inForce).ToContainTextAsync("every 2 weeks");
            await Expect(page.Locator("#revision-on-table")).ToHaveCountAsync(0);
        }

        // Later: the mentee proposes completing it, the mentor confirms.
        await mentee.GotoAsync(workspace + "/Manage");
        await AssertAccessible(mentee, "manage page");
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Propose completing it" }).ClickAsync();
        await Expect(mentee.GetByRole(AriaRole.Status)).ToContainTextAsync("You proposed completing the mentorship");
        await mentor.GotoAsync(workspace + "/Manage");
        await Expect(mentor.Locator("#complete")).ToContainTextAsync("Luis Ferreira proposes completing the mentorship");
        await AssertAccessible(mentor, "manage page with a completion to confirm");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Confirm: it is completed" }).ClickAsync();
        await Expect(mentor.GetByRole(AriaRole.Status)).ToContainTextAsync("The mentorship is completed");
        await Expect(mentor.Locator("#lifecycle-status")).ToContainTextAsync("Completed");

        // The mentee endorses; it stays private until the mentor publishes it.
        await mentee.GotoAsync(workspace + "/Endorsement");
        await AssertAccessible(mentee, "endorsement form");
        await mentee.GetByLabel("Your endorsement").FillAsync(Endorsement);
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Send my endorsement" }).ClickAsync();
        await Expect(mentee.Locator("#endorsement-state")).ToContainTextAsync("Not on Grace Okafor's profile");

        await trellis.RegisterAndSignIn(reader, "Ada Lovelace");
        await reader.GotoAsync(trellis.BaseUrl + mentorProfile);
        await Expect(reader.Locator("main")).Not.ToContainTextAsync("the question I had been avoiding");

        await mentor.GotoAsync(workspace + "/Endorsement");
        await Expect(mentor.Locator("#endorsement blockquote")).ToHaveTextAsync(Endorsement);
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Show it on my profile" }).ClickAsync();
        await Expect(mentor.GetByRole(AriaRole.Status)).ToContainTextAsync("The endorsement is on your profile");

        await reader.GotoAsync(trellis.BaseUrl + mentorProfile);
        var main = reader.Locator("main");
        await Expect(main).ToContainTextAsync(Endorsement);
        await Expect(main).ToContainTextAsync("1 mentorship completed");
        await AssertAccessible(reader, "public profile with an endorsement");
    }

    /// <summary>Grace opens to mentoring, Luis asks with the defaults, Grace accepts version 1.</summary>
    private async Task<(Guid MentorshipId, string MentorProfile)> StartMentorshipAsync(IPage mentor, IPage mentee)
    {
        await trellis.RegisterAndSignIn(mentor, "Grace Okafor");
        await trellis.OpenWholeProfile(mentor);
        await mentor.GetByLabel("I am open to mentoring").CheckAsync();
        await mentor.GetByLabel("How many mentees at once").FillAsync("2");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Save my profile" }).ClickAsync();
        await Expect(mentor.GetByRole(AriaRole.Status)).ToContainTextAsync("Your profile is saved");
        await mentor.GotoAsync(trellis.BaseUrl + "/Profile/Edit");
        var mentorProfile = await mentor.GetByRole(AriaRole.Link, new() { Name = "See how others see it" }).GetAttributeAsync("href");

        await trellis.RegisterAndSignIn(mentee, "Luis Ferreira");
        await mentee.GotoAsync(trellis.BaseUrl + mentorProfile);
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Ask to be my mentor" }).ClickAsync();
        await mentee.GetByLabel("Goals").FillAsync("Move from support into product management");
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Preview my request" }).ClickAsync();
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).ClickAsync();
        await Expect(mentee.GetByRole(AriaRole.Status)).ToContainTextAsync("Your request is on its way to Grace Okafor");
        var mentorshipId = Guid.Parse(Regex.Match(mentee.Url, "/Mentorships/([0-9a-fA-F-]{36})").Groups[1].Value);

        await mentor.GotoAsync(trellis.BaseUrl + "/Mentorships");
        await mentor.GetByRole(AriaRole.Link, new() { Name = "Luis Ferreira (your mentee)" }).ClickAsync();
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Accept version 1" }).ClickAsync();
        await Expect(mentor.GetByRole(AriaRole.Status)).ToContainTextAsync("the mentorship has started");
        return (mentorshipId, mentorProfile!);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);
}
