using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Mentorships;

public sealed class AppWithTightMentorshipLimits : TrellisApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Mentorships:MaxOpenRequests"] = "2",
        ["Mentorships:MaxActiveMentors"] = "1",
    };
}

/// <summary>The configurable limits, set low so they are reached with few members.</summary>
public sealed class MentorshipRuleTests(AppWithTightMentorshipLimits app) : IClassFixture<AppWithTightMentorshipLimits>
{
    [Fact]
    public async Task Propose_BeyondMaxOpenRequests_IsAConflict_UntilOneIsAnswered()
    {
        var mentee = await app.MenteeAsync("Tom Eager");
        var mentors = new List<Person>();
        for (var i = 0; i < 3; i++) mentors.Add(await app.MentorAsync($"Mentor {i}"));
        var first = (await mentee.ProposeAsync(mentors[0])).Id();
        await mentee.ProposeAsync(mentors[1]);

        var third = await mentee.Api.PostAsJsonAsync("/api/v1/mentorships", MentorshipBuilders.Proposal(mentors[2].Id));
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Mentorships.CountAsync(m => m.MenteeId == mentee.Id)));

        Assert.Equal(HttpStatusCode.OK, (await mentors[0].Api.PostAsJsonAsync($"/api/v1/mentorships/{first}/decline", new { reason = "TimingIsWrong" })).StatusCode);
        await mentee.ProposeAsync(mentors[2]);
    }

    [Fact]
    public async Task ProposalsSentAtOnce_NeverExceedMaxOpenRequests()
    {
        var mentee = await app.MenteeAsync("Tom Hasty");
        var mentors = new List<Person>();
        for (var i = 0; i < 6; i++) mentors.Add(await app.MentorAsync($"Rush Mentor {i}"));
        var gate = new TaskCompletionSource();
        var sends = mentors.Select(async m =>
        {
            await gate.Task;
            return await mentee.Api.PostAsJsonAsync("/api/v1/mentorships", MentorshipBuilders.Proposal(m.Id));
        }).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(sends);

        Assert.Equal(2, results.Count(r => r.IsSuccessStatusCode));
        Assert.Equal(4, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(2, await app.WithDbAsync(db => db.Mentorships.CountAsync(m => m.MenteeId == mentee.Id)));
    }

    [Fact]
    public async Task Accept_BeyondMaxActiveMentors_IsAConflict_AndTheMentorKeepsTheSlot()
    {
        var mentee = await app.MenteeAsync("Tom Greedy");
        var one = await app.MentorAsync("Maria One");
        var two = await app.MentorAsync("Maria Two");
        var a = (await mentee.ProposeAsync(one)).Id();
        var b = (await mentee.ProposeAsync(two)).Id();

        Assert.Equal(HttpStatusCode.OK, (await one.AcceptAsync(a, 1)).StatusCode);
        var refused = await two.AcceptAsync(b, 1);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        // The mentor's slot was claimed first in the same transaction; the refusal rolled it back.
        Assert.Equal(0, await app.WithDbAsync(db => db.Profiles.Where(p => p.MemberId == two.Id).Select(p => p.ActiveMentees).SingleAsync()));
        Assert.Equal(MentorshipStatus.Proposed, await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == b).Select(m => m.Status).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Profiles.Where(p => p.MemberId == mentee.Id).Select(p => p.ActiveMentors).SingleAsync()));
    }
}
