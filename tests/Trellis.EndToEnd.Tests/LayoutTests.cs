using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Trellis.EndToEnd.Tests.PageSteps;

namespace Trellis.EndToEnd.Tests;

/// <summary>
/// Every main page at a narrow phone (320), a phone (390) and a laptop (1280) — and a mentor's profile, the request
/// and every page of a mentorship's workspace at 390 and 1280: nothing scrolls sideways,
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

    /// <summary>A mentorship's pages, after the address of its workspace, each marking Mentorships as current.</summary>
    private static readonly (string Name, string Suffix)[] WorkspacePages =
    [
        ("workspace", ""),
        ("messages", "/Messages"),
        ("meetings", "/Meetings"),
        ("goals", "/Goals"),
        ("check-ins", "/CheckIns"),
        ("critiques", "/Critiques"),
        ("resources", "/Resources"),
        ("timeline", "/Timeline"),
    ];

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task AMentorsProfile_TheRequest_AndEveryWorkspacePage_FitTheScreen_AndAreAccessible(int width)
    {
        await using var mentorContext = await trellis.Browser.NewContextAsync(Screen(width));
        await using var menteeContext = await trellis.Browser.NewContextAsync(Screen(width));
        var mentor = await mentorContext.NewPageAsync();
        var mentee = await menteeContext.NewPageAsync();

        await trellis.RegisterAndSignIn(mentor, $"Rosa Sweep{width}");
        await trellis.OpenWholeProfile(mentor);
        await mentor.GetByLabel("Headline").FillAsync("Ward manager, 20 years in nursing");
        await mentor.GetByLabel("I am open to mentoring").CheckAsync();
        await mentor.GetByLabel("How many mentees at once").FillAsync("2");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Save my profile" }).ClickAsync();
        await Assertions.Expect(mentor.GetByRole(AriaRole.Status)).ToContainTextAsync("Your profile is saved");
        await mentor.GotoAsync(trellis.BaseUrl + "/Profile/Edit");
        var profile = await mentor.GetByRole(AriaRole.Link, new() { Name = "See how others see it" }).GetAttributeAsync("href");

        await trellis.RegisterAndSignIn(mentee, $"Tomas Sweep{width}");
        await mentee.GotoAsync(trellis.BaseUrl + profile);
        await AssertAccessible(mentee, $"member profile at {width}");
        await Assertions.Expect(mentee.Locator("#site-menu a[aria-current=page]")).ToHaveCountAsync(0);
        await ScreenshotAsync(mentee, "member-profile", width);

        await mentee.GetByRole(AriaRole.Button, new() { Name = "Ask to be my mentor" }).ClickAsync();
        await AssertAccessible(mentee, $"ask at {width}");
        await ScreenshotAsync(mentee, "ask-for-mentoring", width);
        await mentee.GetByLabel("Goals").FillAsync("Become a ward manager within two years");
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Preview my request" }).ClickAsync();
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).ClickAsync();
        await Assertions.Expect(mentee.GetByRole(AriaRole.Status)).ToContainTextAsync("Your request is on its way");
        var workspace = Regex.Match(mentee.Url, "/Mentorships/[0-9a-fA-F-]{36}").Value;

        await mentor.GotoAsync(trellis.BaseUrl + workspace);
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Accept version 1" }).ClickAsync();
        await Assertions.Expect(mentor.GetByRole(AriaRole.Status)).ToContainTextAsync("the mentorship has started");

        foreach (var (name, suffix) in WorkspacePages)
        {
            await mentee.GotoAsync(trellis.BaseUrl + workspace + suffix);
            await AssertAccessible(mentee, $"{name} at {width}");
            await Assertions.Expect(mentee.Locator("#site-menu a[aria-current=page]")).ToHaveTextAsync(new Regex(@"^\s*Mentorships\s*$"));
            await ScreenshotAsync(mentee, name, width);
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
