using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Meetings;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Platform;
using Trellis.Web.Tests.Reviews;

namespace Trellis.Web.Tests.Programmes;

/// <summary>Issue 13 item 3: each pair-health signal appears and disappears exactly at its threshold (fake clock), and
/// the coordinator sees signals, never content; everyone else gets 404.</summary>
public sealed class PairHealthTests(HealthApp app) : IClassFixture<HealthApp>
{
    private const string NoMeeting = "NoMeeting", LowReview = "LowReview", CheckInOverdue = "CheckInOverdue", RequestUnanswered = "RequestUnanswered";

    private Task<DateTimeOffset> ActivatedAtAsync(Guid id) =>
        app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == id).Select(m => m.ActivatedAt!.Value).SingleAsync());

    private Task MeetingAsync(ProgrammePair pair, DateTimeOffset startsAt, bool confirmed) => app.WithDbAsync(async db =>
    {
        var meeting = new Meeting(pair.Id, pair.Mentee.Id, pair.Mentee.Id, startsAt, "UTC", 60, MeetingMedium.Video, true, startsAt.AddDays(-2));
        if (confirmed) Assert.Null(meeting.Confirm(pair.Mentor.Id, startsAt.AddDays(-1)));
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task NoMeeting_AppearsNWeeksAfterTheStartOrTheLastMeeting_AndAConfirmedMeetingClearsIt()
    {
        var programme = await app.ByHandAsync("Health no meeting");
        var pair = await app.RunningPairAsync(programme, "Quiet");
        var start = await ActivatedAtAsync(pair.Id);
        var weeks = TimeSpan.FromDays(28);

        Assert.DoesNotContain(NoMeeting, await app.SignalsAtAsync(programme, pair.Id, start + weeks - TimeSpan.FromSeconds(1)));
        Assert.Contains(NoMeeting, await app.SignalsAtAsync(programme, pair.Id, start + weeks));

        var met = start + TimeSpan.FromDays(30);
        await MeetingAsync(pair, met, confirmed: true);
        await MeetingAsync(pair, met + TimeSpan.FromDays(35), confirmed: false); // proposed, never confirmed: not a meeting
        Assert.Contains(NoMeeting, await app.SignalsAtAsync(programme, pair.Id, met - TimeSpan.FromSeconds(1)));
        Assert.DoesNotContain(NoMeeting, await app.SignalsAtAsync(programme, pair.Id, met));
        Assert.DoesNotContain(NoMeeting, await app.SignalsAtAsync(programme, pair.Id, met + weeks - TimeSpan.FromSeconds(1)));
        Assert.Equal([NoMeeting], await app.SignalsAtAsync(programme, pair.Id, met + weeks));

        // A paused pair carries no signal at all.
        await app.SetStatusAsync(pair.Id, MentorshipStatus.Paused);
        Assert.Empty(await app.SignalsAtAsync(programme, pair.Id, met + weeks + weeks));
    }

    [Fact]
    public async Task CheckInOverdue_AppearsJustAfterItsAnswerWasDue_AndTheAnswerClearsIt()
    {
        var programme = await app.ByHandAsync("Health check-ins");
        var pair = await app.RunningPairAsync(programme, "Stuck");
        var raised = await pair.Mentee.Api.PostAsJsonAsync($"/api/v1/mentorships/{pair.Id}/checkins", new { text = "Interview tomorrow", urgency = "Today" });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var checkIn = (await raised.Content.ReadFromJsonAsync<JsonObject>())!;
        var due = await app.WithDbAsync(db => db.CheckIns.Where(c => c.MentorshipId == pair.Id).Select(c => c.AnswerDueAt!.Value).SingleAsync());

        Assert.DoesNotContain(CheckInOverdue, await app.SignalsAtAsync(programme, pair.Id, due));
        Assert.Equal([CheckInOverdue], await app.SignalsAtAsync(programme, pair.Id, due + TimeSpan.FromSeconds(1)));

        var answered = await pair.Mentor.Api.PostAsJsonAsync($"/api/v1/mentorships/{pair.Id}/checkins/{checkIn["id"]}/answer", new { text = "Breathe, you know this." });
        Assert.True(answered.IsSuccessStatusCode, await answered.Content.ReadAsStringAsync());
        Assert.Empty(await app.SignalsAtAsync(programme, pair.Id, due + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task LowReview_IsAScoreOfTwoOrLessInTheLatestReview_AndThreeIsNot()
    {
        var programme = await app.ByHandAsync("Health reviews");
        var low = await app.RunningPairAsync(programme, "Low");
        var fair = await app.RunningPairAsync(programme, "Fair");
        foreach (var (pair, score) in new[] { (low, 2), (fair, 3) })
        {
            await app.ReviewDueAsync(pair.Id);
            var answered = await pair.Mentee.AnswerReviewAsync(pair.Id, KeepingBuilders.Answer(score, goingWell: "private words"));
            Assert.True(answered.IsSuccessStatusCode, await answered.Content.ReadAsStringAsync());
        }
        var now = DateTimeOffset.UtcNow.AddMinutes(1);

        Assert.Contains(LowReview, await app.SignalsAtAsync(programme, low.Id, now));
        Assert.DoesNotContain(LowReview, await app.SignalsAtAsync(programme, fair.Id, now));
        // The other member's good answer does not hide it: the review as a whole called for help.
        Assert.True((await low.Mentor.AnswerReviewAsync(low.Id, KeepingBuilders.Answer(5))).IsSuccessStatusCode);
        Assert.Contains(LowReview, await app.SignalsAtAsync(programme, low.Id, now.AddMinutes(1)));
        // Before anyone answered, there was nothing to show.
        Assert.DoesNotContain(LowReview, await app.SignalsAtAsync(programme, low.Id, now.AddDays(-1)));
    }

    [Fact]
    public async Task RequestUnanswered_AppearsAfterNDays_AndAcceptingClearsIt()
    {
        var programme = await app.ByHandAsync("Health requests");
        var pair = await app.ProposedPairAsync(programme, "Waiting");
        var asked = await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == pair.Id).Select(m => m.UpdatedAt).SingleAsync());

        Assert.Empty(await app.SignalsAtAsync(programme, pair.Id, asked + TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1)));
        Assert.Equal([RequestUnanswered], await app.SignalsAtAsync(programme, pair.Id, asked + TimeSpan.FromDays(7)));

        (await pair.Mentor.AcceptAsync(pair.Id, 1)).EnsureSuccessStatusCode();
        Assert.Empty(await app.SignalsAtAsync(programme, pair.Id, asked + TimeSpan.FromDays(7)));
    }

    [Fact]
    public async Task TheCoordinator_SeesCountsAndSignals_NeverContent_AndEveryoneElseGets404()
    {
        var marker = "HEALTHWORDS" + Guid.NewGuid().ToString("N")[..8];
        var programme = await app.ByHandAsync("Health seen");
        var stalled = await app.RunningPairAsync(programme, "Stalled");
        var healthy = await app.RunningPairAsync(programme, "Healthy");
        // Messages, an agenda, notes, a check-in and a review answer, all with the marker; the pair started three months ago
        // and its only meeting is to come: no meeting in four weeks.
        await WorkspaceSeed.FillAsync(app, stalled.Mentor, stalled.Mentee, stalled.Id, marker);

        var response = await programme.Owner.Api.GetAsync($"{programme.Api}/health");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((2, 1, 1), ((int)health["active"]!, (int)health["needingHelp"]!, (int)health["healthy"]!));
        var only = health["pairs"]!.AsArray().Single()!;
        Assert.Equal((stalled.Id.ToString(), "Tom Stalled", "Maria Stalled"), ((string)only["mentorshipId"]!, (string)only["mentee"]!, (string)only["mentor"]!));
        Assert.Equal([NoMeeting], only["signals"]!.AsArray().Select(s => (string)s!));
        Assert.DoesNotContain(marker, text, StringComparison.Ordinal);

        var page = await programme.Owner.Member.Browser.GetStringAsync($"{programme.Manage}/Health");
        Assert.Contains("No meeting in 4 weeks", page, StringComparison.Ordinal);
        Assert.Contains("Tom Stalled", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Tom Healthy", page, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{programme.Manage}/Health\"", await programme.Owner.Member.Browser.GetStringAsync(programme.Manage), StringComparison.Ordinal);

        var third = await app.MenteeAsync("Theo Third");
        foreach (var who in new[] { third, stalled.Mentee, healthy.Mentor })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await who.Api.GetAsync($"{programme.Api}/health")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await who.Member.Browser.GetAsync($"{programme.Manage}/Health")).StatusCode);
        }
    }
}
