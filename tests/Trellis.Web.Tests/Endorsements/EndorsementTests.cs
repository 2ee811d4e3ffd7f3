using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Features.Endorsements;
using Trellis.Web.Features.FindMentor;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Moderation;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Reviews;

namespace Trellis.Web.Tests.Endorsements;

/// <summary>"Three months active" is reached by moving the mentorship's start back; "completed" by setting
/// the status in the database (completion itself belongs to another feature).</summary>
public sealed class EndorsementTests(KeepingApp app) : IClassFixture<KeepingApp>
{
    private static Task<HttpResponseMessage> EndorseAsync(Person who, Guid id, string? text = "Maria changed how I think about roadmaps.") =>
        who.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/endorsement", new { text });

    private Task<bool> AnyAsync(Guid id) => app.WithDbAsync(db => db.Endorsements.AnyAsync(e => e.MentorshipId == id));

    [Fact]
    public async Task TooEarly_Gets409SayingWhen_AndWritesNothing()
    {
        var (_, mentee, id) = await app.ActiveAsync("Maria Soon", "Tom Soon");
        await app.StartedAtAsync(id, DateTimeOffset.UtcNow.AddMonths(-2));

        var response = await EndorseAsync(mentee, id);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("It is a little early", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await AnyAsync(id));
        var view = (await mentee.Api.GetFromJsonAsync<JsonObject>($"/api/v1/mentorships/{id}/endorsement"))!;
        Assert.False((bool)view["canWrite"]!);
    }

