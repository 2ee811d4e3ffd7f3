using Microsoft.Playwright;
using static Trellis.EndToEnd.Tests.PageSteps;

namespace Trellis.EndToEnd.Tests;

/// <summary>Issue 13 item 5's journey: a member asks a question under the site's first guide, another member answers,
/// and the asker gets the answer as a notification (on the site and by e-mail). Every page is axe-clean.</summary>
public sealed class GuideQuestionJourneyTests(LiveTrellis trellis) : IClassFixture<LiveTrellis>
{
    [Fact]
    public async Task AMemberAsksUnderAGuide_AnotherAnswers_AndTheAskerSeesTheNotification()
    {
        await using var askerContext = await trellis.Browser.NewContextAsync();
        var asker = await askerContext.NewPageAsync();
        var askerEmail = await trellis.RegisterAndSignIn(asker, "Lina Asker");

        await asker.GetByRole(AriaRole.Link, new() { Name = "Guides", Exact = true }).First.ClickAsync();
        await Expect(asker.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Guides");
        await AssertAccessible(asker, "guides");
        await asker.GetByRole(AriaRole.Link, new() { Name = "How to start a mentorship" }).ClickAsync();
        await Expect(asker.GetByRole(AriaRole.Heading, new() { Name = "Choosing a mentor" })).ToBeVisibleAsync();
        await AssertAccessible(asker, "the first guide");

        // Asking with nothing written says so next to the field.
        await asker.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        await Expect(asker.Locator("#Question_Text-error")).ToHaveTextAsync("Write your question.");
        await AssertAccessible(asker, "the guide with an error");
        await asker.GetByLabel("Your question (Markdown)").FillAsync("Is it fine to have a mentor in another country?");
        await asker.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        await Expect(asker.GetByRole(AriaRole.Status)).ToContainTextAsync("Your question is posted.");
        await Expect(asker.GetByText("Is it fine to have a mentor in another country?")).ToBeVisibleAsync();

        await using var answererContext = await trellis.Browser.NewContextAsync();
        var answerer = await answererContext.NewPageAsync();
        await trellis.RegisterAndSignIn(answerer, "Omar Answerer");
        await answerer.GotoAsync(trellis.BaseUrl + "/Guides/how-to-start-a-mentorship");
        await answerer.GetByText("Answer this question").ClickAsync();
        await answerer.GetByLabel("Your answer (Markdown)").FillAsync("Yes: mine lives in Lisbon. Agree a time that suits both **time zones**.");
        await AssertAccessible(answerer, "the guide with the answer form open");
        await answerer.GetByRole(AriaRole.Button, new() { Name = "Post the answer" }).ClickAsync();
        await Expect(answerer.GetByRole(AriaRole.Status)).ToContainTextAsync("Your answer is posted.");

        var mail = await trellis.MailAsync(askerEmail, "An answer to your question under “How to start a mentorship”");
        Assert.Contains("Omar Answerer answered", mail.TextBody ?? "", StringComparison.Ordinal);

        await asker.GotoAsync(trellis.BaseUrl + "/Dashboard");
        await Expect(asker.Locator("#unread-badge")).ToBeVisibleAsync();
        await asker.Locator("#notifications-link").ClickAsync();
        await Expect(asker.GetByText("An answer to your question under “How to start a mentorship”")).ToBeVisibleAsync();
        await AssertAccessible(asker, "notifications");
        await asker.GotoAsync(trellis.BaseUrl + "/Guides/how-to-start-a-mentorship");
        await Expect(asker.Locator(".answer-text strong")).ToHaveTextAsync("time zones");
        await AssertAccessible(asker, "the guide with its answer");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
