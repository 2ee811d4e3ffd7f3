using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Features.FindMentor;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Lifecycle;

public sealed class BlockingTests(LifecycleApp app) : IClassFixture<LifecycleApp>
{
    public enum Blocker { Mentee, Mentor, Stranger }

    /// <summary>Blocking from every state by every actor: what the pair had going ends or closes (as if the blocker
    /// had ended, withdrawn or declined it), a stranger's block touches nothing, and a closed one stays as it was.</summary>
    [Theory]
    [InlineData("Proposed", Blocker.Mentee, MentorshipStatus.Withdrawn)]
    [InlineData("Proposed", Blocker.Mentor, MentorshipStatus.Declined)]
    [InlineData("Proposed", Blocker.Stranger, MentorshipStatus.Proposed)]
    [InlineData("Negotiating", Blocker.Mentee, MentorshipStatus.Withdrawn)]
    [InlineData("Negotiating", Blocker.Mentor, MentorshipStatus.Declined)]
    [InlineData("Negotiating", Blocker.Stranger, MentorshipStatus.Negotiating)]
    [InlineData("Active", Blocker.Mentee, MentorshipStatus.Ended)]
    [InlineData("Active", Blocker.Mentor, MentorshipStatus.Ended)]
    [InlineData("Active", Blocker.Stranger, MentorshipStatus.Active)]
    [InlineData("Paused", Blocker.Mentee, MentorshipStatus.Ended)]
    [InlineData("Paused", Blocker.Mentor, MentorshipStatus.Ended)]
    [InlineData("Paused", Blocker.Stranger, MentorshipStatus.Paused)]
    [InlineData("Completed", Blocker.Mentee, MentorshipStatus.Completed)]
    [InlineData("Completed", Blocker.Mentor, MentorshipStatus.Completed)]
    [InlineData("Completed", Blocker.Stranger, MentorshipStatus.Completed)]
    [InlineData("Ended", Blocker.Mentee, MentorshipStatus.Ended)]
    [InlineData("Ended", Blocker.Mentor, MentorshipStatus.Ended)]
    [InlineData("Ended", Blocker.Stranger, MentorshipStatus.Ended)]
    [InlineData("Declined", Blocker.Mentee, MentorshipStatus.Declined)]
    [InlineData("Declined", Blocker.Mentor, MentorshipStatus.Declined)]
    [InlineData("Withdrawn", Blocker.Mentee, MentorshipStatus.Withdrawn)]
    [InlineData("Withdrawn", Blocker.Stranger, MentorshipStatus.Withdrawn)]
    [InlineData("Expired", Blocker.Mentee, MentorshipStatus.Expired)]
    [InlineData("Expired", Blocker.Mentor, MentorshipStatus.Expired)]
    public async Task Block_FromEveryState_ByEveryActor(string state, Blocker blocker, MentorshipStatus expected)
    {
        var p = await PairInAsync(state);
        var stranger = blocker == Blocker.Stranger ? await app.MenteeAsync("Sam Stranger") : null;
        var (who, whom) = blocker switch
        {
            Blocker.Mentee => (p.Mentee, p.Mentor),
            Blocker.Mentor => (p.Mentor, p.Mentee),
            _ => (stranger!, p.Mentor),
        };
        var slotsBefore = await app.SlotsAsync(p);
        var rowBefore = await app.RowAsync(p.Id);

        var response = await who.PostAsync($"/api/v1/members/{whom.Id}/block");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, await app.StatusAsync(p.Id));
        Assert.Equal(1, await app.WithDbAsync(db => db.Blocks.CountAsync(b => b.BlockerId == who.Id && b.BlockedId == whom.Id)));
        if (expected.ToString() == state) Assert.Equal(rowBefore, await app.RowAsync(p.Id));
        if (state is "Active" or "Paused" && blocker != Blocker.Stranger)
        {
            Assert.Equal((0, 0), await app.SlotsAsync(p));
            var name = blocker == Blocker.Mentee ? $"Tom {state}" : $"Maria {state}";
            Assert.Contains($"{name} ended the mentorship.", await app.WithDbAsync(db => db.TimelineEntries.Where(t => t.MentorshipId == p.Id).Select(t => t.Text).ToListAsync()));
        }
        else Assert.Equal(slotsBefore, await app.SlotsAsync(p));
    }

    [Fact]
    public async Task TheBlockedMember_IsToldOnlyThatTheMentorshipEnded_InTheWordsOfAnyEnding()
    {
        var blocked = await app.ActivePairAsync("Maria Firm", "Tom Quiet");
        var ended = await app.ActivePairAsync("Maria Ends", "Tom Ended");
        var blockedMailBefore = app.Mail.To(blocked.Mentee.Member.Email).Select(m => m.MessageId ?? "").ToHashSet();

        Assert.Equal(HttpStatusCode.OK, (await blocked.Mentor.PostAsync($"/api/v1/members/{blocked.Mentee.Id}/block")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ended.Mentor.PostAsync($"/api/v1/mentorships/{ended.Id}/end")).StatusCode);

        var afterBlock = await NewNotificationsAsync(blocked.Mentee);
        var afterEnd = await NewNotificationsAsync(ended.Mentee);
        Assert.Equal(afterEnd.Select(n => n.Replace("Maria Ends", "Maria Firm", StringComparison.Ordinal)), afterBlock);
        Assert.All(afterBlock, n => Assert.DoesNotContain("block", n, StringComparison.OrdinalIgnoreCase));
        var mail = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == blocked.Mentee.Member.Email), blockedMailBefore);
        Assert.Equal("Maria Firm has ended your mentorship", mail.Subject);
        Assert.DoesNotContain("block", mail.Text(), StringComparison.OrdinalIgnoreCase);
        // The blocked member's own list of blocks is empty: they cannot learn who blocked them from it.
        Assert.Empty((await blocked.Mentee.Api.GetFromJsonAsync<JsonArray>("/api/v1/me/blocks"))!);
    }

    [Fact]
    public async Task AfterABlock_NeitherCanRequestFindOrWriteToTheOther_UntilItIsLifted()
    {
        var p = await app.ActivePairAsync("Maria Apart", "Tom Apart");
        Assert.Equal(HttpStatusCode.OK, (await p.Mentee.Api.GetAsync($"/api/v1/members/{p.Mentor.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await p.Mentee.PostAsync($"/api/v1/members/{p.Mentor.Id}/block")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await p.Mentee.PostAsync($"/api/v1/members/{p.Mentor.Id}/block")).StatusCode); // twice is still one block
        Assert.Equal(1, await app.WithDbAsync(db => db.Blocks.CountAsync(b => b.BlockerId == p.Mentee.Id)));

        // Requesting: the same 404 an unknown member gets, in both directions.
        var unknown = await p.Mentee.Api.PostAsJsonAsync("/api/v1/mentorships", MentorshipBuilders.Proposal(Guid.NewGuid()));
        var again = await p.Mentee.Api.PostAsJsonAsync("/api/v1/mentorships", MentorshipBuilders.Proposal(p.Mentor.Id));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal((string?)(await unknown.Content.ReadFromJsonAsync<JsonObject>())!["detail"], (string?)(await again.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
        var mentorAsMentee = await app.MentorAsync("Maria Apart Too");
        Assert.Equal(HttpStatusCode.OK, (await p.Mentor.PostAsync($"/api/v1/members/{mentorAsMentee.Id}/block")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mentorAsMentee.Api.PostAsJsonAsync("/api/v1/mentorships", MentorshipBuilders.Proposal(p.Mentor.Id))).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Mentorships.CountAsync(m => m.MenteeId == p.Mentee.Id)));

        // Finding: profiles are 404 both ways, through the API and the page.
        Assert.Equal(HttpStatusCode.NotFound, (await p.Mentee.Api.GetAsync($"/api/v1/members/{p.Mentor.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await p.Mentor.Api.GetAsync($"/api/v1/members/{p.Mentee.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await p.Mentee.Member.Browser.GetAsync($"/Members/{p.Mentor.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await p.Mentor.Member.Browser.GetAsync($"/Members/{p.Mentee.Id}")).StatusCode);
        var stranger = await app.MenteeAsync("Sam Sees");
        Assert.Equal(HttpStatusCode.OK, (await stranger.Api.GetAsync($"/api/v1/members/{p.Mentor.Id}")).StatusCode);

        // Writing in the workspace: their mentorship has ended, so every workspace feature refuses.
        var membership = await app.WithDbAsync(db => new MentorshipAccess(db).FindAsync(p.Mentee.Id, p.Id, default));
        Assert.NotNull(membership!.RequireActive("send a message"));

        // Lifting the block (only the blocker can) lets them see each other again; the ended mentorship stays ended.
        Assert.Equal(HttpStatusCode.NotFound, (await p.Mentor.Api.DeleteAsync($"/api/v1/members/{p.Mentee.Id}/block")).StatusCode);
        var mine = (await p.Mentee.Api.GetFromJsonAsync<JsonArray>("/api/v1/me/blocks"))!;
        Assert.Equal([p.Mentor.Id], mine.Select(b => (Guid)b!["memberId"]!));
        Assert.Equal(HttpStatusCode.NoContent, (await p.Mentee.Api.DeleteAsync($"/api/v1/members/{p.Mentor.Id}/block")).StatusCode);
        Assert.Empty((await p.Mentee.Api.GetFromJsonAsync<JsonArray>("/api/v1/me/blocks"))!);
        Assert.Equal(HttpStatusCode.OK, (await p.Mentee.Api.GetAsync($"/api/v1/members/{p.Mentor.Id}")).StatusCode);
        Assert.Equal(MentorshipStatus.Ended, await app.StatusAsync(p.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await p.Mentee.Api.DeleteAsync($"/api/v1/members/{p.Mentor.Id}/block")).StatusCode);
    }

    [Fact]
    public async Task BlockedMembers_DisappearFromSearchAndRecommendations_BothWays()
    {
        var seeker = await app.MenteeAsync("Mia Seeker");
        var iBlock = await app.MentorAsync("Ana Blocked");
        var blocksMe = await app.MentorAsync("Bea Blocker");
        var stays = await app.MentorAsync("Cat Stays");
        await SyncSearchAsync();
        Assert.Superset(new HashSet<Guid> { iBlock.Id, blocksMe.Id, stays.Id }, (await Found(seeker, "/api/v1/mentors?pageSize=100")).ToHashSet());

        Assert.Equal(HttpStatusCode.OK, (await seeker.PostAsync($"/api/v1/members/{iBlock.Id}/block")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await blocksMe.PostAsync($"/api/v1/members/{seeker.Id}/block")).StatusCode);

        foreach (var url in new[] { "/api/v1/mentors?pageSize=100", "/api/v1/me/recommendations" })
        {
            var found = await Found(seeker, url);
            Assert.DoesNotContain(iBlock.Id, found);
            Assert.DoesNotContain(blocksMe.Id, found);
        }
        Assert.Contains(stays.Id, await Found(seeker, "/api/v1/mentors?pageSize=100"));
    }

    [Fact]
    public async Task Block_YourselfIs400_AndAnUnknownMemberIs404()
    {
        var me = await app.MenteeAsync("Ida Alone");
        var self = await me.PostAsync($"/api/v1/members/{me.Id}/block");
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.NotNull((await self.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["id"]);
        Assert.Equal(HttpStatusCode.NotFound, (await me.PostAsync($"/api/v1/members/{Guid.NewGuid()}/block")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Blocks.CountAsync(b => b.BlockerId == me.Id)));
    }

    [Fact]
    public async Task ThePages_ConfirmBeforeBlocking_AndSettingsListsAndLiftsBlocks()
    {
        var p = await app.ActivePairAsync("Maria Page", "Tom Page");
        var browser = p.Mentor.Member.Browser;
        var manage = await browser.GetStringAsync($"/Mentorships/{p.Id}/Manage");
        Assert.Contains($"/Members/{p.Mentee.Id}/Block", manage, StringComparison.Ordinal);

        var confirm = await browser.GetStringAsync($"/Members/{p.Mentee.Id}/Block");
        Assert.Contains("Block Tom Page?", confirm, StringComparison.Ordinal);
        Assert.Equal(MentorshipStatus.Active, await app.StatusAsync(p.Id)); // looking at the confirmation blocks nothing
        var posted = await browser.PostAsync($"/Members/{p.Mentee.Id}/Block", Array.Empty<KeyValuePair<string, string>>());
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/Settings/Blocked", posted.Headers.Location?.OriginalString);
        Assert.Equal(MentorshipStatus.Ended, await app.StatusAsync(p.Id));

        var settings = await browser.GetStringAsync("/Settings/Blocked");
        Assert.Contains("Tom Page", settings, StringComparison.Ordinal);
        Assert.Contains("/Settings/Blocked", await browser.GetStringAsync("/Settings"), StringComparison.Ordinal);
        var unblocked = await browser.PostAsync($"/Settings/Blocked?memberId={p.Mentee.Id}", Array.Empty<KeyValuePair<string, string>>(), handler: "Unblock");
        Assert.Equal(HttpStatusCode.Redirect, unblocked.StatusCode);
        Assert.Contains("You have not blocked anyone", await browser.GetStringAsync("/Settings/Blocked"), StringComparison.Ordinal);

        // The profile page offers it too, to signed-in members other than the owner.
        Assert.Contains($"/Members/{p.Mentor.Id}/Block", await p.Mentee.Member.Browser.GetStringAsync($"/Members/{p.Mentor.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain($"/Members/{p.Mentor.Id}/Block", await browser.GetStringAsync($"/Members/{p.Mentor.Id}"), StringComparison.Ordinal);
    }

    private async Task<Pair> PairInAsync(string state)
    {
        var p = state is "Proposed" or "Negotiating" or "Declined" or "Withdrawn" or "Expired"
            ? await app.RequestAsync($"Maria {state}", $"Tom {state}")
            : await app.ActivePairAsync($"Maria {state}", $"Tom {state}");
        HttpResponseMessage? move = state switch
        {
            "Negotiating" => await p.Mentor.CounterAsync(p.Id, 1, a => a["cadenceEvery"] = 2),
            "Paused" => await p.Mentee.PostAsync($"/api/v1/mentorships/{p.Id}/pause"),
            "Completed" => await CompleteAsync(p),
            "Ended" => await p.Mentor.PostAsync($"/api/v1/mentorships/{p.Id}/end"),
            "Declined" => await p.Mentor.PostAsync($"/api/v1/mentorships/{p.Id}/decline", new { reason = "TimingIsWrong" }),
            "Withdrawn" => await p.Mentee.PostAsync($"/api/v1/mentorships/{p.Id}/withdraw"),
            _ => null,
        };
        if (move is not null) Assert.True(move.IsSuccessStatusCode, await move.Content.ReadAsStringAsync());
        if (state == "Expired")
            await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == p.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, MentorshipStatus.Expired).SetProperty(m => m.ExpiresAt, (DateTimeOffset?)null)));
        Assert.Equal(state, (await app.StatusAsync(p.Id)).ToString());
        return p;
    }

    private static async Task<HttpResponseMessage> CompleteAsync(Pair p)
    {
        (await p.Mentee.PostAsync($"/api/v1/mentorships/{p.Id}/complete")).EnsureSuccessStatusCode();
        return await p.Mentor.PostAsync($"/api/v1/mentorships/{p.Id}/complete");
    }

    private async Task<List<string>> NewNotificationsAsync(Person who) =>
        (await who.Api.GetFromJsonAsync<JsonObject>("/api/v1/me/notifications"))!["items"]!.AsArray()
            .Where(n => (string?)n!["kind"] is "MentorshipChanged")
            .Select(n => $"{n!["title"]} | {n["body"]}")
            .ToList();

    private async Task SyncSearchAsync()
    {
        await app.Services.GetRequiredService<EmbeddingRefresher>().RunAsync(default);
        await app.Services.GetRequiredService<MentorDirectory>().SyncAsync(default);
    }

    private static async Task<List<Guid>> Found(Person who, string url)
    {
        var json = await who.Api.GetFromJsonAsync<JsonNode>(url);
        var list = json is JsonArray array ? array : json!["results"]!.AsArray();
        return list.Select(r => r!["mentorId"]!.GetValue<Guid>()).ToList();
    }
}