    [Fact]
    public async Task AMentorYouNeverHad_CannotBeEndorsed()
    {
        var mentor = await app.MentorAsync("Maria Never");
        var mentee = await app.MenteeAsync("Tom Never");
        var id = (await mentee.ProposeAsync(mentor)).Id();

        var open = await EndorseAsync(mentee, id);
        Assert.Equal(HttpStatusCode.Conflict, open.StatusCode);
        Assert.Contains("never became a mentorship", await open.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        (await mentor.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/decline", new { reason = "TimingIsWrong" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await EndorseAsync(mentee, id)).StatusCode);

        var stranger = await app.MenteeAsync("Eve Never");
        Assert.Equal(HttpStatusCode.NotFound, (await EndorseAsync(stranger, id)).StatusCode);
        Assert.False(await AnyAsync(id));
    }

    [Fact]
    public async Task BadInput_TheMentor_OrAThirdMember_AreRefused_AndNothingIsWritten()
    {
        var (mentor, mentee, id) = await app.ActiveAsync("Maria Refuse", "Tom Refuse");
        await app.SetStatusAsync(id, MentorshipStatus.Completed);
        var stranger = await app.MenteeAsync("Eve Refuse");

        foreach (var text in new[] { "", "   ", null, new string('x', Endorsement.TextMax + 1) })
        {
            var bad = await EndorseAsync(mentee, id, text);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.NotNull((await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["text"]);
        }
        Assert.Equal(HttpStatusCode.Conflict, (await EndorseAsync(mentor, id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await EndorseAsync(stranger, id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.GetAsync($"/api/v1/mentorships/{id}/endorsement")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.PostAsync($"/api/v1/mentorships/{id}/endorsement/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.DeleteAsync($"/api/v1/mentorships/{id}/endorsement")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Member.Browser.GetAsync($"/Mentorships/{id}/Endorsement")).StatusCode);
        Assert.False(await AnyAsync(id));
    }

    [Fact]
    public async Task AfterThreeMonths_TheMenteeEndorses_TheMentorDecides_AndEitherCanWithdraw()
    {
        var (mentor, mentee, id) = await app.ActiveAsync("Maria Endorsed", "Tom Grateful");
        await app.StartedAtAsync(id, DateTimeOffset.UtcNow.AddMonths(-3).AddDays(-1));

        var written = await EndorseAsync(mentee, id, "ENDORSE-3m: patient, candid, and generous with her time.");
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await EndorseAsync(mentee, id)).StatusCode); // one per mentorship
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == mentor.Id && n.Kind == NotificationKind.Endorsement)));

        // Private until the mentor publishes it.
        Assert.DoesNotContain("ENDORSE-3m", await mentee.Member.Browser.GetStringAsync($"/Members/{mentor.Id}"), StringComparison.Ordinal);
        Assert.Empty((await mentee.Api.GetFromJsonAsync<JsonObject>($"/api/v1/members/{mentor.Id}/endorsements"))!["endorsements"]!.AsArray());
        Assert.Equal(HttpStatusCode.Conflict, (await mentee.Api.PostAsync($"/api/v1/mentorships/{id}/endorsement/publish", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await mentor.Api.PostAsync($"/api/v1/mentorships/{id}/endorsement/publish", null)).StatusCode);
        var stranger = await app.MenteeAsync("Eve Reader");
        Assert.Contains("ENDORSE-3m", await stranger.Member.Browser.GetStringAsync($"/Members/{mentor.Id}"), StringComparison.Ordinal);
        var record = (await stranger.Api.GetFromJsonAsync<JsonObject>($"/api/v1/members/{mentor.Id}/endorsements"))!;
        Assert.Equal("Tom Grateful", (string)record["endorsements"]![0]!["menteeName"]!);
        Assert.Equal(1, (int)record["impact"]!["endorsements"]!);
        Assert.Equal(1, (int)record["impact"]!["menteesHelped"]!);

        Assert.Equal(HttpStatusCode.OK, (await mentor.Api.PostAsync($"/api/v1/mentorships/{id}/endorsement/unpublish", null)).StatusCode);
        Assert.DoesNotContain("ENDORSE-3m", await stranger.Member.Browser.GetStringAsync($"/Members/{mentor.Id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await mentor.Api.PostAsync($"/api/v1/mentorships/{id}/endorsement/publish", null)).StatusCode);

        // Withdrawn by the mentee: gone from the profile and from the mentor's own view.
        Assert.Equal(HttpStatusCode.OK, (await mentee.Api.DeleteAsync($"/api/v1/mentorships/{id}/endorsement")).StatusCode);
        Assert.DoesNotContain("ENDORSE-3m", await stranger.Member.Browser.GetStringAsync($"/Members/{mentor.Id}"), StringComparison.Ordinal);
        Assert.Null((await mentor.Api.GetFromJsonAsync<JsonObject>($"/api/v1/mentorships/{id}/endorsement"))!["endorsement"]);
        Assert.False(await AnyAsync(id));
        Assert.Equal(HttpStatusCode.Conflict, (await mentor.Api.DeleteAsync($"/api/v1/mentorships/{id}/endorsement")).StatusCode);

        // Written again and withdrawn by the mentor this time.
        Assert.Equal(HttpStatusCode.Created, (await EndorseAsync(mentee, id)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mentor.Api.DeleteAsync($"/api/v1/mentorships/{id}/endorsement")).StatusCode);
        Assert.False(await AnyAsync(id));
    }

    [Fact]
    public async Task ThePages_WriteTheEndorsement_AndPublishIt()
    {
        var (mentor, mentee, id) = await app.ActiveAsync("Maria Pages", "Tom Pages");
        await app.SetStatusAsync(id, MentorshipStatus.Completed);
        var page = $"/Mentorships/{id}/Endorsement";

        Assert.Contains("id=\"write-endorsement\"", await mentee.Member.Browser.GetStringAsync($"/Mentorships/{id}"), StringComparison.Ordinal);
        var empty = await mentee.Member.Browser.PostAsync(page, new { Text = "" }, handler: "Write");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.NotNull(Forms.FieldError(await empty.Content.ReadAsStringAsync(), "Text"));
        Assert.False(await AnyAsync(id));

        Assert.Equal(HttpStatusCode.Redirect, (await mentee.Member.Browser.PostAsync(page, new { Text = "PAGE-ENDORSEMENT kind and clear" }, handler: "Write")).StatusCode);
        Assert.Contains("id=\"publish-endorsement\"", await mentor.Member.Browser.GetStringAsync(page), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"publish-endorsement\"", await mentee.Member.Browser.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await mentor.Member.Browser.PostAsync(page, new Dictionary<string, string>(), handler: "Publish")).StatusCode);

        Assert.Contains("PAGE-ENDORSEMENT kind and clear", await mentee.Member.Browser.GetStringAsync($"/Members/{mentor.Id}"), StringComparison.Ordinal);
        Assert.Contains("it is shown on the profile", await mentee.Member.Browser.GetStringAsync($"/Mentorships/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Impact_CountsMenteesHelped_Completed_AndPublishedEndorsements_OnTheApiDashboardAndProfile()
    {
        var mentor = await app.MentorAsync("Maria Impact", capacity: 5);
        var ids = new List<Guid>();
        foreach (var name in new[] { "Tom One", "Tom Two" })
        {
            var mentee = await app.MenteeAsync(name);
            var id = (await mentee.ProposeAsync(mentor)).Id();
            (await mentor.AcceptAsync(id, 1)).EnsureSuccessStatusCode();
            ids.Add(id);
            if (name == "Tom One")
            {
                await app.SetStatusAsync(id, MentorshipStatus.Completed);
                Assert.Equal(HttpStatusCode.Created, (await EndorseAsync(mentee, id)).StatusCode);
                (await mentor.Api.PostAsync($"/api/v1/mentorships/{id}/endorsement/publish", null)).EnsureSuccessStatusCode();
            }
        }
        var declined = await app.MenteeAsync("Tom Declined");
        var notStarted = (await declined.ProposeAsync(mentor)).Id();
        (await mentor.Api.PostAsJsonAsync($"/api/v1/mentorships/{notStarted}/decline", new { reason = "TimingIsWrong" })).EnsureSuccessStatusCode();

        var impact = (await mentor.Api.GetFromJsonAsync<Impact>("/api/v1/me/impact"))!;
        Assert.Equal(new Impact(MenteesHelped: 2, MentorshipsCompleted: 1, HoursOfMeetings: 0, Endorsements: 1), impact);

        var dashboard = await mentor.Member.Browser.GetStringAsync("/Dashboard");
        Assert.Contains("Your impact as a mentor", dashboard, StringComparison.Ordinal);
        Assert.Contains("2 mentees helped", dashboard, StringComparison.Ordinal);
        Assert.Contains("1 mentorship completed", dashboard, StringComparison.Ordinal);
        Assert.Contains("1 endorsement", await declined.Member.Browser.GetStringAsync($"/Members/{mentor.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Your impact as a mentor", await declined.Member.Browser.GetStringAsync("/Dashboard"), StringComparison.Ordinal);

        // The trust signals in search.
        await app.Services.GetRequiredService<EmbeddingRefresher>().RunAsync(default);
        await app.Services.GetRequiredService<MentorDirectory>().SyncAsync(default);
        var results = (await declined.Api.GetFromJsonAsync<JsonObject>("/api/v1/mentors?pageSize=100"))!["results"]!.AsArray();
        var found = results.Single(r => (string)r!["mentorId"]! == mentor.Id.ToString())!;
        Assert.Equal((1, 1), ((int)found["completedMentorships"]!, (int)found["endorsements"]!));
    }

    [Fact]
    public async Task ReportTarget_ShowsTheEndorsementToWhoMaySeeIt_AndHidingTakesItOffTheProfile()
    {
        var (mentor, mentee, id) = await app.ActiveAsync("Maria Reported", "Tom Reporter");
        await app.SetStatusAsync(id, MentorshipStatus.Completed);
        var written = (await (await EndorseAsync(mentee, id, "REPORTED text")).Content.ReadFromJsonAsync<JsonObject>())!;
        var itemId = Guid.Parse((string)written["endorsement"]!["id"]!);
        var stranger = await app.MenteeAsync("Eve Moderated");

        async Task<ReportedContent?> FindAsync(Guid? viewer) => await app.WithDbAsync(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var target = scope.ServiceProvider.GetServices<IReportTarget>().Single(t => t.Kind == ReportKind.Endorsement);
            return await target.FindAsync(itemId, viewer, default);
        });

        Assert.Null(await FindAsync(stranger.Id));
        Assert.Equal(("REPORTED text", mentee.Id), ((await FindAsync(mentor.Id))!.Text, (await FindAsync(mentor.Id))!.AuthorId));
        Assert.NotNull(await FindAsync(mentee.Id));
        Assert.NotNull(await FindAsync(null));

        (await mentor.Api.PostAsync($"/api/v1/mentorships/{id}/endorsement/publish", null)).EnsureSuccessStatusCode();
        Assert.NotNull(await FindAsync(stranger.Id));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var target = scope.ServiceProvider.GetServices<IReportTarget>().Single(t => t.Kind == ReportKind.Endorsement);
            Assert.True(await target.HideAsync(itemId, DateTimeOffset.UtcNow, default));
            await scope.ServiceProvider.GetRequiredService<Trellis.Web.Infrastructure.Data.TrellisDbContext>().SaveChangesAsync();
        }
        Assert.DoesNotContain("REPORTED text", await stranger.Member.Browser.GetStringAsync($"/Members/{mentor.Id}"), StringComparison.Ordinal);
        Assert.Null(await FindAsync(stranger.Id));
        Assert.True((await FindAsync(null))!.Hidden);
        Assert.Equal(HttpStatusCode.Conflict, (await mentor.Api.PostAsync($"/api/v1/mentorships/{id}/endorsement/publish", null)).StatusCode);
    }
}
