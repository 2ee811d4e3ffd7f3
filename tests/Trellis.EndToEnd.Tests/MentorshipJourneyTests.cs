using Microsoft.Playwright;
using static Trellis.EndToEnd.Tests.PageSteps;

namespace Trellis.EndToEnd.Tests;

/// <summary>The seed's story: the mentee proposes their ideal (light and informal) relationship, the
/// mentor shapes it, the mentee agrees, and both read the same agreement and what changed.</summary>
public sealed class MentorshipJourneyTests(LiveTrellis trellis) : IClassFixture<LiveTrellis>
{
    [Fact]
    public async Task MenteeProposesLightAndInformal_MentorCountersTheCadence_MenteeAccepts_BothSeeTheSameAgreement()
    {
        await using var mentorContext = await trellis.Browser.NewContextAsync();
        await using var menteeContext = await trellis.Browser.NewContextAsync();
        var mentor = await mentorContext.NewPageAsync();
        var mentee = await menteeContext.NewPageAsync();

        await trellis.RegisterAndSignIn(mentor, "Grace Okafor");
        await trellis.OpenWholeProfile(mentor);
        await mentor.GetByLabel("I am open to mentoring").CheckAsync();
        await mentor.GetByLabel("How many mentees at once").FillAsync("2");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Save my profile" }).ClickAsync();
        await Expect(mentor.GetByRole(AriaRole.Status)).ToContainTextAsync("Your profile is saved");
        await mentor.GotoAsync(trellis.BaseUrl + "/Profile/Edit");
        var mentorPage = await mentor.GetByRole(AriaRole.Link, new() { Name = "See how others see it" }).GetAttributeAsync("href");

        await trellis.RegisterAndSignIn(mentee, "Luis Ferreira");
        await mentee.GotoAsync(trellis.BaseUrl + mentorPage);
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Ask to be my mentor" }).ClickAsync();
        await Expect(mentee.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ask Grace Okafor to be your mentor");
        await Expect(mentee.GetByLabel("Meet by")).ToHaveValueAsync("Phone");
        await Expect(mentee.GetByLabel("Meet every")).ToHaveValueAsync("1");
        await AssertAccessible(mentee, "proposal form");
        await mentee.GetByLabel("Goals").FillAsync("Move from support into product management");
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Preview my request" }).ClickAsync();
        await Expect(mentee.GetByRole(AriaRole.Heading, new() { Name = "Preview: what Grace Okafor will read" })).ToBeVisibleAsync();
        await AssertAccessible(mentee, "proposal preview");
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).ClickAsync();
        await Expect(mentee.GetByRole(AriaRole.Status)).ToContainTextAsync("Your request is on its way to Grace Okafor");
        var mentorshipUrl = mentee.Url;

        await mentor.GotoAsync(trellis.BaseUrl + "/Mentorships");
        await mentor.GetByRole(AriaRole.Link, new() { Name = "Luis Ferreira (your mentee)" }).ClickAsync();
        await Expect(mentor.Locator("#mentorship-status")).ToContainTextAsync("Waiting for your answer");
        await AssertAccessible(mentor, "request as the mentor sees it");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Suggest changes" }).ClickAsync();
        await mentor.GetByLabel("Meet every").FillAsync("2");
        await mentor.GetByLabel("Weeks or months").SelectOptionAsync("Weeks");
        await AssertAccessible(mentor, "counter-proposal form");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Send my suggested changes" }).ClickAsync();
        await Expect(mentor.GetByRole(AriaRole.Status)).ToContainTextAsync("Your suggested changes are sent");

        await mentee.GotoAsync(mentorshipUrl);
        var diff = mentee.Locator("#version-2 table.diff");
        await Expect(diff).ToContainTextAsync("How often we meet");
        await Expect(diff).ToContainTextAsync("every month");
        await Expect(diff).ToContainTextAsync("every 2 weeks");
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Accept version 2" }).ClickAsync();
        await Expect(mentee.GetByRole(AriaRole.Status)).ToContainTextAsync("the mentorship has started");

        foreach (var page in new[] { mentee, mentor })
        {
            await page.GotoAsync(mentorshipUrl);
            var inForce = page.Locator("#agreement-in-force");
            await Expect(inForce).ToContainTextAsync("The agreement in force (version 2)");
            await Expect(inForce).ToContainTextAsync("every 2 weeks");
            await Expect(inForce).ToContainTextAsync("Move from support into product management");
            await Expect(page.Locator("#version-2 table.diff")).ToContainTextAsync("every 2 weeks");
            await AssertAccessible(page, "active mentorship");
        }
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
