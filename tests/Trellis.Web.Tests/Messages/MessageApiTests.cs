using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Messages;
using Trellis.Web.Tests.Infrastructure;
using static Trellis.Web.Tests.Messages.MessageBuilders;

namespace Trellis.Web.Tests.Messages;

public sealed class MessageApiTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task AMessage_IsStoredAndListed_ForTheOtherMember_WithSanitisedHtml()
    {
        var pair = await app.PairAsync("Maria Listing", "Tom Listing");
        var sent = await pair.Mentee.SentAsync(pair.Id, "Hello **Maria**, see [this](https://example.org).");
        Assert.Equal(1, (int)sent["number"]!);
        Assert.Equal("Visible", (string)sent["state"]!);

        var page = await pair.Mentor.ListAsync(pair.Id);
        var item = page["items"]!.AsArray().Single()!;
        Assert.Equal(sent.MessageId(), item.AsObject().MessageId());
        Assert.Equal("Tom Listing", (string)item["authorName"]!);
        Assert.Contains("<strong>Maria</strong>", (string)item["bodyHtml"]!, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", (string)item["bodyHtml"]!, StringComparison.Ordinal);
        Assert.Equal(1, (int)page["unread"]!);
        Assert.Null(page["next"]);

        var stored = await app.WithDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == sent.MessageId()));
        Assert.Equal(pair.Mentee.Id, stored.AuthorId);
        Assert.Equal("Hello **Maria**, see [this](https://example.org).", stored.Body);
    }

    [Fact]
    public async Task TheList_IsNewestFirst_AndPagesWithAnOpaqueCursor()
    {
        var pair = await app.PairAsync("Maria Pager", "Tom Pager");
        for (var i = 1; i <= 5; i++) await (i % 2 == 0 ? pair.Mentor : pair.Mentee).SentAsync(pair.Id, $"message {i}");

        var first = await pair.Mentee.ListAsync(pair.Id, "?limit=2");
        Assert.Equal(["message 5", "message 4"], Bodies(first));
        var next = (string)first["next"]!;
        Assert.DoesNotContain("4", next, StringComparison.Ordinal); // opaque, not a bare number
        var second = await pair.Mentee.ListAsync(pair.Id, $"?limit=2&before={next}");
        Assert.Equal(["message 3", "message 2"], Bodies(second));
        var third = await pair.Mentee.ListAsync(pair.Id, $"?limit=2&before={(string)second["next"]!}");
        Assert.Equal(["message 1"], Bodies(third));
        Assert.Null(third["next"]);
        Assert.Equal(5, Bodies(await pair.Mentee.ListAsync(pair.Id, "?limit=100")).Count);
    }

    [Theory]
    [InlineData("", "body")]
    [InlineData("   \n ", "body")]
    [InlineData(null, "body")]
    [InlineData("too-long", "body")]
    public async Task ABadMessage_Gets400NamingTheBody_AndNothingIsStored(string? body, string field)
    {
        var pair = await app.PairAsync("Maria Bad", "Tom Bad");
        if (body == "too-long") body = new string('x', Message.BodyMax + 1);
        Assert.Equal(field, await ErrorFieldAsync(await pair.Mentee.SendAsync(pair.Id, body)));
        Assert.Equal(0, await app.MessageCountAsync(pair.Id));
        Assert.False(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == pair.Mentor.Id && n.Kind == Trellis.Web.Features.Notifications.NotificationKind.NewMessage)));
    }

    [Fact]
    public async Task AMessageOfExactlyTheLimit_IsAccepted()
    {
        var pair = await app.PairAsync("Maria Long", "Tom Long");
        await pair.Mentee.SentAsync(pair.Id, new string('y', Message.BodyMax));
        Assert.Equal(1, await app.MessageCountAsync(pair.Id));
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("?before=not-a-cursor", "before")]
    [InlineData("?before=bXNnOi0z", "before")] // "msg:-3"
    [InlineData("?before=aGVsbG8", "before")] // "hello"
    public async Task BadPaging_Gets400NamingTheField(string query, string field)
    {
        var pair = await app.PairAsync("Maria Paging", "Tom Paging");
        Assert.Equal(field, await ErrorFieldAsync(await pair.Mentee.Api.GetAsync(pair.Messages + query)));
    }

    [Fact]
    public async Task AMemberOfAnotherMentorship_Gets404_FromEveryEndpoint_EvenWithARealMessageId()
    {
        var pair = await app.PairAsync("Maria Private", "Tom Private");
        var other = await app.PairAsync("Olga Other", "Otto Other");
        var message = await pair.Mentee.SentAsync(pair.Id, "Only for Maria");
        var theirs = message.MessageId();
        var outsider = other.Mentee.Api;

        var responses = new[]
        {
            await outsider.GetAsync(pair.Messages),
            await outsider.GetAsync($"{pair.Messages}/{theirs}"),
            await outsider.PostAsJsonAsync(pair.Messages, new { body = "Hi" }),
            await outsider.PutAsJsonAsync($"{pair.Messages}/{theirs}", new { body = "Changed" }),
            await outsider.DeleteAsync($"{pair.Messages}/{theirs}"),
            await outsider.PostAsync($"{pair.Messages}/read", null),
            // Their own mentorship with someone else's message id.
            await outsider.GetAsync($"{other.Messages}/{theirs}"),
            await outsider.PutAsJsonAsync($"{other.Messages}/{theirs}", new { body = "Changed" }),
            await outsider.DeleteAsync($"{other.Messages}/{theirs}"),
        };
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.DoesNotContain("Only for Maria", string.Concat(await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()))), StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == theirs));
        Assert.Equal("Only for Maria", stored.Body);
        Assert.Null(stored.DeletedAt);
        Assert.Equal(1, await app.WithDbAsync(db => db.Messages.CountAsync(m => m.MentorshipId == pair.Id || m.MentorshipId == other.Id)));
    }

    [Fact]
    public async Task EditingTheOtherMembersMessage_Gets404_AndChangesNothing()
    {
        var pair = await app.PairAsync("Maria Edit", "Tom Edit");
        var message = await pair.Mentee.SentAsync(pair.Id, "Mine");
        var url = $"{pair.Messages}/{message.MessageId()}";
        Assert.Equal(HttpStatusCode.NotFound, (await pair.Mentor.Api.PutAsJsonAsync(url, new { body = "Hers now" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pair.Mentor.Api.DeleteAsync(url)).StatusCode);
        var stored = await app.WithDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == message.MessageId()));
        Assert.Equal("Mine", stored.Body);
        Assert.Null(stored.EditedAt);
        Assert.Null(stored.DeletedAt);
    }

    [Fact]
    public async Task TheAuthor_EditsWithinTheWindow_AndAStaleVersionGets409()
    {
        var pair = await app.PairAsync("Maria Fix", "Tom Fix");
        var message = await pair.Mentee.SentAsync(pair.Id, "Se you Tuesday");
        var url = $"{pair.Messages}/{message.MessageId()}";

        var edited = await pair.Mentee.Api.PutAsJsonAsync(url, new { body = "See you Tuesday", version = 1 });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var view = (await edited.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("See you Tuesday", (string)view["body"]!);
        Assert.NotNull(view["editedAt"]);
        Assert.Equal(2, (int)view["version"]!);

        Assert.Equal(HttpStatusCode.Conflict, (await pair.Mentee.Api.PutAsJsonAsync(url, new { body = "See you Wednesday", version = 1 })).StatusCode);
        Assert.Equal("See you Tuesday", await app.WithDbAsync(db => db.Messages.Where(m => m.Id == message.MessageId()).Select(m => m.Body).SingleAsync()));

        Assert.Equal("body", await ErrorFieldAsync(await pair.Mentee.Api.PutAsJsonAsync(url, new { body = "" })));
        Assert.Equal("See you Tuesday", await app.WithDbAsync(db => db.Messages.Where(m => m.Id == message.MessageId()).Select(m => m.Body).SingleAsync()));
    }

    [Fact]
    public async Task AnEditAfterTheWindow_Gets409_AndChangesNothing()
    {
        var pair = await app.PairAsync("Maria Late", "Tom Late");
        var message = await pair.Mentee.SentAsync(pair.Id, "First words");
        await app.WithDbAsync(db => db.Messages.Where(m => m.Id == message.MessageId())
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-16))));

        var response = await pair.Mentee.Api.PutAsJsonAsync($"{pair.Messages}/{message.MessageId()}", new { body = "Second thoughts" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("15 minutes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == message.MessageId()));
        Assert.Equal("First words", stored.Body);
        Assert.Null(stored.EditedAt);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task Deleting_ErasesTheText_AndBothSeeMessageDeleted()
    {
        var pair = await app.PairAsync("Maria Delete", "Tom Delete");
        var message = await pair.Mentee.SentAsync(pair.Id, "Something I regret");
        var url = $"{pair.Messages}/{message.MessageId()}";

        Assert.Equal(HttpStatusCode.NoContent, (await pair.Mentee.Api.DeleteAsync(url)).StatusCode);

        var stored = await app.WithDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == message.MessageId()));
        Assert.Equal("", stored.Body);
        Assert.NotNull(stored.DeletedAt);
        foreach (var who in new[] { pair.Mentee, pair.Mentor })
        {
            var item = (await who.ListAsync(pair.Id))["items"]!.AsArray().Single()!;
            Assert.Equal("Deleted", (string)item["state"]!);
            Assert.Null(item["body"]);
            Assert.Null(item["bodyHtml"]);
        }
        Assert.Equal(HttpStatusCode.Conflict, (await pair.Mentee.Api.PutAsJsonAsync(url, new { body = "Back" })).StatusCode);
        // Deleting again is harmless.
        Assert.Equal(HttpStatusCode.NoContent, (await pair.Mentee.Api.DeleteAsync(url)).StatusCode);
    }

    [Fact]
    public async Task APausedMentorship_CanBeRead_AndTidied_ButNotWrittenTo()
    {
        var pair = await app.PairAsync("Maria Pause", "Tom Pause");
        var message = await pair.Mentee.SentAsync(pair.Id, "Before the break");
        await app.PauseAsync(pair);

        var refused = await pair.Mentor.SendAsync(pair.Id, "During the break");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(1, await app.MessageCountAsync(pair.Id));
        Assert.Equal(HttpStatusCode.Conflict, (await pair.Mentee.Api.PutAsJsonAsync($"{pair.Messages}/{message.MessageId()}", new { body = "Edited" })).StatusCode);
        Assert.Single((await pair.Mentor.ListAsync(pair.Id))["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NoContent, (await pair.Mentee.Api.DeleteAsync($"{pair.Messages}/{message.MessageId()}")).StatusCode);
    }

    [Fact]
    public async Task UnreadCounts_CountTheOtherMembersMessages_UntilRead()
    {
        var pair = await app.PairAsync("Maria Unread", "Tom Unread");
        await pair.Mentee.SentAsync(pair.Id, "one");
        await pair.Mentee.SentAsync(pair.Id, "two");
        var deleted = await pair.Mentee.SentAsync(pair.Id, "three");
        await pair.Mentee.Api.DeleteAsync($"{pair.Messages}/{deleted.MessageId()}");

        Assert.Equal(2, (int)(await pair.Mentor.ListAsync(pair.Id))["unread"]!);
        Assert.Equal(0, (int)(await pair.Mentee.ListAsync(pair.Id))["unread"]!);

        Assert.Equal(HttpStatusCode.NoContent, (await pair.Mentor.Api.PostAsync($"{pair.Messages}/read", null)).StatusCode);
        Assert.Equal(0, (int)(await pair.Mentor.ListAsync(pair.Id))["unread"]!);
        await pair.Mentee.SentAsync(pair.Id, "four");
        Assert.Equal(1, (int)(await pair.Mentor.ListAsync(pair.Id))["unread"]!);
        // Answering counts as reading.
        await pair.Mentor.SentAsync(pair.Id, "reply");
        Assert.Equal(0, (int)(await pair.Mentor.ListAsync(pair.Id))["unread"]!);
        Assert.Equal(1, (int)(await pair.Mentee.ListAsync(pair.Id))["unread"]!);
    }

    [Fact]
    public async Task BothMembersSendingAtOnce_GetDistinctNumbers_AndTheOtherIsNotifiedOnce()
    {
        var pair = await app.PairAsync("Maria Race", "Tom Race");
        var sends = Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? pair.Mentee : pair.Mentor).SendAsync(pair.Id, $"at once {i}"));

        var responses = await Task.WhenAll(sends);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = await app.WithDbAsync(db => db.Messages.Where(m => m.MentorshipId == pair.Id).Select(m => m.Number).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 8), numbers.Order());
        Assert.Equal(1, await app.WithDbAsync(db => db.Conversations.CountAsync(c => c.MentorshipId == pair.Id)));
        foreach (var who in new[] { pair.Mentor, pair.Mentee })
            Assert.True(await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.MemberId == who.Id && n.Kind == Trellis.Web.Features.Notifications.NotificationKind.NewMessage)) <= 1);
    }

    [Fact]
    public async Task DeletingAnAccount_ErasesTheTextOfEveryMessageItsMemberWrote()
    {
        var pair = await app.PairAsync("Maria Stays", "Tom Leaves");
        var mine = await pair.Mentee.SentAsync(pair.Id, "Something about my employer");
        var hers = await pair.Mentor.SentAsync(pair.Id, "Her answer");

        var deleted = await pair.Mentee.Api.PostAsJsonAsync("/api/v1/me/delete", new { password = Members.GoodPassword });
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var stored = await app.WithDbAsync(db => db.Messages.AsNoTracking().Where(m => m.MentorshipId == pair.Id).ToListAsync());
        Assert.Equal("", stored.Single(m => m.Id == mine.MessageId()).Body);
        Assert.NotNull(stored.Single(m => m.Id == mine.MessageId()).DeletedAt);
        Assert.Equal("Her answer", stored.Single(m => m.Id == hers.MessageId()).Body);
        var items = (await pair.Mentor.ListAsync(pair.Id))["items"]!.AsArray();
        Assert.Equal(["Visible", "Deleted"], items.Select(i => (string)i!["state"]!));
    }

    private static List<string> Bodies(JsonObject page) => page["items"]!.AsArray().Select(i => (string)i!["body"]!).ToList();
}
