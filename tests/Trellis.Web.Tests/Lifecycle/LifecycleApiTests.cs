using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Lifecycle;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Lifecycle;

public sealed class LifecycleApiTests(LifecycleApp app) : IClassFixture<LifecycleApp>
{
    private static string Day(int fromToday) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(fromToday).ToString("yyyy-MM-dd");

    [Fact]
    public async Task Pause_UntilADay_KeepsTheSlot_TellsTheOther_AndEitherCanResume()
    {
        var p = await app.ActivePairAsync("Maria Pause", "Tom Pause");

        var paused = await p.Mentee.PostAsync($"/api/v1/mentorships/{p.Id}/pause", new { resumeOn = Day(30) });

        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        var stored = await app.WithDbAsync(db => db.Mentorships.AsNoTracking().SingleAsync(m => m.Id == p.Id));
        Assert.Equal((MentorshipStatus.Paused, DateOnly.Parse(Day(30))), (stored.Status, stored.ResumeOn));
        Assert.Equal((1, 1), await app.SlotsAsync(p)); // a pause is not room for someone else
        var told = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.MemberId == p.Mentor.Id && n.Kind == NotificationKind.MentorshipChanged));
        Assert.Equal("Tom Pause paused your mentorship", told.Title);
        await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == p.Mentor.Member.Email) && m.Subject!.Contains("paused your mentorship"));
        Assert.Contains(await Timeline(p.Id), t => t.StartsWith("Tom Pause paused the mentorship until", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Conflict, (await p.Mentor.PostAsync($"/api/v1/mentorships/{p.Id}/pause")).StatusCode);
        var resumed = await p.Mentor.PostAsync($"/api/v1/mentorships/{p.Id}/resume");
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        var view = (await resumed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Active", (string)view["status"]!);
        Assert.Null(view["resumeOn"]);
        Assert.Equal(HttpStatusCode.Conflict, (await p.Mentee.PostAsync($"/api/v1/mentorships/{p.Id}/resume")).StatusCode);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(400)]
    public async Task Pause_WithAResumeDayThatIsNotInTheComingYear_Is400NamingResumeOn_AndChangesNothing(int days)
    {
        var p = await app.ActivePairAsync("Maria Past", "Tom Past");
        var before = await app.RowAsync(p.Id);

        var response = await p.Mentee.PostAsync($"/api/v1/mentorships/{p.Id}/pause", new { resumeOn = Day(days) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["resumeOn"]);
        Assert.Equal(before, await app.RowAsync(p.Id));
    }

    [Fact]
    public async Task Complete_IsProposedByOne_AndConfirmedByTheOther_ThenBothSlotsAreFree()
    {
        var p = await app.ActivePairAsync("Maria Done", "Tom Done");

        var proposed = await p.Mentee.PostAsync($"/api/v1/mentorships/{p.Id}/complete");
        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        Assert.Equal(MentorshipStatus.Active, await app.StatusAsync(p.Id));
        Assert.True((bool)(await p.Mentor.LifecycleAsync(p.Id))["waitingForMyConfirmation"]!);
        Assert.False((bool)(await p.Mentee.LifecycleAsync(p.Id))["waitingForMyConfirmation"]!);
        var before = await app.RowAsync(p.Id);
        Assert.Equal(HttpStatusCode.Conflict, (await p.Mentee.PostAsync($"/api/v1/mentorships/{p.Id}/complete")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await p.Mentee.PostAsync($"/api/v1/mentorships/{p.Id}/complete/decline")).StatusCode);
        Assert.Equal(before, await app.RowAsync(p.Id));

        // "Not yet": the proposal is cleared and the mentorship goes on.
        Assert.Equal(HttpStatusCode.OK, (await p.Mentor.PostAsync($"/api/v1/mentorships/{p.Id}/complete/decline")).StatusCode);
        Assert.Null((await p.Mentor.LifecycleAsync(p.Id))["completionProposedBy"]);
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.MemberId == p.Mentee.Id && n.Title == "Maria Done would like to keep going")));

        Assert.Equal(HttpStatusCode.OK, (await p.Mentor.PostAsync($"/api/v1/mentorships/{p.Id}/complete")).StatusCode);
        var confirmed = await p.Mentee.PostAsync($"/api/v1/mentorships/{p.Id}/complete");
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(MentorshipStatus.Completed, await app.StatusAsync(p.Id));
        Assert.Equal((0, 0), await app.SlotsAsync(p));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.MemberId == p.Mentor.Id && n.Title == "Tom Done confirmed: your mentorship is completed")));
        Assert.Contains("Tom Done confirmed: the mentorship is completed.", await Timeline(p.Id));
        Assert.Equal(HttpStatusCode.Conflict, (await p.Mentor.PostAsync($"/api/v1/mentorships/{p.Id}/complete")).StatusCode);
        Assert.Equal((0, 0), await app.SlotsAsync(p));
    }

    [Fact]
    public async Task End_WithAPrivateReason_TellsTheOtherKindly_WhoNeverSeesTheReason()
    {
        var p = await app.ActivePairAsync("Maria Ending", "Tom Ending");
        const string note = "Honestly the calls felt like status reports to me.";

        var ended = await p.Mentee.PostAsync($"/api/v1/mentorships/{p.Id}/end", new { reason = "NotWorking", note });

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(MentorshipStatus.Ended, await app.StatusAsync(p.Id));
        Assert.Equal((0, 0), await app.SlotsAsync(p));
        var mine = await p.Mentee.LifecycleAsync(p.Id);
        Assert.Equal(("NotWorking", note), ((string)mine["myEndReason"]!, (string)mine["myEndNote"]!));

        // The other member: told kindly, by notification and e-mail, and nowhere the reason.
        var told = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.MemberId == p.Mentor.Id && n.Kind == NotificationKind.MentorshipChanged));
        Assert.Equal("Tom Ending has ended your mentorship", told.Title);
        Assert.Contains("nobody is to blame", told.Body, StringComparison.Ordinal);
        var mail = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == p.Mentor.Member.Email) && m.Subject!.Contains("ended your mentorship"));
        Assert.DoesNotContain("status reports", mail.Text(), StringComparison.Ordinal);
        var theirs = await p.Mentor.LifecycleAsync(p.Id);
        Assert.Null(theirs["myEndReason"]);
        Assert.Null(theirs["myEndNote"]);
        foreach (var url in new[] { $"/api/v1/mentorships/{p.Id}", $"/api/v1/mentorships/{p.Id}/lifecycle", "/api/v1/me/export", "/api/v1/me/notifications" })
        {
            var body = await p.Mentor.Api.GetStringAsync(url);
            Assert.DoesNotContain("status reports", body, StringComparison.Ordinal);
            Assert.DoesNotContain("NotWorking", body, StringComparison.Ordinal);
        }
        Assert.All(await Timeline(p.Id), t => Assert.DoesNotContain("status reports", t, StringComparison.Ordinal));
        Assert.Contains("Tom Ending ended the mentorship.", await Timeline(p.Id));
    }

    [Fact]
    public async Task End_OfAnEndedMentorship_Is409_AndChangesNothing()
    {
        var p = await app.ActivePairAsync("Maria Twice", "Tom Twice");
        Assert.Equal(HttpStatusCode.OK, (await p.Mentor.PostAsync($"/api/v1/mentorships/{p.Id}/end")).StatusCode);
        var before = await app.RowAsync(p.Id);

        foreach (var who in new[] { p.Mentor, p.Mentee })
        {
            Assert.Equal(HttpStatusCode.Conflict, (await who.PostAsync($"/api/v1/mentorships/{p.Id}/end", new { reason = "Other" })).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await who.PostAsync($"/api/v1/mentorships/{p.Id}/pause")).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await who.PostAsync($"/api/v1/mentorships/{p.Id}/extend", new { months = 2 })).StatusCode);
        }
        Assert.Equal(before, await app.RowAsync(p.Id));
        Assert.Equal((0, 0), await app.SlotsAsync(p)); // freed once, never below zero
    }

    [Theory]
    [InlineData("""{"reason":"Bored"}""", "reason")]
    [InlineData("""{"reason":42}""", "reason")]
    [InlineData("""{"note":"TOO_LONG"}""", "note")]
    public async Task End_WithBadInput_Is400NamingTheField_AndChangesNothing(string json, string field)
    {
        var p = await app.ActivePairAsync("Maria Bad", "Tom Bad");
        var before = await app.RowAsync(p.Id);

        var response = await p.Mentee.Api.PostAsync($"/api/v1/mentorships/{p.Id}/end",
            new StringContent(json.Replace("TOO_LONG", new string('x', LifecycleHandlers.EndNoteMax + 1), StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]![field]);
        Assert.Equal(before, await app.RowAsync(p.Id));
    }

    [Fact]
    public async Task Extend_ByEitherMember_MovesThePlannedEnd_AndTellsTheOther_ButOnlyBy1To24Months()
    {
        var p = await app.ActivePairAsync("Maria Longer", "Tom Longer");
        var plannedEnd = DateOnly.Parse((string)(await p.Mentee.LifecycleAsync(p.Id))["plannedEnd"]!);
        var before = await app.RowAsync(p.Id);
        foreach (var months in new int?[] { 0, -1, 25, null })
        {
            var bad = await p.Mentee.PostAsync($"/api/v1/mentorships/{p.Id}/extend", new { months });
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.NotNull((await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["months"]);
        }
        Assert.Equal(before, await app.RowAsync(p.Id));

        var extended = await p.Mentor.PostAsync($"/api/v1/mentorships/{p.Id}/extend", new { months = 3 });

        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        var view = (await extended.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(plannedEnd.AddMonths(3), DateOnly.Parse((string)view["plannedEnd"]!));
        Assert.Equal(3, (int)view["extendedMonths"]!);
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.MemberId == p.Mentee.Id && n.Title == "Maria Longer extended your mentorship by 3 months")));
        Assert.Contains(await Timeline(p.Id), t => t.StartsWith("Maria Longer extended the mentorship by 3 months", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reflection_OnlyAtTheEnd_AndOnlyForItsAuthor()
    {
        var p = await app.ActivePairAsync("Maria Reflects", "Tom Reflects");
        var early = await p.Mentee.PostAsync($"/api/v1/mentorships/{p.Id}/reflection", new { learned = "Lots." });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await p.Mentor.PostAsync($"/api/v1/mentorships/{p.Id}/end")).StatusCode);

        var empty = await p.Mentee.PostAsync($"/api/v1/mentorships/{p.Id}/reflection", new { learned = " ", helpedMost = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.NotNull((await empty.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["learned"]);
        var tooLong = await p.Mentee.PostAsync($"/api/v1/mentorships/{p.Id}/reflection", new { learned = "ok", helpedMost = new string('x', Reflection.TextMax + 1) });
        Assert.NotNull((await tooLong.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["helpedMost"]);
        Assert.Equal(0, await app.WithDbAsync(db => db.Reflections.CountAsync(r => r.MentorshipId == p.Id)));

        Assert.Equal(HttpStatusCode.OK, (await p.Mentee.PostAsync($"/api/v1/mentorships/{p.Id}/reflection", new { learned = "How to frame a roadmap as bets.", helpedMost = "Her questions." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await p.Mentee.PostAsync($"/api/v1/mentorships/{p.Id}/reflection", new { learned = "How to frame a roadmap as bets.", helpedMost = "Her patient questions." })).StatusCode);

        var mine = (await p.Mentee.LifecycleAsync(p.Id))["myReflection"]!;
        Assert.Equal("Her patient questions.", (string)mine["helpedMost"]!);
        Assert.Equal(1, await app.WithDbAsync(db => db.Reflections.CountAsync(r => r.MentorshipId == p.Id)));
        Assert.Null((await p.Mentor.LifecycleAsync(p.Id))["myReflection"]);
        Assert.DoesNotContain("roadmap as bets", await p.Mentor.Api.GetStringAsync($"/api/v1/mentorships/{p.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AThirdMember_Gets404_FromEveryMove_AndNothingChanges()
    {
        var p = await app.ActivePairAsync("Maria Private", "Tom Private");
        var stranger = await app.MenteeAsync("Sam Stranger");
        var before = await app.RowAsync(p.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.GetAsync($"/api/v1/mentorships/{p.Id}/lifecycle")).StatusCode);
        foreach (var (path, body) in Moves())
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/v1/mentorships/{p.Id}/{path}", body)).StatusCode);
        Assert.Equal(before, await app.RowAsync(p.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await p.Mentee.PostAsync($"/api/v1/mentorships/{Guid.NewGuid()}/end")).StatusCode);
    }

    [Fact]
    public async Task NoMoveButQuestionsOnARequest_ThatIsNotYetAMentorship()
    {
        var p = await app.RequestAsync("Maria Request", "Tom Request");
        var before = await app.RowAsync(p.Id);
        foreach (var who in new[] { p.Mentee, p.Mentor })
            foreach (var (path, body) in Moves().Where(m => m.Path != "reflection"))
                Assert.Equal(HttpStatusCode.Conflict, (await who.PostAsync($"/api/v1/mentorships/{p.Id}/{path}", body)).StatusCode);
        Assert.Equal(before, await app.RowAsync(p.Id));
    }

    [Theory]
    [InlineData("end", "end")]
    [InlineData("pause", "pause")]
    [InlineData("end", "pause")]
    public async Task TwoMembersAtOnce_OneWins_TheOtherGets409_AndTheSlotsAreFreedOnce(string first, string second)
    {
        var p = await app.ActivePairAsync("Maria Race", "Tom Race");

        var responses = await Task.WhenAll(p.Mentee.PostAsync($"/api/v1/mentorships/{p.Id}/{first}"), p.Mentor.PostAsync($"/api/v1/mentorships/{p.Id}/{second}"));

        var codes = responses.Select(r => r.StatusCode).ToList();
        if (first == second) Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], codes.Order());
        else Assert.Contains(HttpStatusCode.OK, codes); // pause then end is a legal sequence; end then pause is not
        var status = await app.StatusAsync(p.Id);
        Assert.Equal(status == MentorshipStatus.Ended ? (0, 0) : (1, 1), await app.SlotsAsync(p));
        Assert.Equal(codes.Count(c => c == HttpStatusCode.OK), await app.WithDbAsync(db => db.TimelineEntries.CountAsync(t => t.MentorshipId == p.Id && t.Kind == "status")));
    }

    private static IEnumerable<(string Path, object? Body)> Moves() =>
    [
        ("pause", new { resumeOn = Day(10) }), ("resume", null), ("complete", null), ("complete/decline", null),
        ("extend", new { months = 2 }), ("end", new { reason = "Other" }), ("reflection", new { learned = "x" }),
    ];

    private Task<List<string>> Timeline(Guid id) =>
        app.WithDbAsync(db => db.TimelineEntries.Where(t => t.MentorshipId == id).OrderBy(t => t.At).Select(t => t.Text).ToListAsync());
}
