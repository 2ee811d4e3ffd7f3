using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Lifecycle;
using Trellis.Web.Features.Programmes;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Programmes;

/// <summary>Issue 12 item 1: winding down a running programme ends its running pairs with notice to both members.</summary>
public sealed class WindingDownTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task WindingDown_ClosesTheProgramme_TellsBothMembersOfEachRunningPair_AndTheyCompleteOnTheDay()
    {
        var programme = await app.EnrollingAsync(kind: "Evergreen", name: "Autumn circle");
        await programme.SetModeAsync("ByHand");
        var first = await RunningPairAsync(programme, "Ada");
        var second = await RunningPairAsync(programme, "Ben");
        var proposed = await PairAsync(programme, "Cy"); // approved, not accepted yet: not running, left alone
        await programme.MoveAsync("Running");
        var outsideMentor = await app.MentorAsync("Olga Outside");
        var outside = await app.MenteeAsync("Otto Outside");
        var unrelated = (await outside.ProposeAsync(outsideMentor)).Id();
        (await outsideMentor.AcceptAsync(unrelated, 1)).EnsureSuccessStatusCode();
        var version = (await programme.ViewAsync()).Version();

        var bad = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/wind-down", new { version, noticeDays = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("noticeDays", (await bad.ErrorsAsync()).Select(e => e.Key));
        Assert.Equal("Running", (string)(await programme.ViewAsync())["status"]!);
        Assert.False(await app.WithDbAsync(db => db.Mentorships.AnyAsync(m => m.ProgrammeEndsOn != null)));

        var wound = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/wind-down", new { version, noticeDays = 10 });

        Assert.Equal(HttpStatusCode.OK, wound.StatusCode);
        var body = (await wound.Content.ReadFromJsonAsync<JsonObject>())!;
        var endsOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        Assert.Equal((2, endsOn.ToString("yyyy-MM-dd")), ((int)body["pairsEnding"]!, (string)body["endsOn"]!));
        Assert.Equal("Closed", (string)(await programme.ViewAsync())["status"]!);
        foreach (var (who, (mentor, mentee, id)) in new[] { ("Ada", first), ("Ben", second) })
        {
            var m = await app.WithDbAsync(db => db.Mentorships.AsNoTracking().SingleAsync(x => x.Id == id));
            Assert.Equal((MentorshipStatus.Active, endsOn, endsOn), (m.Status, m.ProgrammeEndsOn, m.EndsOn));
            foreach (var (member, other) in new[] { (mentee, $"Maria {who}"), (mentor, $"Tom {who}") })
            {
                var mail = await app.Mail.WaitForAsync(x => x.To.Mailboxes.Any(b => b.Address == member.Member.Email)
                                                          && x.Subject == $"Autumn circle is ending: your mentorship with {other}");
                Assert.Contains($"ends on {endsOn:d MMMM yyyy}", mail.TextBody, StringComparison.Ordinal);
                Assert.Contains($"/Mentorships/{id}", mail.TextBody, StringComparison.Ordinal);
                Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == member.Id && n.Link == $"/Mentorships/{id}"
                                                                                      && n.Title.StartsWith("Autumn circle is ending"))));
            }
            // The day is the programme's: an extension cannot move it.
            Assert.Equal(HttpStatusCode.Conflict, (await mentee.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/extend", new { months = 3 })).StatusCode);
        }
        Assert.Equal(MentorshipStatus.Proposed, await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == proposed).Select(m => m.Status).SingleAsync()));
        Assert.Null(await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == unrelated).Select(m => m.ProgrammeEndsOn).SingleAsync()));

        // A second wind down finds a closed programme: 409, nothing changes.
        var again = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/wind-down", new { version = (await programme.ViewAsync()).Version(), noticeDays = 5 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(endsOn, await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == first.Id).Select(m => m.ProgrammeEndsOn).SingleAsync()));

        // On the day, the lifecycle job completes the pairs as at any planned end; the one outside goes on.
        var day = new DateTimeOffset(endsOn.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);
        await new LifecycleSchedule(app.Services.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(day)).RunOnceAsync(default);
        foreach (var id in new[] { first.Id, second.Id })
            Assert.Equal(MentorshipStatus.Completed, await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
        Assert.Equal(MentorshipStatus.Active, await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == unrelated).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task OnlyARunningProgramme_CanBeWoundDown_AndAStaleVersionIs409()
    {
        var programme = await app.EnrollingAsync(kind: "Evergreen");
        var view = await programme.ViewAsync();

        var enrolling = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/wind-down", new { version = view.Version() });
        Assert.Equal(HttpStatusCode.Conflict, enrolling.StatusCode);
        await programme.MoveAsync("Running");
        var stale = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/wind-down", new { version = view.Version() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Running", (string)(await programme.ViewAsync())["status"]!);

        // The page: the default notice from configuration, then the programme closed.
        var manage = await programme.Owner.Member.Browser.GetStringAsync(programme.Manage);
        Assert.Contains("value=\"14\"", manage, StringComparison.Ordinal);
        var posted = await programme.Owner.Member.Browser.PostAsync($"{programme.Manage}?handler=WindDown", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", Forms.AntiforgeryToken(manage)), new("Version", (await programme.ViewAsync()).Version().ToString()), new("noticeDays", "14")]));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("Closed", (string)(await programme.ViewAsync())["status"]!);
    }

    private async Task<(Person Mentor, Person Mentee, Guid Id)> RunningPairAsync(TestProgramme programme, string who)
    {
        var (mentor, mentee, id) = await ApprovedAsync(programme, who);
        (await mentor.AcceptAsync(id, 1)).EnsureSuccessStatusCode();
        return (mentor, mentee, id);
    }

    private async Task<Guid> PairAsync(TestProgramme programme, string who) => (await ApprovedAsync(programme, who)).Id;

    private async Task<(Person Mentor, Person Mentee, Guid Id)> ApprovedAsync(TestProgramme programme, string who)
    {
        var pair = await app.ProposedPairAsync(programme, who);
        return (pair.Mentor, pair.Mentee, pair.Id);
    }
}
