using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Guides;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Programmes;

namespace Trellis.Web.Tests.Guides;

/// <summary>What a member wrote under guides is in "Export my data", and "Delete my account" removes their words.</summary>
public sealed class GuideMemberDataTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task QuestionsAnswersAndGuides_AreInTheirWritersExport_AndErasedWithTheirAccount()
    {
        var (programme, asker) = await app.ProgrammeWithParticipantAsync();
        var answerer = await app.MenteeAsync("Ann Exporter");
        await answerer.EnrolledAsync(programme, "Mentee");
        var guide = await programme.Owner.GuideAsync("ProgrammeOnly", programme.Id, "Before you meet");
        var asked = await asker.Api.PostAsJsonAsync($"{guide.Api}/questions", new { text = "Should I send an agenda first?" });
        var questionId = (await asked.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        (await answerer.Api.PostAsJsonAsync($"{guide.Api}/questions/{questionId}/answers", new { text = "Yes, two days before." })).EnsureSuccessStatusCode();

        var askersExport = await asker.Api.GetFromJsonAsync<JsonObject>("/api/v1/me/export");
        var mine = askersExport!["more"]!["guides"]!;
        Assert.Equal("Should I send an agenda first?", (string?)mine["questions"]![0]!["text"]);
        Assert.Equal("Before you meet", (string?)mine["questions"]![0]!["guide"]);
        Assert.Empty(mine["answers"]!.AsArray());
        Assert.DoesNotContain("two days before", mine.ToJsonString(), StringComparison.Ordinal); // someone else's words (the notification of it is the asker's)
        var answerersExport = await answerer.Api.GetFromJsonAsync<JsonObject>("/api/v1/me/export");
        Assert.Equal("Yes, two days before.", (string?)answerersExport!["more"]!["guides"]!["answers"]![0]!["text"]);
        var ownersExport = await programme.Owner.Api.GetFromJsonAsync<JsonObject>("/api/v1/me/export");
        Assert.Equal(guide.Slug, (string?)ownersExport!["more"]!["guides"]!["written"]![0]!["slug"]);

        Assert.Equal(HttpStatusCode.NoContent, (await asker.Api.PostAsJsonAsync("/api/v1/me/delete", new { password = asker.Member.Password })).StatusCode);
        var question = await app.WithDbAsync(db => db.GuideQuestions.AsNoTracking().SingleAsync(q => q.Id == questionId));
        Assert.Equal(GuideMemberData.Erased, question.Text);
        var answer = await app.WithDbAsync(db => db.GuideAnswers.AsNoTracking().SingleAsync(a => a.QuestionId == questionId));
        Assert.Equal("Yes, two days before.", answer.Text); // the other member's words stay
        var page = await answerer.Member.Browser.GetStringAsync(guide.Page);
        Assert.DoesNotContain("Should I send an agenda first?", page, StringComparison.Ordinal);
        Assert.Contains("its author deleted their account", page, StringComparison.Ordinal);

        // The guide outlives its writer's account, as the programme's.
        Assert.Equal(HttpStatusCode.NoContent, (await programme.Owner.Api.PostAsJsonAsync("/api/v1/me/delete", new { password = programme.Owner.Member.Password })).StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Guides.Where(g => g.Id == guide.Id).Select(g => g.AuthorId).SingleAsync()));
        Assert.Contains("Yes, two days before.", await answerer.Member.Browser.GetStringAsync(guide.Page), StringComparison.Ordinal);
    }
}
