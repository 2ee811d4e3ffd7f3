using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Critiques;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Critiques;

public sealed class CritiqueApiTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task MenteeSendsAFile_MentorDownloadsIt_WithSafeHeaders_AndMetadataFromTheContent()
    {
        var pair = await app.ActivePairAsync("Tom File", "Maria File");
        var bytes = SampleFiles.Docx();

        var created = await pair.Mentee.SubmitOkAsync(pair.Id, CritiqueBuilders.Work(file: bytes, fileName: "Currículo Tom.docx", clientType: "application/octet-stream"));

        var id = Guid.Parse((string)created["id"]!);
        Assert.Equal("Open", (string?)created["status"]);
        var stored = await app.WithDbAsync(db => db.Critiques.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal("Currículo Tom.docx", stored.File!.Name);
        Assert.Equal(FileSniffer_Docx, stored.File.ContentType);
        Assert.Equal(bytes.Length, stored.File.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.File.Sha256);
        // Stored outside the web root, under the store's key, not the member's file name.
        var onDisk = Assert.Single(app.StoredFiles(), f => Path.GetFileName(f) == stored.File.Key);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(onDisk));
        Assert.DoesNotContain("Curr", onDisk, StringComparison.Ordinal);

        var download = await pair.Mentor.Api.GetAsync($"/api/v1/mentorships/{pair.Id}/critiques/{id}/file");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(FileSniffer_Docx, download.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Currículo Tom.docx", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(download.Headers.CacheControl is { Private: true, NoStore: true }, download.Headers.CacheControl?.ToString());

        var notified = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.MemberId == pair.Mentor.Id && n.Kind == NotificationKind.CritiqueRequested));
        Assert.Equal($"/Mentorships/{pair.Id}/Critiques/{id}", notified.Link);
        Assert.True(await app.WithDbAsync(db => db.TimelineEntries.AnyAsync(t => t.MentorshipId == pair.Id && t.Kind == "critique" && t.Text == "Tom File sent work for critique.")));
    }

    private static readonly string FileSniffer_Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [Fact]
    public async Task Answer_Reply_Close_Reopen_FollowTheStatusRules_AndNotify()
    {
        var pair = await app.ActivePairAsync("Tom Thread", "Maria Thread");
        var id = Guid.Parse((string)(await pair.Mentee.SubmitOkAsync(pair.Id, CritiqueBuilders.Work(link: "https://example.org/my-deck")))["id"]!);
        var path = $"/api/v1/mentorships/{pair.Id}/critiques/{id}";

        Assert.Equal(HttpStatusCode.Conflict, (await pair.Mentee.Api.PostAsJsonAsync($"{path}/answer", new { text = "Looks great to me!" })).StatusCode);
        var answered = await pair.Mentor.Api.PostAsJsonAsync($"{path}/answer", new { text = "**Strong start.** Cut the second slide." });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("Answered", (string?)(await answered.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
        Assert.Equal(HttpStatusCode.Conflict, (await pair.Mentor.Api.PostAsJsonAsync($"{path}/answer", new { text = "Again" })).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.MemberId == pair.Mentee.Id && n.Kind == NotificationKind.CritiqueAnswered)));

        Assert.Equal(HttpStatusCode.OK, (await pair.Mentee.Api.PostAsJsonAsync($"{path}/replies", new { text = "Thanks, which part of slide two?" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pair.Mentor.Api.PostAsJsonAsync($"{path}/replies", new { text = "The chart." })).StatusCode);
        var thread = (await pair.Mentee.Api.GetFromJsonAsync<JsonObject>(path))!;
        Assert.Equal(["Thanks, which part of slide two?", "The chart."], thread["replies"]!.AsArray().Select(r => (string?)r!["text"]));
        Assert.Equal("Maria Thread", (string?)thread["replies"]![1]!["authorName"]);

        Assert.Equal(HttpStatusCode.Conflict, (await pair.Mentor.Api.PostAsync($"{path}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pair.Mentee.Api.PostAsync($"{path}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await pair.Mentor.Api.PostAsJsonAsync($"{path}/replies", new { text = "One more thing" })).StatusCode);
        var reopened = await pair.Mentee.Api.PostAsync($"{path}/reopen", null);
        Assert.Equal("Answered", (string?)(await reopened.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
        Assert.Equal(3, await app.WithDbAsync(db => db.TimelineEntries.CountAsync(t => t.MentorshipId == pair.Id && t.Kind == "critique" && t.Text.Contains("Tom Thread"))));
    }

    [Fact]
    public async Task WhilePaused_NothingNewIsSentOrAnswered_ButTheMenteeCanStillTidyUp()
    {
        var pair = await app.ActivePairAsync("Tom Paused", "Maria Paused");
        var id = Guid.Parse((string)(await pair.Mentee.SubmitOkAsync(pair.Id, CritiqueBuilders.Work(link: "https://example.org/p")))["id"]!);
        await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == pair.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, Trellis.Web.Features.Mentorships.MentorshipStatus.Paused)));
        var path = $"/api/v1/mentorships/{pair.Id}/critiques/{id}";

        Assert.Equal(HttpStatusCode.Conflict, (await pair.Mentee.SubmitAsync(pair.Id, CritiqueBuilders.Work(link: "https://example.org/q"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await pair.Mentor.Api.PostAsJsonAsync($"{path}/answer", new { text = "Late answer" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await pair.Mentor.Api.PostAsJsonAsync("/api/v1/mentorships/" + pair.Id + "/resources/books", new { title = "T", author = "A", note = "", sendingCopy = false })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pair.Mentee.Api.PostAsync($"{path}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pair.Mentor.Api.GetAsync(path)).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Critiques.CountAsync(c => c.MentorshipId == pair.Id)));
    }

    [Fact]
    public async Task TheMentor_CannotSendWorkForCritique()
    {
        var pair = await app.ActivePairAsync("Tom Role", "Maria Role");
        var response = await pair.Mentor.SubmitAsync(pair.Id, CritiqueBuilders.Work(file: SampleFiles.Pdf()));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Critiques.AnyAsync(c => c.MentorshipId == pair.Id)));
    }

    [Fact]
    public async Task AThirdMember_Gets404_EvenWithAValidCritiqueIdOfAnotherMentorship()
    {
        var pair = await app.ActivePairAsync("Tom Private", "Maria Private");
        var other = await app.ActivePairAsync("Ann Other", "Bob Other");
        var id = Guid.Parse((string)(await pair.Mentee.SubmitOkAsync(pair.Id, CritiqueBuilders.Work(file: SampleFiles.Pdf())))["id"]!);
        var theirs = $"/api/v1/mentorships/{pair.Id}/critiques";
        var mineWithTheirId = $"/api/v1/mentorships/{other.Id}/critiques/{id}";

        foreach (var outsider in new[] { other.Mentee, other.Mentor })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.GetAsync(theirs)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.GetAsync($"{theirs}/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.GetAsync($"{theirs}/{id}/file")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.GetAsync(mineWithTheirId)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.GetAsync($"{mineWithTheirId}/file")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.PostAsJsonAsync($"{mineWithTheirId}/answer", new { text = "Mine now" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.PostAsJsonAsync($"{mineWithTheirId}/replies", new { text = "Hi" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.PostAsync($"{mineWithTheirId}/close", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.DeleteAsync(mineWithTheirId)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.SubmitAsync(pair.Id, CritiqueBuilders.Work(link: "https://example.org"))).StatusCode);
        }
        var stored = await app.WithDbAsync(db => db.Critiques.Include(c => c.Replies).AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(CritiqueStatus.Open, stored.Status);
        Assert.Empty(stored.Replies);
    }

    public static TheoryData<string, string> BadSubmissions => new()
    {
        { "empty-title", "title" },
        { "long-title", "title" },
        { "no-feedback", "feedbackWanted" },
        { "past-date", "dueDate" },
        { "bad-date", "dueDate" },
        { "no-date", "dueDate" },
        { "javascript-link", "link" },
        { "ftp-link", "link" },
        { "relative-link", "link" },
        { "link-and-file", "link" },
        { "neither", "file" },
        { "exe", "file" },
        { "exe-named-pdf", "file" },
        { "pdf-named-png", "file" },
        { "plain-zip-named-docx", "file" },
        { "empty-file", "file" },
        { "latin1-text", "file" },
    };

    [Theory]
    [MemberData(nameof(BadSubmissions))]
    public async Task BadInput_Is400NamingTheField_AndNothingIsWritten(string sample, string field)
    {
        var pair = await app.ActivePairAsync("Tom " + sample, "Maria " + sample);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var pdf = SampleFiles.Pdf();
        var form = sample switch
        {
            "empty-title" => CritiqueBuilders.Work(title: "  ", file: pdf),
            "long-title" => CritiqueBuilders.Work(title: new string('t', Critique.TitleMax + 1), file: pdf),
            "no-feedback" => CritiqueBuilders.Work(feedback: "", file: pdf),
            "past-date" => CritiqueBuilders.Work(due: yesterday, file: pdf),
            "bad-date" => CritiqueBuilders.Work(due: "next friday", file: pdf),
            "no-date" => CritiqueBuilders.Work(due: "", file: pdf),
            "javascript-link" => CritiqueBuilders.Work(link: "javascript:alert(1)"),
            "ftp-link" => CritiqueBuilders.Work(link: "ftp://example.org/cv.pdf"),
            "relative-link" => CritiqueBuilders.Work(link: "/etc/passwd"),
            "link-and-file" => CritiqueBuilders.Work(link: "https://example.org", file: pdf),
            "neither" => CritiqueBuilders.Work(),
            "exe" => CritiqueBuilders.Work(file: SampleFiles.Exe(), fileName: "setup.exe", clientType: "application/pdf"),
            "exe-named-pdf" => CritiqueBuilders.Work(file: SampleFiles.Exe(), fileName: "cv.pdf"),
            "pdf-named-png" => CritiqueBuilders.Work(file: pdf, fileName: "cv.png", clientType: "image/png"),
            "plain-zip-named-docx" => CritiqueBuilders.Work(file: SampleFiles.PlainZip(), fileName: "cv.docx"),
            "empty-file" => CritiqueBuilders.Work(file: [], fileName: "cv.txt"),
            "latin1-text" => CritiqueBuilders.Work(file: [0x63, 0x61, 0x66, 0xE9], fileName: "cv.txt", clientType: "text/plain"),
            _ => throw new ArgumentOutOfRangeException(nameof(sample)),
        };
        var filesBefore = app.StoredFiles();

        var response = await pair.Mentee.SubmitAsync(pair.Id, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        CritiqueBuilders.AssertNames(await CritiqueBuilders.ProblemAsync(response), field);
        Assert.False(await app.WithDbAsync(db => db.Critiques.AnyAsync(c => c.MentorshipId == pair.Id)));
        Assert.False(await app.WithDbAsync(db => db.TimelineEntries.AnyAsync(t => t.MentorshipId == pair.Id && t.Kind == "critique")));
        Assert.False(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == pair.Mentor.Id && n.Kind == NotificationKind.CritiqueRequested)));
        Assert.Equal(filesBefore.Order(), app.StoredFiles().Order());
    }

    [Theory]
    [InlineData("Pacific/Kiritimati")] // UTC+14
    [InlineData("Pacific/Pago_Pago")]  // UTC-11
    public async Task ByWhen_IsJudgedInTheMenteesOwnTimeZone(string zone)
    {
        var pair = await app.ActivePairAsync("Tom " + zone, "Maria " + zone);
        var body = await Trellis.Web.Tests.Profiles.ProfileApiTests.ValidBody(pair.Mentee.Api);
        body["timeZone"] = zone;
        (await pair.Mentee.Api.PutAsJsonAsync("/api/v1/me/profile", body)).EnsureSuccessStatusCode();
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
        static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var yesterday = await pair.Mentee.SubmitAsync(pair.Id, CritiqueBuilders.Work(due: Iso(localToday.AddDays(-1)), link: "https://example.org/a"));
        Assert.Equal(HttpStatusCode.BadRequest, yesterday.StatusCode);
        CritiqueBuilders.AssertNames(await CritiqueBuilders.ProblemAsync(yesterday), "dueDate");

        // Today where the mentee lives, which is tomorrow or yesterday in UTC for much of the day.
        var today = await pair.Mentee.SubmitAsync(pair.Id, CritiqueBuilders.Work(due: Iso(localToday), link: "https://example.org/b"));
        Assert.Equal(HttpStatusCode.Created, today.StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheMultipartSubmit_AndEveryEndpoint()
    {
        var doc = (await app.Anonymous().GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        var paths = doc["paths"]!.AsObject();
        var submit = paths["/api/v1/mentorships/{id}/critiques"]!["post"]!;
        Assert.NotNull(submit["requestBody"]!["content"]!["multipart/form-data"]);
        foreach (var path in new[] { "/{cid}", "/{cid}/answer", "/{cid}/replies", "/{cid}/close", "/{cid}/reopen", "/{cid}/file" })
            Assert.True(paths.ContainsKey("/api/v1/mentorships/{id}/critiques" + path), path);
        Assert.True(paths.ContainsKey("/api/v1/mentorships/{id}/resources/books"));
        Assert.True(paths.ContainsKey("/api/v1/mentorships/{id}/resources/{rid}/reading"));
    }

    [Fact]
    public async Task AFileOver20MB_IsRefusedWithAClearMessage_AndNoFileStaysOnDisk()
    {
        var pair = await app.ActivePairAsync("Tom Big", "Maria Big");
        var big = new byte[21 * 1024 * 1024];
        SampleFiles.Pdf().CopyTo(big, 0);
        var filesBefore = app.StoredFiles();

        var response = await pair.Mentee.SubmitAsync(pair.Id, CritiqueBuilders.Work(file: big, fileName: "huge.pdf"));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, response.StatusCode.ToString());
        var problem = await CritiqueBuilders.ProblemAsync(response);
        CritiqueBuilders.AssertNames(problem, "file");
        Assert.Contains("larger than 20 MB", problem["errors"]!["file"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Critiques.AnyAsync(c => c.MentorshipId == pair.Id)));
        Assert.Equal(filesBefore.Order(), app.StoredFiles().Order());
    }

    [Fact]
    public async Task ACookieSignedInCaller_NeedsTheAntiforgeryToken_ForAMultipartPost()
    {
        var pair = await app.ActivePairAsync("Tom Csrf", "Maria Csrf");
        var response = await pair.Mentee.Member.Browser.PostAsync($"/api/v1/mentorships/{pair.Id}/critiques", CritiqueBuilders.Work(link: "https://example.org/cv"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode); // refused before the form is read (CookieApiForgery)
        Assert.False(await app.WithDbAsync(db => db.Critiques.AnyAsync(c => c.MentorshipId == pair.Id)));
    }

    [Fact]
    public async Task DeletingARequest_RemovesItsFileFromDisk_OnlyTheMenteeMayDelete()
    {
        var pair = await app.ActivePairAsync("Tom Delete", "Maria Delete");
        var id = Guid.Parse((string)(await pair.Mentee.SubmitOkAsync(pair.Id, CritiqueBuilders.Work(file: SampleFiles.Png(), fileName: "chart.png", clientType: "image/png")))["id"]!);
        var key = await app.WithDbAsync(db => db.Critiques.Where(c => c.Id == id).Select(c => c.File!.Key).SingleAsync());
        Assert.Contains(app.StoredFiles(), f => Path.GetFileName(f) == key);

        Assert.Equal(HttpStatusCode.Conflict, (await pair.Mentor.Api.DeleteAsync($"/api/v1/mentorships/{pair.Id}/critiques/{id}")).StatusCode);
        Assert.Contains(app.StoredFiles(), f => Path.GetFileName(f) == key);
        Assert.Equal(HttpStatusCode.NoContent, (await pair.Mentee.Api.DeleteAsync($"/api/v1/mentorships/{pair.Id}/critiques/{id}")).StatusCode);

        Assert.DoesNotContain(app.StoredFiles(), f => Path.GetFileName(f) == key);
        Assert.False(await app.WithDbAsync(db => db.Critiques.AnyAsync(c => c.Id == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await pair.Mentor.Api.GetAsync($"/api/v1/mentorships/{pair.Id}/critiques/{id}/file")).StatusCode);
    }

    [Fact]
    public async Task DeletingTheMenteesAccount_RemovesTheFilesTheyUploaded()
    {
        var pair = await app.ActivePairAsync("Tom Leaving", "Maria Staying");
        var id = Guid.Parse((string)(await pair.Mentee.SubmitOkAsync(pair.Id, CritiqueBuilders.Work(file: SampleFiles.Text(), fileName: "essay.md", clientType: "text/markdown")))["id"]!);
        var key = await app.WithDbAsync(db => db.Critiques.Where(c => c.Id == id).Select(c => c.File!.Key).SingleAsync());
        await pair.Mentor.Api.PostAsJsonAsync($"/api/v1/mentorships/{pair.Id}/critiques/{id}/answer", new { text = "Good essay." });

        var deleted = await pair.Mentee.Api.PostAsJsonAsync("/api/v1/me/delete", new { password = pair.Mentee.Member.Password });
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        Assert.DoesNotContain(app.StoredFiles(), f => Path.GetFileName(f) == key);
        var stored = await app.WithDbAsync(db => db.Critiques.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Null(stored.File);
        Assert.NotNull(stored.FileRemovedAt);
        Assert.Equal("Good essay.", stored.Answer); // the mentor's critique stays in the mentor's history
        var view = (await pair.Mentor.Api.GetFromJsonAsync<JsonObject>($"/api/v1/mentorships/{pair.Id}/critiques/{id}"))!;
        Assert.Null(view["file"]);
    }
}
