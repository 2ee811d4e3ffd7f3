using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Mentorships;

/// <summary>Two people (or two clicks) acting on the same request at once: one wins, the other is told.</summary>
public sealed class ConcurrentMoveTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task TheSameProposalSentTwiceAtOnce_IsKeptOnce()
    {
        var mentor = await app.MentorAsync("Maria Double");
        var mentee = await app.MenteeAsync("Tom Double Click");

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            mentee.Api.PostAsJsonAsync("/api/v1/mentorships", MentorshipBuilders.Proposal(mentor.Id))));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await app.WithDbAsync(db => db.Mentorships.CountAsync(m => m.MenteeId == mentee.Id)));
    }

    [Fact]
    public async Task AcceptAndWithdrawAtOnce_OneWins_AndTheSlotMatchesTheOutcome()
    {
        var mentor = await app.MentorAsync("Maria Race");
        var mentee = await app.MenteeAsync("Tom Race");
        var id = (await mentee.ProposeAsync(mentor)).Id();

        var responses = await Task.WhenAll(
            mentor.AcceptAsync(id, 1),
            mentee.Api.PostAsync($"/api/v1/mentorships/{id}/withdraw", null));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var status = await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == id).Select(m => m.Status).SingleAsync());
        var slots = await app.WithDbAsync(db => db.Profiles.Where(p => p.MemberId == mentor.Id).Select(p => p.ActiveMentees).SingleAsync());
        Assert.Equal(responses[0].StatusCode == HttpStatusCode.OK ? (MentorshipStatus.Active, 1) : (MentorshipStatus.Withdrawn, 0), (status, slots));
    }
}
