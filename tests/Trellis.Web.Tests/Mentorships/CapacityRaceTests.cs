using System.Net;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Mentorships;

public sealed class CapacityRaceTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    private const int Contenders = 20;

    /// <summary>
    /// A mentor with one place left has counter-proposed to twenty mentees; all twenty accept at the
    /// same moment. The database must let exactly one through, whichever it is.
    /// </summary>
    [Fact]
    public async Task TwentyConcurrentAcceptances_ForTheLastSlot_ExactlyOneSucceeds()
    {
        var mentor = await app.MentorAsync("Maria Popular", capacity: 2);
        var mentees = new List<Person>();
        for (var i = 0; i < Contenders + 1; i++) mentees.Add(await app.MenteeAsync($"Mentee {i:00}"));

        // One place is already taken.
        var taken = (await mentees[0].ProposeAsync(mentor)).Id();
        Assert.Equal(HttpStatusCode.OK, (await mentor.AcceptAsync(taken, 1)).StatusCode);

        var contested = new List<(Person Mentee, Guid Id)>();
        foreach (var mentee in mentees.Skip(1))
        {
            var id = (await mentee.ProposeAsync(mentor)).Id();
            Assert.Equal(HttpStatusCode.OK, (await mentor.CounterAsync(id, 1, a => a["cadenceEvery"] = 2)).StatusCode);
            contested.Add((mentee, id));
        }

        using var start = new SemaphoreSlim(0);
        var racers = contested.Select(async c =>
        {
            await start.WaitAsync();
            return await c.Mentee.AcceptAsync(c.Id, 2);
        }).ToList();
        start.Release(Contenders);
        var responses = await Task.WhenAll(racers);

        var codes = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(1, codes.Count(c => c == HttpStatusCode.OK));
        Assert.Equal(Contenders - 1, codes.Count(c => c == HttpStatusCode.Conflict));
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            Assert.Contains("no room", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.Mentorships.CountAsync(m => m.MentorId == mentor.Id && m.Status == MentorshipStatus.Active)));
        Assert.Equal(2, await app.WithDbAsync(db => db.Profiles.Where(p => p.MemberId == mentor.Id).Select(p => p.ActiveMentees).SingleAsync()));
        Assert.Equal(Contenders - 1, await app.WithDbAsync(db => db.Mentorships.CountAsync(m => m.MentorId == mentor.Id && m.Status == MentorshipStatus.Negotiating)));
    }
}
