using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Demo;
using Trellis.Web.Features.Guides;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Programmes;

namespace Trellis.Web.Tests.Guides;

/// <summary>Every new site starts with Trellis's own guide to starting a mentorship, once; so does the demo.</summary>
public sealed class FirstGuideTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task ANewSite_HasTheFirstGuide_PublicAndByTrellis_AndStartingAgainAddsNoSecond()
    {
        var anonymous = app.Anonymous();
        var list = await anonymous.GetFromJsonAsync<JsonArray>("/api/v1/guides");
        var first = list!.First()!;
        Assert.Equal(FirstGuide.Slug, (string)first["slug"]!);
        var page = await anonymous.GetStringAsync($"/Guides/{FirstGuide.Slug}");
        Assert.Contains("<h1 id=\"guide-title\">How to start a mentorship</h1>", page, StringComparison.Ordinal);
        Assert.Contains("By Trellis", page, StringComparison.Ordinal);
        Assert.Contains("<h2>Choosing a mentor</h2>", page, StringComparison.Ordinal);
        Assert.Contains("confidentiality is worth naming explicitly", page, StringComparison.Ordinal);
        // Our own words, not the article's.
        Assert.DoesNotContain("there's no downside", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("UPS me a book", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<br", FirstGuideHtml(page), StringComparison.Ordinal); // one paragraph is one line of Markdown

        Assert.False(await FirstGuide.EnsureAsync(app.Services));
        Assert.Equal(1, await app.WithDbAsync(db => db.Guides.CountAsync(g => g.Slug == FirstGuide.Slug)));
    }

    [Fact]
    public async Task AnAdministratorsEdit_IsKept_AndAQuestionUnderItTellsTheAdministrators()
    {
        // A site of its own: this test changes the first guide that the others read.
        await using var app = new TrellisApp();
        await app.InitializeAsync();
        var admin = await app.AdministratorAsync();
        var view = await admin.Api.GetFromJsonAsync<JsonArray>("/api/v1/guides");
        var id = view!.Single(g => (string)g!["slug"]! == FirstGuide.Slug)!["id"]!.GetValue<Guid>();
        var current = await admin.Api.GetFromJsonAsync<JsonObject>($"/api/v1/guides/{id}");
        Assert.True(current!["canEdit"]!.GetValue<bool>());
        var edited = await admin.Api.PutAsJsonAsync($"/api/v1/guides/{id}", new
        {
            title = "Starting a mentorship here", body = (string)current["body"]! + "\n\nOur site's own note.", visibility = "Public",
            version = current["version"]!.GetValue<Guid>(),
        });
        Assert.True(edited.IsSuccessStatusCode, await edited.Content.ReadAsStringAsync());

        Assert.False(await FirstGuide.EnsureAsync(app.Services));
        var stored = await app.WithDbAsync(db => db.Guides.AsNoTracking().SingleAsync(g => g.Slug == FirstGuide.Slug));
        Assert.Equal("Starting a mentorship here", stored.Title);
        Assert.Null(stored.AuthorId);

        var member = await app.MenteeAsync("Nina Newcomer");
        var asked = await member.Api.PostAsJsonAsync($"/api/v1/guides/{id}/questions", new { text = "Can I have two mentors?" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == admin.Member.Email)
            && m.Subject == "A question under “Starting a mentorship here”");
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == admin.Id && n.Kind == NotificationKind.Guides)));
    }

    [Fact]
    public async Task TheDemo_HasTheFirstGuideWithAnAnsweredQuestion_AndAProgrammeGuide_OnceOnly()
    {
        await using var app = new TrellisApp();
        await app.InitializeAsync();
        var output = new StringWriter();
        Assert.Equal(0, await AdminCommands.RunAsync(app.Services, ["seed-demo", "--count", "80", "--seed", "7"], output, output, default));
        Assert.Contains($"/Guides/{FirstGuide.Slug}", output.ToString(), StringComparison.Ordinal);

        var programmeGuide = await app.WithDbAsync(db => db.Guides.AsNoTracking().SingleAsync(g => g.Title == DemoGuides.ProgrammeGuideTitle));
        Assert.Equal(GuideVisibility.ProgrammeOnly, programmeGuide.Visibility);
        var marked = await app.WithDbAsync(db => db.GuideQuestions.AsNoTracking().SingleAsync(q => q.GuideId == programmeGuide.Id));
        Assert.NotNull(marked.AcceptedAnswerId);
        var first = await app.WithDbAsync(db => db.Guides.Where(g => g.Slug == FirstGuide.Slug).Select(g => g.Id).SingleAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.GuideAnswers.CountAsync(a => db.GuideQuestions.Any(q => q.Id == a.QuestionId && q.GuideId == first))));

        // The coordinator's guide is for the programme only; the public one shows its question to anyone.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/Guides/{programmeGuide.Slug}")).StatusCode);
        Assert.Contains("How do I bring up confidentiality", await app.Anonymous().GetStringAsync($"/Guides/{FirstGuide.Slug}"), StringComparison.Ordinal);
        var coordinator = app.Browser();
        await coordinator.SignInAsync(DemoProgrammes.CoordinatorEmail, DemoSeeder.Password);
        Assert.Contains("Can we meet by phone instead of video?", await coordinator.GetStringAsync($"/Guides/{programmeGuide.Slug}"), StringComparison.Ordinal);

        var again = new StringWriter();
        Assert.Equal(0, await AdminCommands.RunAsync(app.Services, ["seed-demo", "--count", "80", "--seed", "7"], again, again, default));
        Assert.Equal(2, await app.WithDbAsync(db => db.Guides.CountAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.GuideQuestions.CountAsync()));
    }

    private static string FirstGuideHtml(string page)
    {
        var start = page.IndexOf("id=\"guide-body\"", StringComparison.Ordinal);
        return page[start..page.IndexOf("</article>", start, StringComparison.Ordinal)];
    }
}
