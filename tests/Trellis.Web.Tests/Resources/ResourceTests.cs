using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Resources;
using Trellis.Web.Tests.Critiques;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Resources;

public sealed class ResourceTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    private static string Path(Guid id, string rest = "") => $"/api/v1/mentorships/{id}/resources{rest}";

    [Fact]
    public async Task MentorSharesAnArticleAndABook_MenteeIsNotified_AndKeepsTheReadingList()
    {
        var pair = await app.ActivePairAsync("Tom Reader", "Maria Librarian");

        var article = await pair.Mentor.Api.PostAsJsonAsync(Path(pair.Id, "/articles"),
            new { url = "https://hbr.org/2020/01/how-to-find-a-mentor", title = "How to find a mentor", note = "Read the part on asking." });
        Assert.Equal(HttpStatusCode.Created, article.StatusCode);
        var book = await pair.Mentor.Api.PostAsJsonAsync(Path(pair.Id, "/books"),
            new { title = "Effective Java", author = "Joshua Bloch", isbn = "0-13-468599-7", note = "Chapter 4.", sendingCopy = true });
        Assert.Equal(HttpStatusCode.Created, book.StatusCode);
        var bookView = (await book.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("9780134685991", (string?)bookView["isbn"]);
        Assert.True((bool?)bookView["sendingCopy"]);
        Assert.Equal("ToRead", (string?)bookView["status"]);

        Assert.Equal(2, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.MemberId == pair.Mentee.Id && n.Kind == NotificationKind.ResourceShared)));
        Assert.Equal(2, await app.WithDbAsync(db => db.TimelineEntries.CountAsync(t => t.MentorshipId == pair.Id && t.Kind == "resource")));

        var bookId = (string)bookView["id"]!;
        var mentorTries = await pair.Mentor.Api.PutAsJsonAsync(Path(pair.Id, $"/{bookId}/reading"), new { status = "Done", reflection = "" });
        Assert.Equal(HttpStatusCode.Conflict, mentorTries.StatusCode);
        var updated = await pair.Mentee.Api.PutAsJsonAsync(Path(pair.Id, $"/{bookId}/reading"), new { status = "Done", reflection = "Item 17 *changed* how I write classes." });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var list = (await pair.Mentor.Api.GetFromJsonAsync<JsonArray>(Path(pair.Id)))!;
        Assert.Equal(2, list.Count);
        var seenByMentor = list.Single(r => (string?)r!["id"] == bookId)!;
        Assert.Equal("Done", (string?)seenByMentor["status"]);
        Assert.Equal("Item 17 *changed* how I write classes.", (string?)seenByMentor["reflection"]);

        // The mentee shares too; it goes on their own list, and the mentor is told.
        var menteeShares = await pair.Mentee.Api.PostAsJsonAsync(Path(pair.Id, "/articles"), new { url = "http://example.org/post", title = "A post I liked", note = "" });
        Assert.Equal(HttpStatusCode.Created, menteeShares.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.MemberId == pair.Mentor.Id && n.Kind == NotificationKind.ResourceShared)));
    }

    [Fact]
    public async Task ThePage_RendersLinksWithNoopenerNoreferrer_AndShowsTheReflectionToTheMentor()
    {
        var pair = await app.ActivePairAsync("Tom Links", "Maria Links");
        await pair.Mentor.Api.PostAsJsonAsync(Path(pair.Id, "/articles"), new { url = "https://example.org/a?x=1&y=\"2\"", title = "Quoting <b>matters</b>", note = "Why" });
        var id = (string)(await pair.Mentor.Api.GetFromJsonAsync<JsonArray>(Path(pair.Id)))![0]!["id"]!;
        await pair.Mentee.Api.PutAsJsonAsync(Path(pair.Id, $"/{id}/reading"), new { status = "Reading", reflection = "**Useful** <img src=x onerror=alert(1)>" });

        var html = await pair.Mentor.Member.Browser.GetStringAsync($"/Mentorships/{pair.Id}/Resources");

        var anchor = Regex.Match(html, "<a href=\"https://example.org/a[^\"]*\"[^>]*>").Value;
        Assert.Contains("rel=\"noopener noreferrer\"", anchor, StringComparison.Ordinal);
        Assert.Contains("Quoting &lt;b&gt;matters&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Useful</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal); // shown as text, never as an element
        Assert.Contains("reflections are visible to both of you", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Reading.Status\"", html, StringComparison.Ordinal); // only the mentee updates the list
        Assert.Contains("name=\"Reading.Status\"", await pair.Mentee.Member.Browser.GetStringAsync($"/Mentorships/{pair.Id}/Resources"), StringComparison.Ordinal);

        var details = await pair.Mentor.Member.Browser.GetStringAsync($"/Mentorships/{pair.Id}");
        Assert.Contains("id=\"resources-summary\"", details, StringComparison.Ordinal);
        Assert.Contains("1 reading", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharingABookThroughThePage_WithABadIsbn_ShowsTheErrorNextToTheField()
    {
        var pair = await app.ActivePairAsync("Tom Form", "Maria Form");
        var page = $"/Mentorships/{pair.Id}/Resources";

        var bad = await pair.Mentor.Member.Browser.PostAsync(page, new { Book__Title = "Refactoring", Book__Author = "Martin Fowler", Book__Isbn = "978-0-13-475759-0" }, handler: "Book");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("not a valid ISBN", Forms.FieldError(await bad.Content.ReadAsStringAsync(), "Book_Isbn"), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Resources.AnyAsync(r => r.MentorshipId == pair.Id)));

        var good = await pair.Mentor.Member.Browser.PostAsync(page, new { Book__Title = "Refactoring", Book__Author = "Martin Fowler", Book__Isbn = "978-0-13-475759-9", Book__SendingCopy = "true" }, handler: "Book");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var stored = await app.WithDbAsync(db => db.Resources.SingleAsync(r => r.MentorshipId == pair.Id));
        Assert.Equal("9780134757599", stored.Isbn);
        Assert.True(stored.SendingCopy);
        Assert.Contains("a copy is on its way", await pair.Mentee.Member.Browser.GetStringAsync(page), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadShares => new()
    {
        { "/articles", """{"url":"javascript:alert(1)","title":"x","note":""}""", "url" },
        { "/articles", """{"url":"data:text/html,hi","title":"x","note":""}""", "url" },
        { "/articles", """{"url":"file:///etc/passwd","title":"x","note":""}""", "url" },
        { "/articles", """{"url":"not a url","title":"x","note":""}""", "url" },
        { "/articles", """{"url":"https://user:pw@example.org","title":"x","note":""}""", "url" },
        { "/articles", """{"url":"https://example.org","title":"  ","note":""}""", "title" },
        { "/books", """{"title":"","author":"A","isbn":null,"note":"","sendingCopy":false}""", "title" },
        { "/books", """{"title":"T","author":"","isbn":null,"note":"","sendingCopy":false}""", "author" },
        { "/books", """{"title":"T","author":"A","isbn":"978-0-13-468599-2","note":"","sendingCopy":false}""", "isbn" },
        { "/books", """{"title":"T","author":"A","isbn":"0-13-468599-8","note":"","sendingCopy":false}""", "isbn" },
        { "/books", """{"title":"T","author":"A","isbn":"abc","note":"","sendingCopy":false}""", "isbn" },
    };

    [Theory]
    [MemberData(nameof(BadShares))]
    public async Task BadInput_Is400NamingTheField_AndNothingIsWritten(string kind, string body, string field)
    {
        var pair = await app.ActivePairAsync("Tom Bad", "Maria Bad");
        var response = await pair.Mentor.Api.PostAsync(Path(pair.Id, kind), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        CritiqueBuilders.AssertNames(await CritiqueBuilders.ProblemAsync(response), field);
        Assert.False(await app.WithDbAsync(db => db.Resources.AnyAsync(r => r.MentorshipId == pair.Id)));
        Assert.False(await app.WithDbAsync(db => db.TimelineEntries.AnyAsync(t => t.MentorshipId == pair.Id && t.Kind == "resource")));
        Assert.False(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == pair.Mentee.Id && n.Kind == NotificationKind.ResourceShared)));
    }

    [Theory]
    [InlineData("Finished", "status")]
    [InlineData("7", "status")]
    [InlineData(null, "status")]
    public async Task BadReadingUpdates_Are400NamingTheField(string? status, string field)
    {
        var pair = await app.ActivePairAsync("Tom Status", "Maria Status");
        var created = await pair.Mentor.Api.PostAsJsonAsync(Path(pair.Id, "/books"), new { title = "T", author = "A", note = "", sendingCopy = false });
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var response = await pair.Mentee.Api.PutAsJsonAsync(Path(pair.Id, $"/{id}/reading"), new { status, reflection = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        CritiqueBuilders.AssertNames(await CritiqueBuilders.ProblemAsync(response), field);
        var stored = await app.WithDbAsync(db => db.Resources.AsNoTracking().SingleAsync(r => r.Id == Guid.Parse(id)));
        Assert.Equal(ReadingStatus.ToRead, stored.Status);
        Assert.Null(stored.Reflection);
    }

    [Fact]
    public async Task AThirdMember_Gets404_EvenWithAValidResourceIdOfAnotherMentorship()
    {
        var pair = await app.ActivePairAsync("Tom Own", "Maria Own");
        var other = await app.ActivePairAsync("Ann Nosy", "Bob Nosy");
        var created = await pair.Mentor.Api.PostAsJsonAsync(Path(pair.Id, "/articles"), new { url = "https://example.org", title = "Private", note = "" });
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        Assert.Equal(HttpStatusCode.NotFound, (await other.Mentee.Api.GetAsync(Path(pair.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Mentee.Api.PostAsJsonAsync(Path(pair.Id, "/articles"), new { url = "https://example.org", title = "Mine", note = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Mentee.Api.PutAsJsonAsync(Path(pair.Id, $"/{id}/reading"), new { status = "Done" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Mentee.Api.PutAsJsonAsync(Path(other.Id, $"/{id}/reading"), new { status = "Done" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Mentee.Member.Browser.GetAsync($"/Mentorships/{pair.Id}/Resources")).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Resources.CountAsync(r => r.MentorshipId == pair.Id)));
        Assert.Equal(ReadingStatus.ToRead, await app.WithDbAsync(db => db.Resources.Where(r => r.Id == Guid.Parse(id)).Select(r => r.Status).SingleAsync()));
    }
}
