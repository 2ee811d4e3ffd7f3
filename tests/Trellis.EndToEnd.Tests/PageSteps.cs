using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Trellis.EndToEnd.Tests;

/// <summary>Steps every journey takes the same way: joining Trellis through its pages, and the axe check.</summary>
public static class PageSteps
{
    public const string Password = "a garden trellis in spring";

    /// <summary>Registers through the page, confirms from the e-mail in the drop folder, and signs in.</summary>
    public static async Task RegisterAndSignIn(this LiveTrellis trellis, IPage page, string name)
    {
        var email = $"{name.Split(' ')[0].ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        await page.GotoAsync(trellis.BaseUrl + "/Accounts/Register");
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your e-mail");
        var mail = await trellis.MailAsync(email, "Confirm your e-mail");
        var link = Regex.Match(mail.TextBody ?? "", "https?://[^\\s]+(/Accounts/ConfirmEmail[^\\s]+)").Groups[1].Value;
        await page.GotoAsync(trellis.BaseUrl + link);
        await page.GotoAsync(trellis.BaseUrl + "/Accounts/SignIn");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Hello, {name}");
    }

    /// <summary>No serious or critical axe violation on the page as it is now.</summary>
    public static async Task AssertAccessible(IPage page, string what)
    {
        AxeResult result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{what}: " + string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
