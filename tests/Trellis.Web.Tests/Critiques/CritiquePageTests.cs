using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Critiques;

public sealed class CritiquePageTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    private static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient browser, string page, IEnumerable<(string Name, string Value)> fields, (byte[] Bytes, string Name)? file)
    {
        var token = Forms.AntiforgeryToken(await browser.GetStringAsync(page));
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Bytes);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
            form.Add(content, "Input.File", f.Name);
        }
        return await browser.PostAsync(page, form);
    }

    private static (string, string)[] Fields(string title) =>
        [("Input.Title", title), ("Input.FeedbackWanted", "Is the structure clear?"), ("Input.DueDate", CritiqueBuilders.InAWeek())];

    [Fact]
    public async Task MenteeUploadsThroughTheForm_MentorAnswersOnThePage_MarkdownIsSafe_SummariesShowIt()
    {
        var pair = await app.ActivePairAsync("Tom Page", "Maria Page");
        var list = $"/Mentorships/{pair.Id}/Critiques";
        Assert.Contains("id=\"submit-critique\"", await pair.Mentee.Member.Browser.GetStringAsync(list), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"submit-critique\"", await pair.Mentor.Member.Browser.GetStringAsync(list), StringComparison.Ordinal);

        var deck = SampleFiles.Pptx();
        var sent = await PostMultipartAsync(pair.Mentee.Member.Browser, list, Fields("Quarterly roadmap deck"), (deck, "roadmap.pptx"));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var id = await app.WithDbAsync(db => db.Critiques.Where(c => c.MentorshipId == pair.Id).Select(c => c.Id).SingleAsync());
        var page = $"{list}/{id}";
        Assert.Equal(page, sent.Headers.Location?.OriginalString);
        var mentorView = await pair.Mentor.Member.Browser.GetStringAsync(page);
        Assert.Contains("Quarterly roadmap deck", mentorView, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/v1/mentorships/{pair.Id}/critiques/{id}/file\"", mentorView, StringComparison.Ordinal);
        Assert.Contains("id=\"send-critique\"", mentorView, StringComparison.Ordinal);

        var answered = await pair.Mentor.Member.Browser.PostAsync(page, new { Text = "**Good.** <script>alert(1)</script> [x](javascript:alert(2))" }, handler: "Answer");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var menteeView = await pair.Mentee.Member.Browser.GetStringAsync(page);
        Assert.Contains("<strong>Good.</strong>", menteeView, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", menteeView, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:alert", menteeView, StringComparison.Ordinal);

        // The browser download goes through the cookie, only for members.
        var download = await pair.Mentee.Member.Browser.GetAsync($"/api/v1/mentorships/{pair.Id}/critiques/{id}/file");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(deck, await download.Content.ReadAsByteArrayAsync());

        var details = await pair.Mentee.Member.Browser.GetStringAsync($"/Mentorships/{pair.Id}");
        Assert.Contains("id=\"critiques-summary\"", details, StringComparison.Ordinal);
        Assert.Contains("Quarterly roadmap deck", details, StringComparison.Ordinal);
        // Answered and not closed: the mentee's dashboard says it waits on them.
        Assert.Contains("id=\"critiques-waiting\"", await pair.Mentee.Member.Browser.GetStringAsync("/Dashboard"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMentorsDashboard_ListsOpenRequests_AndFlagsTheLateOnes()
    {
        var pair = await app.ActivePairAsync("Tom Late", "Maria Busy");
        await pair.Mentee.SubmitOkAsync(pair.Id, CritiqueBuilders.Work(title: "Cover letter", link: "https://example.org/letter"));
        var dashboard = await pair.Mentor.Member.Browser.GetStringAsync("/Dashboard");
        Assert.Contains("Cover letter", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("past its date", dashboard, StringComparison.Ordinal);

        var past = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2));
        await app.WithDbAsync(db => db.Critiques.Where(c => c.MentorshipId == pair.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.DueDate, past)));
        dashboard = await pair.Mentor.Member.Browser.GetStringAsync("/Dashboard");
        Assert.Contains("past its date", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("Cover letter", await pair.Mentee.Member.Browser.GetStringAsync("/Dashboard"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExecutableRenamedToPdf_IsRefusedNextToTheFileField_AndNothingIsStored()
    {
        var pair = await app.ActivePairAsync("Tom Exe", "Maria Exe");
        var filesBefore = app.StoredFiles();

        var response = await PostMultipartAsync(pair.Mentee.Member.Browser, $"/Mentorships/{pair.Id}/Critiques", Fields("Definitely a CV"), (SampleFiles.Exe(), "cv.pdf"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("not one Trellis accepts", Forms.FieldError(html, "Input_File"), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Critiques.AnyAsync(c => c.MentorshipId == pair.Id)));
        Assert.Equal(filesBefore.Order(), app.StoredFiles().Order());
    }

    [Fact]
    public async Task AThirdMember_Gets404_FromTheCritiquePages()
    {
        var pair = await app.ActivePairAsync("Tom Pages404", "Maria Pages404");
        var outsider = await app.MenteeAsync("Eve Outsider");
        var id = Guid.Parse((string)(await pair.Mentee.SubmitOkAsync(pair.Id, CritiqueBuilders.Work(link: "https://example.org/x")))["id"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Member.Browser.GetAsync($"/Mentorships/{pair.Id}/Critiques")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Member.Browser.GetAsync($"/Mentorships/{pair.Id}/Critiques/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Member.Browser.GetAsync($"/api/v1/mentorships/{pair.Id}/critiques/{id}/file")).StatusCode);
    }
}
