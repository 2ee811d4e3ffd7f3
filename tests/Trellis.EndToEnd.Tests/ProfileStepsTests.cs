using Microsoft.Playwright;
using static Trellis.EndToEnd.Tests.PageSteps;

namespace Trellis.EndToEnd.Tests;

/// <summary>
/// My profile in five steps (issue 17 item 5): one step shows at a time, the progress list says what is filled in,
/// and a save that fails because of a field in a folded, later step unfolds that step and puts the focus on the field.
/// </summary>
public sealed class ProfileStepsTests(LiveTrellis trellis) : IClassFixture<LiveTrellis>
{
    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task AnErrorInALaterStep_IsVisibleAndFocused_AndThePageStaysAccessible(int width)
    {
        await using var context = await trellis.Browser.NewContextAsync(Screen(width));
        var page = await context.NewPageAsync();
        await trellis.RegisterAndSignIn(page, "Ines Steps");

        await page.GotoAsync(trellis.BaseUrl + "/Profile/Edit");
        var steps = page.GetByRole(AriaRole.Navigation, new() { Name = "Profile steps" });
        await Assertions.Expect(steps.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(5);
        await Assertions.Expect(page.GetByLabel("Headline")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("How many mentees at once")).ToBeHiddenAsync();
        await AssertAccessible(page, $"profile steps at {width}");

        // The progress list unfolds the step it links to.
        await steps.GetByRole(AriaRole.Link, new() { Name = "As a mentor" }).ClickAsync();
        await page.GetByLabel("I am open to mentoring").CheckAsync(); // and leaves room for no mentee
        await page.GetByRole(AriaRole.Link, new() { Name = "Next: Availability" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Time zone")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my profile" }).ClickAsync();

        var capacity = page.GetByLabel("How many mentees at once");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("As a mentor: A mentor needs room for at least one mentee.");
        await Assertions.Expect(capacity).ToBeVisibleAsync();
        await Assertions.Expect(capacity).ToBeFocusedAsync();
        await Assertions.Expect(capacity).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Headline")).ToBeHiddenAsync(); // the steps without an error stay folded
        await Assertions.Expect(steps.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "As a mentor" })).ToContainTextAsync("needs a change");
        await AssertAccessible(page, $"profile step error at {width}");

        await capacity.FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my profile" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your profile is saved");
    }

    [Fact]
    public async Task WithoutScripts_TheStepWithTheErrorIsOpen_AndTheSummaryLinksToTheField()
    {
        var options = Screen(390);
        options.JavaScriptEnabled = false;
        await using var context = await trellis.Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        await trellis.RegisterAndSignIn(page, "Jon Noscript");

        await page.GotoAsync(trellis.BaseUrl + "/Profile/Edit");
        await page.Locator("#step-mentor > summary").ClickAsync();
        await page.GetByLabel("I am open to mentoring").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my profile" }).ClickAsync();

        var link = page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "As a mentor: A mentor needs room for at least one mentee." });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", "#Input_MentorCapacity");
        await Assertions.Expect(page.GetByLabel("How many mentees at once")).ToBeVisibleAsync();
        await AssertNoSidewaysScroll(page, "profile without scripts");
    }
}
