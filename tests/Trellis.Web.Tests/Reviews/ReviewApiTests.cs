using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Reviews;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Reviews;

public sealed class ReviewApiTests(KeepingApp app) : IClassFixture<KeepingApp>
{
    [Fact]
    public async Task DueReview_EachAnswersPrivately_AndBothSeeTheSummaryOnlyOnceBothHaveAnswered()
    {
        var (mentor, mentee, id) = await app.ActiveAsync("Maria Private", "Tom Private");
        await app.ReviewDueAsync(id);

        var open = await mentee.CurrentReviewAsync(id);
        Assert.True((bool)open["review"]!["open"]!);
        Assert.Null(open["review"]!["myAnswer"]);

        var answered = await mentee.AnswerReviewAsync(id, KeepingBuilders.Answer(4, "MeetMoreOften", goingWell: "SECRET-WELL-7f3", shouldChange: "SECRET-CHANGE-7f3"));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        // The mentor sees that the mentee answered, never what.
        var mentorView = await mentor.Api.GetStringAsync($"/api/v1/mentorships/{id}/reviews/current");
        var mentorList = await mentor.Api.GetStringAsync($"/api/v1/mentorships/{id}/reviews");
        var mentorPage = await mentor.Member.Browser.GetStringAsync($"/Mentorships/{id}/Reviews");
        foreach (var seen in new[] { mentorView, mentorList, mentorPage })
            Assert.DoesNotContain("SECRET", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("MeetMoreOften", mentorView + mentorList, StringComparison.Ordinal);
        Assert.DoesNotContain("\"score\"", mentorView + mentorList, StringComparison.Ordinal);
        var mentorCurrent = JsonNode.Parse(mentorView)!["review"]!;
        Assert.True((bool)mentorCurrent["otherAnswered"]!);
        Assert.Null(mentorCurrent["myAnswer"]);
        Assert.Empty(mentorCurrent["summary"]!.AsArray());
        Assert.Contains("id=\"answer-review\"", mentorPage, StringComparison.Ordinal);

        // The mentee sees their own answer and no summary yet.
        var menteeCurrent = (await mentee.CurrentReviewAsync(id))["review"]!;
        Assert.Equal("SECRET-WELL-7f3", (string)menteeCurrent["myAnswer"]!["goingWell"]!);
        Assert.Empty(menteeCurrent["summary"]!.AsArray());

        Assert.Equal(HttpStatusCode.OK, (await mentor.AnswerReviewAsync(id, KeepingBuilders.Answer(5, "KeepGoing", shouldChange: "MENTOR-PRIVATE-9q"))).StatusCode);

        var expected = new[] { "It is working well for both of you.", "You both want to keep going; one of you would like to meet more often." };
        foreach (var who in new[] { mentor, mentee })
        {
            var reviews = (await who.Api.GetFromJsonAsync<JsonArray>($"/api/v1/mentorships/{id}/reviews"))!;
            var done = Assert.Single(reviews)!;
            Assert.NotNull(done["completedAt"]);
            Assert.Equal(expected, done["summary"]!.AsArray().Select(s => (string)s!));
            var page = await who.Member.Browser.GetStringAsync($"/Mentorships/{id}/Reviews");
            Assert.Contains("one of you would like to meet more often", page, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("SECRET", await mentor.Api.GetStringAsync($"/api/v1/mentorships/{id}/reviews"), StringComparison.Ordinal);
        Assert.DoesNotContain("MENTOR-PRIVATE", await mentee.Api.GetStringAsync($"/api/v1/mentorships/{id}/reviews"), StringComparison.Ordinal);
        Assert.DoesNotContain("MENTOR-PRIVATE", await mentee.Member.Browser.GetStringAsync($"/Mentorships/{id}/Reviews"), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == mentee.Id && n.Kind == NotificationKind.ReviewDue && n.Title == "Your review summary is ready")));
        Assert.True(await app.WithDbAsync(db => db.TimelineEntries.AnyAsync(t => t.MentorshipId == id && t.Kind == "review")));
        // Nothing calls for a revision here.
        Assert.False(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == mentee.Id && n.Link == $"/Mentorships/{id}/Revise")));
        // The Details page shows the last summary.
        Assert.Contains("It is working well for both of you.", await mentee.Member.Browser.GetStringAsync($"/Mentorships/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALowScoreOrAWishToRevise_InvitesBothToRevise_Once_WithTheAgreementPrefilled()
    {
        var (mentor, mentee, id) = await app.ActiveAsync("Maria Invite", "Tom Invite");
        await app.ReviewDueAsync(id);

        Assert.Equal(HttpStatusCode.OK, (await mentee.AnswerReviewAsync(id, KeepingBuilders.Answer(2, "MeetMoreOften", revise: true))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mentor.AnswerReviewAsync(id, KeepingBuilders.Answer(1))).StatusCode);

        foreach (var who in new[] { mentor, mentee })
        {
            var invitation = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.MemberId == who.Id && n.Link == $"/Mentorships/{id}/Revise"));
            Assert.Equal(NotificationKind.ReviewDue, invitation.Kind);
            Assert.Equal("An invitation to revisit your agreement", invitation.Title);
        }
        var revise = await mentor.Member.Browser.GetStringAsync($"/Mentorships/{id}/Revise");
        Assert.Contains("Propose a revised agreement", revise, StringComparison.Ordinal);
        Assert.Contains("value=\"60\"", revise, StringComparison.Ordinal);
        Assert.Contains("Move from engineering into product management", revise, StringComparison.Ordinal);
        Assert.Contains("One of you would like to revise your agreement.", await mentee.Member.Browser.GetStringAsync($"/Mentorships/{id}/Reviews"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "KeepGoing", "score")]
    [InlineData(6, "KeepGoing", "score")]
    [InlineData(null, "KeepGoing", "score")]
    [InlineData(3, null, "direction")]
    public async Task BadAnswer_Gets400NamingTheField_AndWritesNothing(int? score, string? direction, string field)
    {
        var (_, mentee, id) = await app.ActiveAsync("Maria Bad " + field, "Tom Bad " + field);
        await app.ReviewDueAsync(id);

        var response = await mentee.AnswerReviewAsync(id, KeepingBuilders.Answer(score, direction));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.NotNull(problem["errors"]![field]);
        Assert.False(await app.WithDbAsync(db => db.Reviews.AnyAsync(r => r.MentorshipId == id)));
        Assert.False(await app.WithDbAsync(db => db.Set<ReviewAnswer>().AnyAsync(a => db.Reviews.Any(r => r.Id == a.ReviewId && r.MentorshipId == id))));
    }

    [Fact]
    public async Task ALongText_Gets400NamingIt()
    {
        var (_, mentee, id) = await app.ActiveAsync("Maria Long", "Tom Long");
        await app.ReviewDueAsync(id);
        var response = await mentee.AnswerReviewAsync(id, KeepingBuilders.Answer(3, goingWell: new string('x', ReviewAnswer.TextMax + 1)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["goingWell"]);
    }

    [Fact]
    public async Task AThirdMember_Gets404_FromEveryEndpointAndThePage()
    {
        var (_, _, id) = await app.ActiveAsync("Maria Third", "Tom Third");
        await app.ReviewDueAsync(id);
        var stranger = await app.MenteeAsync("Eve Stranger");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.GetAsync($"/api/v1/mentorships/{id}/reviews")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.GetAsync($"/api/v1/mentorships/{id}/reviews/current")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.PostAsync($"/api/v1/mentorships/{id}/reviews/start", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.AnswerReviewAsync(id, KeepingBuilders.Answer(3))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Member.Browser.GetAsync($"/Mentorships/{id}/Reviews")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Reviews.AnyAsync(r => r.MentorshipId == id)));
    }

    [Fact]
    public async Task OnDemand_AReviewOpensAtOnce_AndTheOtherIsTold_ButNotBeforeItIsDueOtherwise()
    {
        var (mentor, mentee, id) = await app.ActiveAsync("Maria Demand", "Tom Demand");

        var early = await mentee.AnswerReviewAsync(id, KeepingBuilders.Answer(4));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Start one now", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var before = await mentee.CurrentReviewAsync(id);
        Assert.True((bool)before["canStart"]!);
        Assert.NotNull(before["nextDueAt"]);

        var started = await mentee.Api.PostAsync($"/api/v1/mentorships/{id}/reviews/start", null);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.True((bool)(await mentor.CurrentReviewAsync(id))["review"]!["open"]!);
        var told = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.MemberId == mentor.Id && n.Kind == NotificationKind.ReviewDue));
        Assert.Equal("Tom Demand would like to check in on your mentorship", told.Title);
        Assert.Equal(HttpStatusCode.Conflict, (await mentor.Api.PostAsync($"/api/v1/mentorships/{id}/reviews/start", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await mentor.AnswerReviewAsync(id, KeepingBuilders.Answer(4))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await mentor.AnswerReviewAsync(id, KeepingBuilders.Answer(4))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mentee.AnswerReviewAsync(id, KeepingBuilders.Answer(4))).StatusCode);

        // The next review is counted from this one.
        var after = await mentee.CurrentReviewAsync(id);
        var next = DateTimeOffset.Parse((string)after["nextDueAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(next > DateTimeOffset.UtcNow.AddMonths(3).AddDays(-1), $"next review {next}");
    }

    [Fact]
    public async Task APausedMentorship_CannotBeReviewed_ButItsReviewsCanBeRead()
    {
        var (_, mentee, id) = await app.ActiveAsync("Maria Paused", "Tom Paused");
        await app.ReviewDueAsync(id);
        await app.SetStatusAsync(id, MentorshipStatus.Paused);

        Assert.Equal(HttpStatusCode.Conflict, (await mentee.AnswerReviewAsync(id, KeepingBuilders.Answer(4))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await mentee.Api.PostAsync($"/api/v1/mentorships/{id}/reviews/start", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mentee.Api.GetAsync($"/api/v1/mentorships/{id}/reviews")).StatusCode);
        Assert.DoesNotContain("id=\"answer-review\"", await mentee.Member.Browser.GetStringAsync($"/Mentorships/{id}/Reviews"), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Reviews.AnyAsync(r => r.MentorshipId == id)));
    }

    [Fact]
    public async Task ThePage_AnswersTheReview_AndShowsErrorsNextToTheField()
    {
        var (_, mentee, id) = await app.ActiveAsync("Maria Form", "Tom Form");
        await app.ReviewDueAsync(id);
        var page = $"/Mentorships/{id}/Reviews";

        var bad = await mentee.Member.Browser.PostAsync(page, new { Input__Direction = "KeepGoing" }, handler: "Answer");
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("id=\"Input_Score-error\"", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Reviews.AnyAsync(r => r.MentorshipId == id)));

        var ok = await mentee.Member.Browser.PostAsync(page, new { Input__Score = 3, Input__Direction = "MeetLessOften", Input__GoingWell = "The calls" }, handler: "Answer");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var stored = await app.WithDbAsync(db => db.Set<ReviewAnswer>().SingleAsync(a => db.Reviews.Any(r => r.Id == a.ReviewId && r.MentorshipId == id)));
        Assert.Equal((3, ReviewDirection.MeetLessOften, "The calls", Party.Mentee), (stored.Score, stored.Direction, stored.GoingWell, stored.Party));
        Assert.Contains("id=\"review-answered\"", await mentee.Member.Browser.GetStringAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDashboard_ListsReviewsWaitingForMe_AndMarksOverdueOnes()
    {
        var (mentor, mentee, id) = await app.ActiveAsync("Maria Dash", "Tom Dash");
        await app.StartedAtAsync(id, DateTimeOffset.UtcNow.AddMonths(-3).AddDays(-10));

        Assert.DoesNotContain("Reviews waiting for you", await mentee.Member.Browser.GetStringAsync("/Dashboard"), StringComparison.Ordinal);

        // What the job does when the review comes due.
        await app.WithDbAsync(async db =>
        {
            db.Reviews.Add(Review.Schedule(id, DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });
        var dashboard = await mentee.Member.Browser.GetStringAsync("/Dashboard");
        Assert.Contains("Your mentorship with Maria Dash", dashboard, StringComparison.Ordinal);
        Assert.Contains("overdue", dashboard, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await mentor.AnswerReviewAsync(id, KeepingBuilders.Answer(4))).StatusCode);
        Assert.DoesNotContain("Your mentorship with Tom Dash", await mentor.Member.Browser.GetStringAsync("/Dashboard"), StringComparison.Ordinal);
    }
}
