using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Trellis.EndToEnd.Tests;

/// <summary>Steps every journey takes the same way: joining Trellis through its pages, and the axe check.</summary>
public static class PageSteps
{
    public const string Password = "a garden trellis in spring";

    /// <summary>Registers through the page (with <paramref name="email"/>, or a fresh address), confirms from the
    /// e-mail, and signs in; returns the address.</summary>
    public static async Task<string> RegisterAndSignIn(this LiveTrellis trellis, IPage page, string name, string? email = null)
    {
        email ??= $"{name.Split(' ')[0].ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        await page.GotoAsync(trellis.BaseUrl + "/Accounts/Register");
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your e-mail");
        var mail = await trellis.MailAsync(email, "Confirm your e-mail");
        var link = Regex.Match(mail.TextBody ?? "", "https?://[^\\s]+(/Accounts/ConfirmEmail[^\\s]+)").Groups[1].Value;
        await page.GotoAsync(trellis.BaseUrl + link);
        await trellis.SignIn(page, email, name);
        return email;
    }

    /// <summary>Signs in through the page and lands on the dashboard.</summary>
    public static async Task SignIn(this LiveTrellis trellis, IPage page, string email, string name)
    {
        await page.GotoAsync(trellis.BaseUrl + "/Accounts/SignIn");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Hello, {name}");
    }

    /// <summary>Opens My profile and unfolds every step (the page shows one step at a time), as a member
    /// clicking each step's heading would.</summary>
    public static async Task OpenWholeProfile(this LiveTrellis trellis, IPage page)
    {
        await page.GotoAsync(trellis.BaseUrl + "/Profile/Edit");
        var folded = page.Locator("details.profile-step:not([open]) > summary");
        while (await folded.CountAsync() > 0) await folded.First.ClickAsync();
    }

    /// <summary>No serious or critical axe violation on the page as it is now, and nothing wider than
    /// the window (WCAG 1.4.10 Reflow: no sideways scrolling, down to 320 px).</summary>
    public static async Task AssertAccessible(IPage page, string what)
    {
        await AssertNoSidewaysScroll(page, what);
        AxeResult result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{what}: " + string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    /// <summary>The document is no wider than the window; on failure, names the elements that stick out.</summary>
    public static async Task AssertNoSidewaysScroll(IPage page, string what)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (widths[0] <= widths[1]) return;
        var culprits = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.getAttribute('class') ? '.' + e.getAttribute('class').replace(/ /g, '.') : '')
                + ' right=' + Math.round(e.getBoundingClientRect().right))");
        Assert.Fail($"{what}: the page is {widths[0]} px wide in a {widths[1]} px window; too wide: {string.Join(", ", culprits)}");
    }

    /// <summary>Sizes a browser context to a phone (390×844, the default), a narrow phone (320) or a laptop (1280×800).</summary>
    public static BrowserNewContextOptions Screen(int width) => new()
    {
        ViewportSize = new ViewportSize { Width = width, Height = width >= 1024 ? 800 : 844 },
        DeviceScaleFactor = 1,
    };
}
