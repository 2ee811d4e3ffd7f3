using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Trellis.EndToEnd.Tests.PageSteps;

namespace Trellis.EndToEnd.Tests;

/// <summary>
/// Every main page at a narrow phone (320), a phone (390) and a laptop (1280): nothing scrolls sideways,
/// axe finds nothing serious, and the menu marks where the member is. With TRELLIS_SCREENSHOTS set to a
/// folder (scripts/screenshots.sh), each page is also photographed there at 390 and 1280.
/// </summary>
public sealed class LayoutTests(LiveTrellis trellis) : IClassFixture<LiveTrellis>
{
    /// <summary>Signed-in pages and the menu entry that must be marked as current on each.</summary>
    private static readonly (string Name, string Path, string? Current)[] MemberPages =
    [
        ("dashboard", "/Dashboard", "Dashboard"),
        ("find-a-mentor", "/Mentors", "Find a mentor"),
        ("mentorships", "/Mentorships", "Mentorships"),
        ("programmes", "/Programmes", "Programmes"),
        ("profile", "/Profile/Edit", "My profile"),
        ("notifications", "/Notifications", "Notifications"),
        ("settings", "/Settings", "Settings"),
        ("not-found", "/Mentorships/00000000-0000-0000-0000-000000000001", null),
    ];

    [Theory]
    [InlineData(320)]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task EveryMainPage_FitsTheScreen_IsAccessible_AndMarksWhereYouAre(int width)
    {
        await using var context = await trellis.Browser.NewContextAsync(Screen(width));
        var page = await context.NewPageAsync();

        foreach (var (name, path) in new[] { ("home", "/"), ("sign-in", "/Accounts/SignIn"), ("register", "/Accounts/Register") })
        {
            await page.GotoAsync(trellis.BaseUrl + path);
            await AssertAccessible(page, $"{name} at {width}");
            await ScreenshotAsync(page, name, width);
        }

        await trellis.RegisterAndSignIn(page, "Amara Layout");
        foreach (var (name, path, current) in MemberPages)
        {
            await page.GotoAsync(trellis.BaseUrl + path);
            await AssertAccessible(page, $"{name} at {width}");
            var marked = page.Locator("#site-menu a[aria-current=page]");
            if (current is null)
                await Assertions.Expect(marked).ToHaveCountAsync(0);
            else
                await Assertions.Expect(marked).ToHaveTextAsync(new Regex($@"^\s*{current}(\s+\d+)?\s*$")); // "Notifications 1"
            await ScreenshotAsync(page, name, width);
        }
    }

    [Fact]
    public async Task OnAPhone_TheMenuFoldsBehindAButton_ThatOpensAndCloses()
    {
        await using var context = await trellis.Browser.NewContextAsync(Screen(390));
        var page = await context.NewPageAsync();
        await trellis.RegisterAndSignIn(page, "Bea Phonemenu");

        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        var settings = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Settings" });
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(settings).ToBeHiddenAsync();

        await menu.ClickAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await AssertAccessible(page, "open phone menu");
        await settings.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Settings");

        await menu.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(menu).ToBeFocusedAsync();
    }

    [Fact]
    public async Task OnALaptop_TheWholeMenuShows_WithNoMenuButton()
    {
        await using var context = await trellis.Browser.NewContextAsync(Screen(1280));
        var page = await context.NewPageAsync();
        await trellis.RegisterAndSignIn(page, "Cai Laptopmenu");

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Menu" })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Settings" })).ToBeVisibleAsync();
    }

    private static async Task ScreenshotAsync(IPage page, string name, int width)
    {
        var folder = Environment.GetEnvironmentVariable("TRELLIS_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder) || width == 320) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{width}.png"), FullPage = true });
    }
}
