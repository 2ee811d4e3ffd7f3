using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Features.Messages;
using Trellis.Web.Infrastructure.Data;
using static Trellis.EndToEnd.Tests.PageSteps;

namespace Trellis.EndToEnd.Tests;

/// <summary>Both members have the conversation open in Chromium: what one sends appears on the other's page
/// without a reload, through SignalR and /js/messages.js.</summary>
public sealed class MessagesLiveTests(LiveTrellis trellis) : IClassFixture<LiveTrellis>
{
    [Fact]
    public async Task AMessageArrivesLive_InTheOtherMembersOpenPage()
    {
        var mentorEmail = await MemberAsync("Grace Live");
        var menteeEmail = await MemberAsync("Luis Live");
        var id = await ActiveMentorshipAsync(menteeEmail, mentorEmail);
        var url = $"{trellis.BaseUrl}/Mentorships/{id}/Messages";

        await using var mentorContext = await trellis.Browser.NewContextAsync();
        await using var menteeContext = await trellis.Browser.NewContextAsync();
        var mentor = await SignedInPageAsync(mentorContext, mentorEmail);
        var mentee = await SignedInPageAsync(menteeContext, menteeEmail);

        await mentor.GotoAsync(url);
        await Assertions.Expect(mentor.Locator("#conversation")).ToHaveAttributeAsync("data-live", "on");
        await mentor.EvaluateAsync("() => { window.stillTheSamePage = true; }");
        await AssertAccessible(mentor, "empty conversation");

        await mentee.GotoAsync(url);
        await mentee.GetByLabel("Your message").FillAsync("Hello Grace, thanks for agreeing! A list:\n\n- one\n- two");
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(mentor.Locator("#message-list li.message ul li")).ToHaveCountAsync(2); // the list arrived, as a list
        await mentee.GetByLabel("Your message").FillAsync("Could we talk about **roadmaps** on Thursday?");
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(mentee.Locator("#message-list")).ToContainTextAsync("Could we talk about roadmaps on Thursday?");

        var arrived = mentor.Locator("#message-list li.message").Filter(new() { HasText = "Could we talk about roadmaps on Thursday?" });
        await Assertions.Expect(arrived).ToHaveCountAsync(1);
        await Assertions.Expect(arrived.Locator("strong", new() { HasText = "roadmaps" })).ToHaveCountAsync(1);
        Assert.True(await mentor.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "the page was reloaded");
        // Seen on a visible page counts as read: the script told the server.
        await EventuallyAsync(async () => await UnreadAsync(mentorEmail, id) == 0);

        // The mentee deletes it; the mentor's open page says so.
        await mentee.Locator("#message-list li.message").Filter(new() { HasText = "roadmaps" }).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(mentor.Locator("#message-list")).ToContainTextAsync("Message deleted.");
        await AssertAccessible(mentor, "conversation");
    }

    private async Task<string> MemberAsync(string name)
    {
        var email = $"{name.Split(' ')[0].ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        await using var scope = trellis.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var created = await users.CreateAsync(new Member { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name }, Password);
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
        return email;
    }

    private async Task<Guid> ActiveMentorshipAsync(string menteeEmail, string mentorEmail)
    {
        await using var scope = trellis.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var mentee = await users.FindByEmailAsync(menteeEmail);
        var mentor = await users.FindByEmailAsync(mentorEmail);
        var now = DateTimeOffset.UtcNow;
        var terms = AgreementTemplates.All[0].Build(DateOnly.FromDateTime(now.UtcDateTime.AddDays(7)));
        var m = Mentorship.Propose(mentee!.Id, mentor!.Id, terms, now, new Deadline(now.AddDays(14), now.AddDays(11)));
        Assert.Null(m.Accept(mentor.Id, 1, now));
        db.Mentorships.Add(m);
        await db.SaveChangesAsync();
        return m.Id;
    }

    private async Task<int> UnreadAsync(string email, Guid mentorshipId)
    {
        await using var scope = trellis.Services.CreateAsyncScope();
        var member = await scope.ServiceProvider.GetRequiredService<UserManager<Member>>().FindByEmailAsync(email);
        return await scope.ServiceProvider.GetRequiredService<MessageHandlers>().UnreadAsync(member!.Id, mentorshipId, default);
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++) await Task.Delay(100);
        Assert.True(await condition());
    }

    private async Task<IPage> SignedInPageAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(trellis.BaseUrl + "/Accounts/SignIn");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Hello");
        return page;
    }
}
