using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Timeline;

namespace Trellis.Web.Tests.Platform.Edge;

/// <summary>Membership of /mentorships/{id} is declared once per route group, and holds before anything else.</summary>
public sealed class MembershipGateTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    private const string Prefix = "/api/v1/mentorships/{id:guid}/";

    /// <summary>Features not yet moved onto the gate (their handlers still check membership themselves).</summary>
    private static readonly string[] NotYetOnTheGate =
    [
        "meetings", "critiques", "timeline", "messages",
        "revisions", "pause", "resume", "end", "reflection", "block", "accept", "decline", "withdraw", "counter",
        "questions", "answers", "versions", "agreement", "revision", "diff", "edit", "lifecycle", "complete", "extend",
    ];

    [Fact]
    public void EveryEndpointUnderAMentorship_PassesTheGate()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) == true)
            .ToList();
        Assert.NotEmpty(routes);
        var ungated = routes
            .Where(e => e.Metadata.GetMetadata<MembershipGate.MembershipRequired>() is null)
            .Select(e => e.RoutePattern.RawText!)
            .Where(r => !NotYetOnTheGate.Contains(r[Prefix.Length..].Split('/')[0], StringComparer.OrdinalIgnoreCase))
            .ToList();
        Assert.True(ungated.Count == 0, "not behind MembershipGate: " + string.Join(", ", ungated));
    }

    [Fact]
    public async Task AThirdMember_Gets404_EvenForABodyThatWouldFailValidation_AndNothingIsWritten()
    {
        var w = await app.ActiveAsync("Gate");
        var third = await app.MenteeAsync("Eve Gate");
        var response = await third.PostJsonAsync($"/api/v1/mentorships/{w.Id}/checkins", new { text = "", urgency = 9 });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("errors", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.CheckIns.AnyAsync(c => c.MentorshipId == w.Id)));
    }

    [Theory]
    [InlineData("resources/articles")]
    [InlineData("resources/books")]
    [InlineData("reviews/answer")]
    [InlineData("endorsement")]
    public async Task EveryFeatureOnTheGate_Answers404ToAThirdMember_BeforeItsValidation(string path)
    {
        var w = await app.ActiveAsync("Gate " + path.Replace('/', ' '));
        var third = await app.MenteeAsync("Eve " + path.Replace('/', ' '));
        var response = await third.PostJsonAsync($"/api/v1/mentorships/{w.Id}/{path}", new { });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("errors", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Its own member, with the same body, is told which fields are wrong.
        Assert.Equal(HttpStatusCode.BadRequest, (await w.Mentee.PostJsonAsync($"/api/v1/mentorships/{w.Id}/{path}", new { })).StatusCode);
    }

    [Fact]
    public async Task AnotherMentorshipsCheckIn_ThroughMyOwnMentorship_Is404_BeforeValidation()
    {
        var w = await app.ActiveAsync("Child");
        var raised = await w.Mentee.PostJsonAsync($"/api/v1/mentorships/{w.Id}/checkins", new { text = "Help", urgency = "Today" });
        var checkInId = Guid.Parse((string)(await raised.JsonAsync())["id"]!);
        var mine = await app.ActiveAsync("ChildOther");

        var empty = await mine.Mentor.PostJsonAsync($"/api/v1/mentorships/{mine.Id}/checkins/{checkInId}/answer", new { });
        Assert.Equal(HttpStatusCode.NotFound, empty.StatusCode);
        var valid = await mine.Mentor.PostJsonAsync($"/api/v1/mentorships/{mine.Id}/checkins/{checkInId}/answer",
            new { text = "Not mine to answer" });
        Assert.Equal(HttpStatusCode.NotFound, valid.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.CheckIns.Where(c => c.Id == checkInId).Select(c => c.Answer).SingleAsync()));

        // Its own members still reach it.
        Assert.Equal(HttpStatusCode.OK,
            (await w.Mentor.Api.GetAsync($"/api/v1/mentorships/{w.Id}/checkins/{checkInId}")).StatusCode);
    }

    [Fact]
    public async Task APage_UnderAMentorship_Is404ForAThirdMember_OnEveryHandler()
    {
        var w = await app.ActiveAsync("PageGate");
        var third = await app.MenteeAsync("Eve PageGate");
        Assert.Equal(HttpStatusCode.NotFound, (await third.Member.Browser.GetAsync($"/Mentorships/{w.Id}/CheckIns")).StatusCode);
        // A valid token of her own (from a page she may see), and a body that would pass.
        var token = Forms.AntiforgeryToken(await third.Member.Browser.GetStringAsync("/Profile/Edit"));
        using var form = new FormUrlEncodedContent([
            new("__RequestVerificationToken", token), new("Input.Text", "Let me in"), new("Input.Urgency", "Today")]);
        var posted = await third.Member.Browser.PostAsync($"/Mentorships/{w.Id}/CheckIns?handler=Raise", form);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.CheckIns.AnyAsync(c => c.MentorshipId == w.Id)));
    }
}
