using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Guides;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Programmes;

namespace Trellis.Web.Tests.Guides;

/// <summary>Who writes and who reads a guide (ADR 0032): a guide you may not read is 404 on page and API.</summary>
public sealed class GuideTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task AProgrammeOnlyGuide_IsReadByParticipantsAndCoordinators_AndIs404ForEveryoneElse()
    {
        var (programme, participant) = await app.ProgrammeWithParticipantAsync();
        var guide = await programme.Owner.GuideAsync("ProgrammeOnly", programme.Id, "Before the kick-off", "# Agenda\n\nBring **one** question.");
        var outsider = await app.MenteeAsync("Olga Outsider");

        var read = await participant.Api.GetFromJsonAsync<JsonObject>(guide.Api);
        Assert.Equal("Before the kick-off", (string)read!["title"]!);
        Assert.Contains("<strong>one</strong>", (string)read["html"]!, StringComparison.Ordinal);
        var page = await participant.Member.Browser.GetStringAsync(guide.Page);
        Assert.Contains("<h1>Agenda</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Spring cohort", page, StringComparison.Ordinal);
        Assert.Contains(guide.Slug, await participant.Member.Browser.GetStringAsync("/Guides"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.GetAsync(guide.Api)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Member.Browser.GetAsync(guide.Page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync(guide.Api)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync(guide.Page)).StatusCode);
        Assert.DoesNotContain(guide.Slug, await outsider.Member.Browser.GetStringAsync("/Guides"), StringComparison.Ordinal);
        var listed = await outsider.Api.GetFromJsonAsync<JsonArray>("/api/v1/guides");
        Assert.DoesNotContain(listed!, g => (string)g!["slug"]! == guide.Slug);
        // Not even a wrong-looking address tells them apart.
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.GetAsync($"/api/v1/guides/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task APublicGuide_IsReadWithoutAnAccount_AMembersOnlyOne_OnlyWhenSignedIn()
    {
        var admin = await app.AdministratorAsync();
        var open = await admin.GuideAsync("Public", null, "Finding a mentor", "Look at *what they did*.");
        var members = await admin.GuideAsync("MembersOnly", null, "Members' corner", "Say hello.");
        var anonymous = app.Anonymous();

        Assert.Contains("<em>what they did</em>", await anonymous.GetStringAsync(open.Page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(open.Api)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(members.Page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(members.Api)).StatusCode);
        var list = await anonymous.GetStringAsync("/Guides");
        Assert.Contains(open.Slug, list, StringComparison.Ordinal);
        Assert.DoesNotContain(members.Slug, list, StringComparison.Ordinal);

        var member = await app.MenteeAsync("Mia Member");
        Assert.Contains("Say hello.", await member.Member.Browser.GetStringAsync(members.Page), StringComparison.Ordinal);
        // A reader who may not edit sees no edit link and gets 404 on the edit page.
        Assert.DoesNotContain("id=\"edit-guide\"", await member.Member.Browser.GetStringAsync(members.Page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Member.Browser.GetAsync($"{members.Page}/Edit")).StatusCode);
    }

    [Fact]
    public async Task WhoWrites_CoordinatorsForTheirProgramme_AdministratorsSiteWide_NobodyElse()
    {
        var (programme, participant) = await app.ProgrammeWithParticipantAsync();
        var other = await app.EnrollingAsync(name: "Other cohort");
        var before = await app.OfEveryTableAsync();

        // A participant cannot write for the programme, a coordinator not for another programme: 404, as if it did not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await participant.WriteGuideAsync("Mine", "Text", "ProgrammeOnly", programme.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await programme.Owner.WriteGuideAsync("Theirs", "Text", "ProgrammeOnly", other.Id)).StatusCode);
        // Only administrators write for the whole site.
        var siteWide = await programme.Owner.WriteGuideAsync("Everyone", "Text", "Public", null);
        Assert.Equal(HttpStatusCode.Forbidden, siteWide.StatusCode);
        Assert.Equal(before, await app.OfEveryTableAsync());

        var guide = await programme.Owner.GuideAsync("MembersOnly", programme.Id);
        var stored = await app.WithDbAsync(db => db.Guides.AsNoTracking().SingleAsync(g => g.Id == guide.Id));
        Assert.Equal((programme.Owner.Id, GuideVisibility.MembersOnly, programme.Id), (stored.AuthorId!.Value, stored.Visibility, stored.ProgrammeId!.Value));

        // Any coordinator of the programme edits it (guides outlive a coordinator's term); a participant gets 404.
        var second = await app.MenteeAsync("Sam Second");
        var added = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/coordinators", new { email = second.Member.Email });
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        var edited = await second.Api.PutAsJsonAsync(guide.Api, new { title = "Your first meeting, revised", body = "New text.", visibility = "ProgrammeOnly", version = guide.Version });
        Assert.True(edited.IsSuccessStatusCode, await edited.Content.ReadAsStringAsync());
        var after = await app.WithDbAsync(db => db.Guides.AsNoTracking().SingleAsync(g => g.Id == guide.Id));
        Assert.Equal(("Your first meeting, revised", GuideVisibility.ProgrammeOnly, programme.Owner.Id), (after.Title, after.Visibility, after.AuthorId!.Value));
        var refused = await participant.Api.PutAsJsonAsync(guide.Api, new { title = "Hacked", body = "x", visibility = "Public", version = after.Version });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("Your first meeting, revised", await app.WithDbAsync(db => db.Guides.Where(g => g.Id == guide.Id).Select(g => g.Title).SingleAsync()));
    }

    [Fact]
    public async Task BadInput_Is400NamingTheField_AndNothingIsWritten()
    {
        var (programme, _) = await app.ProgrammeWithParticipantAsync();
        var admin = await app.AdministratorAsync();
        var before = await app.OfEveryTableAsync();

        await AssertNamesAsync(await programme.Owner.WriteGuideAsync("", "Body", "Public", programme.Id), "title", GuideWords.NeedTitle);
        await AssertNamesAsync(await programme.Owner.WriteGuideAsync("Title", "  ", "Public", programme.Id), "body", GuideWords.NeedBody);
        await AssertNamesAsync(await programme.Owner.WriteGuideAsync("Title", "Body", "Secret", programme.Id), "visibility", GuideWords.ChooseVisibility);
        await AssertNamesAsync(await programme.Owner.WriteGuideAsync(new string('t', Guide.TitleMax + 1), "Body", "Public", programme.Id), "title", "at most");
        await AssertNamesAsync(await admin.WriteGuideAsync("Title", "Body", "ProgrammeOnly", null), "programmeId", "programme");
        Assert.Equal(before, await app.OfEveryTableAsync());

        var guide = await admin.GuideAsync("Public", null);
        var snapshot = await app.OfEveryTableAsync();
        await AssertNamesAsync(await admin.Api.PutAsJsonAsync(guide.Api, new { title = "T", body = "B", visibility = "Public" }), "version", GuideWords.NeedVersion);
        // A site-wide guide has no programme to keep it to.
        await AssertNamesAsync(await admin.Api.PutAsJsonAsync(guide.Api, new { title = "T", body = "B", visibility = "ProgrammeOnly", version = guide.Version }),
            "visibility", GuideWords.ProgrammeOnlyNeedsProgramme);
        Assert.Equal(snapshot, await app.OfEveryTableAsync());
        Assert.Equal(guide.Version, await app.WithDbAsync(db => db.Guides.Where(g => g.Id == guide.Id).Select(g => g.Version).SingleAsync()));
    }

    [Fact]
    public async Task TwoEditsFromTheSameVersion_TheSecondIs409_AndTheFirstStays()
    {
        var (programme, _) = await app.ProgrammeWithParticipantAsync();
        var guide = await programme.Owner.GuideAsync("ProgrammeOnly", programme.Id);

        var first = await programme.Owner.Api.PutAsJsonAsync(guide.Api, new { title = "First edit", body = "One.", visibility = "ProgrammeOnly", version = guide.Version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await programme.Owner.Api.PutAsJsonAsync(guide.Api, new { title = "Second edit", body = "Two.", visibility = "ProgrammeOnly", version = guide.Version });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("Someone else edited this guide", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("First edit", await app.WithDbAsync(db => db.Guides.Where(g => g.Id == guide.Id).Select(g => g.Title).SingleAsync()));

        // The page says the same, next to the form, and keeps what the second writer typed.
        var page = await programme.Owner.Member.Browser.PostAsync($"{guide.Page}/Edit", new
        {
            Input__Title = "Third edit", Input__Body = "Three.", Input__Visibility = "ProgrammeOnly", Input__Version = guide.Version.ToString(),
        });
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Someone else edited this guide", html, StringComparison.Ordinal);
        Assert.Contains("Third edit", html, StringComparison.Ordinal);
        Assert.Equal("First edit", await app.WithDbAsync(db => db.Guides.Where(g => g.Id == guide.Id).Select(g => g.Title).SingleAsync()));
    }

    [Fact]
    public async Task ACoordinator_WritesAGuideOnThePage_RawHtmlIsShownAsText()
    {
        var (programme, participant) = await app.ProgrammeWithParticipantAsync();
        var browser = programme.Owner.Member.Browser;
        Assert.Contains("Spring cohort", await browser.GetStringAsync("/Guides/New"), StringComparison.Ordinal);

        var missing = await browser.PostAsync("/Guides/New", new { Input__ProgrammeId = programme.Id.ToString(), Input__Title = "", Input__Body = "x", Input__Visibility = "ProgrammeOnly" });
        Assert.Equal(GuideWords.NeedTitle, Forms.FieldError(await missing.Content.ReadAsStringAsync(), "Input_Title"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Guides.CountAsync(g => g.ProgrammeId == programme.Id)));

        var posted = await browser.PostAsync("/Guides/New", new
        {
            Input__ProgrammeId = programme.Id.ToString(), Input__Title = "Ground rules", Input__Visibility = "ProgrammeOnly",
            Input__Body = "Be kind. <script>alert(1)</script> [a link](javascript:alert(2))",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/Guides/ground-rules", posted.Headers.Location!.OriginalString);
        var page = await participant.Member.Browser.GetStringAsync("/Guides/ground-rules");
        Assert.Contains("Be kind.", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", page, StringComparison.Ordinal);

        // A second guide of the same title gets its own address.
        var again = await programme.Owner.GuideAsync("ProgrammeOnly", programme.Id, "Ground rules", "Again.");
        Assert.Equal("ground-rules-2", again.Slug);
    }

    private static async Task AssertNamesAsync(HttpResponseMessage response, string field, string words)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await response.ErrorsAsync();
        Assert.True(errors.ContainsKey(field), errors.ToJsonString());
        Assert.Contains(words, string.Join(" ", errors[field]!.AsArray().Select(e => (string)e!)), StringComparison.Ordinal);
    }
}
