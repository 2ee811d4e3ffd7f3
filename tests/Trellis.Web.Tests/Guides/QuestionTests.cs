using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Guides;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Programmes;

namespace Trellis.Web.Tests.Guides;

/// <summary>Questions and answers under a guide (ADR 0032): who asks, who is told, the answer mark, reports and hiding.</summary>
public sealed class QuestionTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task AMemberAsks_TheAuthorIsTold_AnotherAnswers_TheAskerIsTold_TheAuthorMarksTheAnswer()
    {
        var (programme, asker) = await app.ProgrammeWithParticipantAsync();
        var answerer = await app.MenteeAsync("Ann Answerer");
        await answerer.EnrolledAsync(programme, "Mentee");
        var guide = await programme.Owner.GuideAsync("ProgrammeOnly", programme.Id, "Your first meeting");

        var asked = await asker.Api.PostAsJsonAsync($"{guide.Api}/questions", new { text = "How long should the first meeting be?" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var questionId = (await asked.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var toAuthor = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == programme.Owner.Member.Email)
            && m.Subject == "A question under “Your first meeting”");
        Assert.Contains("Pat Participant asked: How long should the first meeting be?", toAuthor.Text(), StringComparison.Ordinal);
        Assert.Contains($"/Guides/{guide.Slug}#question-{questionId}", toAuthor.Text(), StringComparison.Ordinal);

        var answered = await answerer.Api.PostAsJsonAsync($"{guide.Api}/questions/{questionId}/answers", new { text = "About **an hour**." });
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        var answerId = (await answered.Content.ReadFromJsonAsync<JsonObject>())!["answers"]!.AsArray().Single()!["id"]!.GetValue<Guid>();
        var toAsker = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == asker.Member.Email)
            && m.Subject == "An answer to your question under “Your first meeting”");
        Assert.Contains("Ann Answerer answered: About **an hour**.", toAsker.Text(), StringComparison.Ordinal);
        var notification = await asker.Api.GetStringAsync("/api/v1/me/notifications");
        Assert.Contains("An answer to your question under “Your first meeting”", notification, StringComparison.Ordinal);

        // Only the guide's author (and its programme's coordinators) mark the answer.
        Assert.Equal(HttpStatusCode.Forbidden, (await asker.Api.PutAsJsonAsync($"{guide.Api}/questions/{questionId}/answer", new { answerId })).StatusCode);
        var marked = await programme.Owner.Api.PutAsJsonAsync($"{guide.Api}/questions/{questionId}/answer", new { answerId });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal(answerId, await app.WithDbAsync(db => db.GuideQuestions.Where(q => q.Id == questionId).Select(q => q.AcceptedAnswerId).SingleAsync()));
        await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == asker.Member.Email)
            && m.Subject == "Your question under “Your first meeting” has its answer");
        await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == answerer.Member.Email)
            && m.Subject == "Your answer under “Your first meeting” was marked as the answer");

        // What another participant sees on the page: the question, the answer rendered, and the mark.
        var page = await answerer.Member.Browser.GetStringAsync(guide.Page);
        Assert.Contains("How long should the first meeting be?", page, StringComparison.Ordinal);
        Assert.Contains("About <strong>an hour</strong>.", page, StringComparison.Ordinal);
        Assert.Contains($"id=\"the-answer-{questionId}\"", page, StringComparison.Ordinal);
        Assert.Contains($"id=\"report-guidequestion-{questionId}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"hide-question-{questionId}\"", page, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.MemberId == programme.Owner.Id && n.Kind == NotificationKind.Guides)));
    }

    [Fact]
    public async Task AnOutsiderCannotReadOrAsk_BlankTextIs400_AndNothingIsWritten()
    {
        var (programme, participant) = await app.ProgrammeWithParticipantAsync();
        var guide = await programme.Owner.GuideAsync("ProgrammeOnly", programme.Id);
        var outsider = await app.MenteeAsync("Olga Outsider");
        var before = await app.OfEveryTableAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.GetAsync($"{guide.Api}/questions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"{guide.Api}/questions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.PostAsJsonAsync($"{guide.Api}/questions", new { text = "Let me in?" })).StatusCode);
        var blank = await participant.Api.PostAsJsonAsync($"{guide.Api}/questions", new { text = "   " });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal(QuestionWords.NeedQuestion, (string)(await blank.ErrorsAsync())["text"]![0]!);
        var tooLong = await participant.Api.PostAsJsonAsync($"{guide.Api}/questions", new { text = new string('q', GuideQuestion.TextMax + 1) });
        Assert.True((await tooLong.ErrorsAsync()).ContainsKey("text"));
        var noAnswer = await participant.Api.PutAsJsonAsync($"{guide.Api}/questions/{Guid.NewGuid()}/answer", new { });
        Assert.Equal(QuestionWords.NeedAnswerId, (string)(await noAnswer.ErrorsAsync())["answerId"]![0]!);
        Assert.Equal(HttpStatusCode.NotFound, (await participant.Api.PostAsJsonAsync($"{guide.Api}/questions/{Guid.NewGuid()}/answers", new { text = "Hm." })).StatusCode);
        Assert.Equal(before, await app.OfEveryTableAsync());

        // The page form says the same next to the field.
        var page = await participant.Member.Browser.PostAsync(guide.Page, new { Question__Text = "" }, handler: "Ask");
        Assert.Equal(QuestionWords.NeedQuestion, Forms.FieldError(await page.Content.ReadAsStringAsync(), "Question_Text"));
        Assert.Equal(before, await app.OfEveryTableAsync());
    }

    [Fact]
    public async Task ACoordinatorHidesAQuestion_ItsWholeThreadLeavesMembersView_AndDeletesAnAnswer()
    {
        var (programme, asker) = await app.ProgrammeWithParticipantAsync();
        var other = await app.MenteeAsync("Oscar Other");
        await other.EnrolledAsync(programme, "Mentee");
        var guide = await programme.Owner.GuideAsync("MembersOnly", programme.Id);
        var spam = await AskAsync(asker, guide, "Buy my course!");
        await AnswerAsync(other, guide, spam, "Not here, please.");
        var fine = await AskAsync(asker, guide, "Where do we meet?");
        var rude = await AnswerAsync(other, guide, fine, "Figure it out yourself.");

        // A participant may not hide or delete: 403, and nothing changes.
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Api.PostAsync($"{guide.Api}/questions/{spam}/hide", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asker.Api.DeleteAsync($"{guide.Api}/answers/{rude}")).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.GuideAnswers.CountAsync(a => a.AuthorId == other.Id)));

        Assert.Equal(HttpStatusCode.NoContent, (await programme.Owner.Api.PostAsync($"{guide.Api}/questions/{spam}/hide", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await programme.Owner.Api.DeleteAsync($"{guide.Api}/answers/{rude}")).StatusCode);

        var stranger = await app.MenteeAsync("Stella Stranger");
        var seen = await stranger.Api.GetFromJsonAsync<JsonObject>($"{guide.Api}/questions");
        var question = Assert.Single(seen!["questions"]!.AsArray());
        Assert.Equal(fine, question!["id"]!.GetValue<Guid>());
        Assert.Empty(question["answers"]!.AsArray());
        var page = await stranger.Member.Browser.GetStringAsync(guide.Page);
        Assert.DoesNotContain("Buy my course!", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Not here, please.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Figure it out yourself.", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.PostAsJsonAsync($"{guide.Api}/questions/{spam}/answers", new { text = "Me too" })).StatusCode);

        // The coordinator still sees the hidden thread, flagged; the deleted answer is gone for good.
        var moderator = await programme.Owner.Member.Browser.GetStringAsync(guide.Page);
        Assert.Contains("Buy my course!", moderator, StringComparison.Ordinal);
        Assert.Contains("hidden from members", moderator, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.GuideAnswers.AnyAsync(a => a.Id == rude)));
    }

    [Fact]
    public async Task AMemberReportsAnAnswer_AdministratorsHideIt_AndItLeavesTheThread()
    {
        var admin = await app.AdministratorAsync();
        var guide = await admin.GuideAsync("Public", null, "Finding a mentor");
        var asker = await app.MenteeAsync("Ada Asker");
        var troll = await app.MenteeAsync("Tim Troll");
        var question = await AskAsync(asker, guide, "How do I find a mentor?");
        var answer = await AnswerAsync(troll, guide, question, "You never will.");

        // The author of an answer cannot report it; its reader can, and administrators are told.
        var own = await troll.Api.PostAsJsonAsync("/api/v1/reports", new { kind = "GuideAnswer", itemId = answer, reason = "Harassment" });
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        var filed = await asker.Api.PostAsJsonAsync("/api/v1/reports", new { kind = "GuideAnswer", itemId = answer, reason = "Harassment", text = "Unkind." });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var reportId = (await filed.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == admin.Id && n.Link == $"/Admin/Reports/{reportId}")));
        var report = await admin.Api.GetFromJsonAsync<JsonObject>($"/api/v1/admin/reports/{reportId}");
        Assert.Equal("You never will.", (string)report!["reportedText"]!);

        var hidden = await admin.Api.PostAsJsonAsync($"/api/v1/admin/reports/{reportId}/hide", new { reason = "Unkind" });
        Assert.True(hidden.IsSuccessStatusCode, await hidden.Content.ReadAsStringAsync());
        Assert.DoesNotContain("You never will.", await app.Anonymous().GetStringAsync(guide.Page), StringComparison.Ordinal);
        Assert.DoesNotContain("You never will.", await asker.Api.GetStringAsync($"{guide.Api}/questions"), StringComparison.Ordinal);
        // A hidden answer can no longer be reported (it is not there for members).
        var again = await app.MenteeAsync("Rita Reader");
        Assert.Equal(HttpStatusCode.NotFound, (await again.Api.PostAsJsonAsync("/api/v1/reports", new { kind = "GuideAnswer", itemId = answer, reason = "Spam" })).StatusCode);
    }

    [Fact]
    public async Task OnThePage_AMemberAsks_AnotherAnswers_AndTheAskerSeesTheNotification()
    {
        var admin = await app.AdministratorAsync();
        var guide = await admin.GuideAsync("MembersOnly", null, "Members' corner");
        var asker = await app.MenteeAsync("Quinn Questioner");
        var answerer = await app.MenteeAsync("Rae Replier");

        var asked = await asker.Member.Browser.PostAsync(guide.Page, new { Question__Text = "Is there a meetup?" }, handler: "Ask");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var questionId = await app.WithDbAsync(db => db.GuideQuestions.Where(q => q.GuideId == guide.Id).Select(q => q.Id).SingleAsync());
        Assert.Equal($"/Guides/{guide.Slug}#question-{questionId}", asked.Headers.Location!.OriginalString);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == admin.Id && n.Kind == NotificationKind.Guides)));

        var answered = await answerer.Member.Browser.PostAsync($"{guide.Page}?qid={questionId}", new { Answer__Text = "Every first Monday." }, handler: "Answer");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var centre = await asker.Member.Browser.GetStringAsync("/Notifications");
        Assert.Contains("An answer to your question under", System.Net.WebUtility.HtmlDecode(centre), StringComparison.Ordinal);
        Assert.Contains("Rae Replier answered: Every first Monday.", System.Net.WebUtility.HtmlDecode(centre), StringComparison.Ordinal);
        Assert.Contains("Every first Monday.", await asker.Member.Browser.GetStringAsync(guide.Page), StringComparison.Ordinal);
    }

    private static async Task<Guid> AskAsync(Person who, TestGuide guide, string text)
    {
        var response = await who.Api.PostAsJsonAsync($"{guide.Api}/questions", new { text });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private static async Task<Guid> AnswerAsync(Person who, TestGuide guide, Guid questionId, string text)
    {
        var response = await who.Api.PostAsJsonAsync($"{guide.Api}/questions/{questionId}/answers", new { text });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["answers"]!.AsArray().Last()!["id"]!.GetValue<Guid>();
    }
}
