using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Trellis.EndToEnd.Tests.PageSteps;

namespace Trellis.EndToEnd.Tests;

public sealed class NewcomerJourneyTests(LiveTrellis trellis) : IClassFixture<LiveTrellis>
{
    [Fact]
    public async Task ANewcomer_Registers_ConfirmsByEmail_FillsBothRoles_SignsOutAndBackIn()
    {
        var email = $"newcomer.{Guid.NewGuid():N}@example.org";
        await using var context = await trellis.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(trellis.BaseUrl + "/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Find a mentor");
        await AssertAccessible(page, "home");

        await page.GetByRole(AriaRole.Button, new() { Name = "Join Trellis" }).First.ClickAsync(); // a link styled as a button
        await AssertAccessible(page, "register");
        await page.GetByLabel("Your name").FillAsync("Noor Haddad");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your e-mail");

        var mail = await trellis.MailAsync(email, "Confirm your e-mail");
        var link = Regex.Match(mail.TextBody ?? "", "https?://[^\\s]+(/Accounts/ConfirmEmail[^\\s]+)").Groups[1].Value;
        Assert.NotEmpty(link);
        await page.GotoAsync(trellis.BaseUrl + link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your e-mail address is confirmed");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await AssertAccessible(page, "sign in");
        await SignIn(page, email);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello, Noor Haddad");
        await AssertAccessible(page, "dashboard");

        await page.GetByRole(AriaRole.Link, new() { Name = "My profile" }).ClickAsync();
        await AssertAccessible(page, "profile");
        await trellis.OpenWholeProfile(page);
        await page.GetByLabel("Headline").FillAsync("Data analyst moving towards data engineering");
        await page.GetByLabel("Field or industry").FillAsync("Data science");
        await page.GetByLabel("Years of experience").FillAsync("6");
        await page.GetByLabel("Languages", new() { Exact = true }).FillAsync("en, ar");
        await page.GetByLabel("Time zone").FillAsync("Asia/Amman");
        await page.GetByLabel("I am looking for a mentor").CheckAsync();
        await page.GetByLabel("My goals").FillAsync("I want to build data pipelines properly, not just dashboards.");
        await page.GetByLabel("I am open to mentoring").CheckAsync();
        await page.GetByLabel("How many mentees at once").FillAsync("2");
        await page.GetByLabel("Topics I can help with").FillAsync("SQL for analysts, first year in data");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my profile" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your profile is saved");
        await Expect(page.GetByText("You are looking for a mentor.")).ToBeVisibleAsync();
        await Expect(page.GetByText("You are open to mentoring up to 2 mentees")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First).ToBeVisibleAsync();
        await page.GotoAsync(trellis.BaseUrl + "/Dashboard");
        Assert.Contains("/Accounts/SignIn", page.Url, StringComparison.Ordinal);

        await SignIn(page, email);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello, Noor Haddad");
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Your goals: I want to build data pipelines properly", main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadPassword_ShowsItsMessageNextToTheField()
    {
        await using var context = await trellis.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(trellis.BaseUrl + "/Accounts/Register");
        await page.GetByLabel("Your name").FillAsync("Weak Password");
        await page.GetByLabel("E-mail").FillAsync($"weak.{Guid.NewGuid():N}@example.org");
        await page.GetByLabel("Password").FillAsync("password1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();

        var password = page.GetByLabel("Password");
        await Expect(password).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#Input_Password-error")).ToContainTextAsync("most common");
        await AssertAccessible(page, "register with an error");
    }

    private static async Task SignIn(IPage page, string email)
    {
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
