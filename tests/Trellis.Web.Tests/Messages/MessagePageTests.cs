using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Messages;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Messages;

/// <summary>The messages page as each member's browser gets it, without JavaScript (plain forms).</summary>
public sealed class MessagePageTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task ScriptPayloads_AreRenderedHarmless_OnTheOtherMembersPageAndSummary()
    {
        var pair = await app.PairAsync("Maria Safe", "Tom Attacker");
        string[] payloads =
        [
            "<script>alert('xss')</script>",
            "<img src=x onerror=alert(1)>",
            "[click me](javascript:alert(2))",
            "<a href=\"javascript:alert(3)\">link</a>",
            "![pixel](javascript:alert(4))",
            "<svg onload=alert(5)>",
            "[ok](JaVaScRiPt:alert(6))",
        ];
        foreach (var payload in payloads)
            Assert.Equal(HttpStatusCode.Redirect, (await pair.Mentee.Member.Browser.PostAsync(pair.Page, new { Input__Body = payload })).StatusCode);

        foreach (var page in new[] { pair.Page, $"/Mentorships/{pair.Id}" })
        {
            var html = await pair.Mentor.Member.Browser.GetStringAsync(page);
            Assert.Contains("Tom Attacker", html, StringComparison.Ordinal);
            if (page == pair.Page) Assert.Contains("&lt;script&gt;alert", html, StringComparison.Ordinal); // shown as text, not run
            // Every script element on the page is one of Trellis's own files.
            foreach (Match script in Regex.Matches(html, "<script\\b[^>]*>", RegexOptions.IgnoreCase))
                Assert.Matches("src=\"/(lib|js)/", script.Value);
            Assert.DoesNotMatch(new Regex("<[a-z][^>]*\\son(error|load)\\s*=", RegexOptions.IgnoreCase), html);
            // Escaped text may mention "javascript:"; no attribute of a real tag may carry it.
            Assert.DoesNotMatch(new Regex("<[^>]*(href|src|action)\\s*=\\s*[\"']?\\s*javascript:", RegexOptions.IgnoreCase), html);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        }
        // The live fragment the script inserts is the same sanitised rendering.
        var id = await app.WithDbAsync(db => db.Messages.Where(m => m.MentorshipId == pair.Id && m.Number == 2).Select(m => m.Id).SingleAsync());
        var fragment = await pair.Mentor.Member.Browser.GetStringAsync($"{pair.Page}?handler=Message&messageId={id}");
        Assert.StartsWith("<li id=\"m-2\"", fragment.Trim(), StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("<[a-z][^>]*\\sonerror\\s*=", RegexOptions.IgnoreCase), fragment);
    }

    [Fact]
    public async Task WithoutJavaScript_AMemberSendsByForm_AndBadInputIsShownNextToTheField()
    {
        var pair = await app.PairAsync("Maria Form", "Tom Form");
        var browser = pair.Mentee.Member.Browser;

        var empty = await browser.PostAsync(pair.Page, new { Input__Body = "  " });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("Write a message first.", Forms.FieldError(await empty.Content.ReadAsStringAsync(), "Input_Body"));
        var tooLong = await browser.PostAsync(pair.Page, new { Input__Body = new string('z', Message.BodyMax + 1) });
        Assert.StartsWith("A message can be at most 20,000 characters", Forms.FieldError(await tooLong.Content.ReadAsStringAsync(), "Input_Body"), StringComparison.Ordinal);
        Assert.Equal(0, await app.MessageCountAsync(pair.Id));

        var sent = await browser.PostAsync(pair.Page, new { Input__Body = "Thanks for the call, **really** useful." });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"{pair.Page}#m-1", sent.Headers.Location!.OriginalString);

        var mentorPage = await pair.Mentor.Member.Browser.GetStringAsync(pair.Page);
        Assert.Contains("<strong>really</strong>", mentorPage, StringComparison.Ordinal);
        Assert.Contains("id=\"compose\"", mentorPage, StringComparison.Ordinal);
        Assert.Contains("src=\"/lib/signalr/signalr.min.js", mentorPage, StringComparison.Ordinal);
        Assert.Contains("src=\"/js/messages.js", mentorPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await pair.Mentor.Member.Browser.GetAsync("/lib/signalr/signalr.min.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pair.Mentor.Member.Browser.GetAsync("/js/messages.js")).StatusCode);
    }

    [Fact]
    public async Task TheAuthor_EditsAndDeletesByForm_AndTheOtherMemberSeesMessageDeleted()
    {
        var pair = await app.PairAsync("Maria Tidy", "Tom Tidy");
        var browser = pair.Mentee.Member.Browser;
        var message = await pair.Mentee.SentAsync(pair.Id, "Typo here");
        var id = message.MessageId();

        var editPage = await browser.GetStringAsync($"{pair.Page}?edit={id}");
        Assert.Contains("name=\"Edit.Body\"", editPage, StringComparison.Ordinal);
        // The other member gets no edit form and no delete button for it.
        var theirView = await pair.Mentor.Member.Browser.GetStringAsync($"{pair.Page}?edit={id}");
        Assert.DoesNotContain("name=\"Edit.Body\"", theirView, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Delete", theirView, StringComparison.Ordinal);

        var bad = await browser.PostAsync($"{pair.Page}?messageId={id}", new { Edit__Body = "", Edit__Version = "1" }, handler: "Edit");
        Assert.Equal("Write a message first.", Forms.FieldError(await bad.Content.ReadAsStringAsync(), "Edit_Body"));
        var edited = await browser.PostAsync($"{pair.Page}?messageId={id}", new { Edit__Body = "No typo here", Edit__Version = "1" }, handler: "Edit");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var page = await pair.Mentor.Member.Browser.GetStringAsync(pair.Page);
        Assert.Contains("No typo here", page, StringComparison.Ordinal);
        Assert.Contains("(edited)", page, StringComparison.Ordinal);

        // The other member cannot delete it through the form either.
        Assert.Equal(HttpStatusCode.NotFound, (await pair.Mentor.Member.Browser.PostAsync($"{pair.Page}?messageId={id}", new { }, handler: "Delete")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync($"{pair.Page}?messageId={id}", new { }, handler: "Delete")).StatusCode);
        foreach (var who in new[] { pair.Mentor, pair.Mentee })
        {
            var html = await who.Member.Browser.GetStringAsync(pair.Page);
            Assert.Contains("Message deleted.", html, StringComparison.Ordinal);
            Assert.DoesNotContain("No typo here", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OpeningThePage_MarksRead_AndTheDashboardAndDetailsShowUnreadCounts()
    {
        var pair = await app.PairAsync("Maria Counts", "Tom Counts");
        await pair.Mentee.SentAsync(pair.Id, "First thing");
        await pair.Mentee.SentAsync(pair.Id, "Second thing");
        var browser = pair.Mentor.Member.Browser;

        var dashboard = await browser.GetStringAsync("/Dashboard");
        Assert.Matches($"<a href=\"/Mentorships/{pair.Id}/Messages\">Tom Counts</a>: <span class=\"unread-count\">2 unread</span>", dashboard);
        var details = await browser.GetStringAsync($"/Mentorships/{pair.Id}");
        Assert.Contains("id=\"messages-summary\"", details, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"unread-count\">2 unread</strong>", details, StringComparison.Ordinal);
        Assert.Contains("Second thing", details, StringComparison.Ordinal);

        await browser.GetStringAsync(pair.Page);

        Assert.Contains("No unread messages.", await browser.GetStringAsync("/Dashboard"), StringComparison.Ordinal);
        Assert.DoesNotContain("unread-count", await browser.GetStringAsync($"/Mentorships/{pair.Id}"), StringComparison.Ordinal);
        // The sender never had anything unread.
        Assert.Contains("No unread messages.", await pair.Mentee.Member.Browser.GetStringAsync("/Dashboard"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALongConversation_ShowsTheLatestFirstPage_AndLoadsEarlierMessagesByLink()
    {
        var pair = await app.PairAsync("Maria Long", "Tom Long");
        for (var i = 1; i <= MessageHandlers.DefaultLimit + 2; i++) await pair.Mentee.SentAsync(pair.Id, $"note number {i}.");
        var html = await pair.Mentor.Member.Browser.GetStringAsync(pair.Page);
        Assert.DoesNotContain("note number 2.", html, StringComparison.Ordinal);
        Assert.Contains("note number 3.", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("note number 3.", StringComparison.Ordinal) < html.IndexOf("note number 32.", StringComparison.Ordinal), "oldest first");
        var earlier = WebUtility.HtmlDecode(Regex.Match(html, "href=\"([^\"]+)\" id=\"load-earlier\"").Groups[1].Value);
        var older = await pair.Mentor.Member.Browser.GetStringAsync(earlier);
        Assert.Contains("note number 1.", older, StringComparison.Ordinal);
        Assert.Contains("note number 2.", older, StringComparison.Ordinal);
        Assert.DoesNotContain("note number 3.", older, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"load-earlier\"", older, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await pair.Mentor.Member.Browser.GetAsync($"{pair.Page}?before=nonsense")).StatusCode);
    }

    [Fact]
    public async Task APausedMentorship_IsReadOnly_OnThePage()
    {
        var pair = await app.PairAsync("Maria Break", "Tom Break");
        await pair.Mentee.SentAsync(pair.Id, "See you after the break");
        await app.PauseAsync(pair);

        var html = await pair.Mentor.Member.Browser.GetStringAsync(pair.Page);
        Assert.Contains("See you after the break", html, StringComparison.Ordinal);
        Assert.Contains("id=\"read-only\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"compose\"", html, StringComparison.Ordinal);

        var refused = await pair.Mentor.Member.Browser.PostAsync(pair.Page, new { Input__Body = "Sneaking one in" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("paused", Forms.Summary(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await app.MessageCountAsync(pair.Id));
    }

    [Fact]
    public async Task AMemberOfAnotherMentorship_Gets404_FromThePageAndItsFragments()
    {
        var pair = await app.PairAsync("Maria Closed", "Tom Closed");
        var other = await app.PairAsync("Olga Closed", "Otto Closed");
        var message = await pair.Mentee.SentAsync(pair.Id, "Private");
        var outsider = other.Mentee.Member.Browser;
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(pair.Page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{pair.Page}?handler=Message&messageId={message.MessageId()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{other.Page}?handler=Message&messageId={message.MessageId()}")).StatusCode);
        // Posting into it from their own page's form token changes nothing.
        var token = Forms.AntiforgeryToken(await outsider.GetStringAsync(other.Page));
        var post = await outsider.PostAsync(pair.Page, new FormUrlEncodedContent([new("Input.Body", "Hi"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(1, await app.MessageCountAsync(pair.Id));
    }
}
