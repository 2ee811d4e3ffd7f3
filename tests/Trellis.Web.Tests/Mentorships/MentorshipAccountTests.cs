using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Mentorships;

/// <summary>Mentorships in the member's own data: the export holds them; deleting the account leaves them.</summary>
public sealed class MentorshipAccountTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task Export_HoldsMyMentorships_WithEveryVersion()
    {
        var mentor = await app.MentorAsync("Maria Export");
        var mentee = await app.MenteeAsync("Tom Export");
        var id = (await mentee.ProposeAsync(mentor)).Id();
        await mentor.CounterAsync(id, 1, a => a["cadenceEvery"] = 2);

        var export = await mentee.Api.GetFromJsonAsync<JsonObject>("/api/v1/me/export");

        var mentorship = export!["mentorships"]!.AsArray().Single()!;
        Assert.Equal(id.ToString(), (string?)mentorship["id"]);
        Assert.Equal(2, mentorship["versions"]!.AsArray().Count);
    }

    [Fact]
    public async Task DeletingTheAccount_EndsTheMentorship_FreesTheMentorsSlot_AndClosesOpenRequests()
    {
        var mentor = await app.MentorAsync("Maria Left Behind", capacity: 1);
        var other = await app.MentorAsync("Olga Open Request");
        var mentee = await app.MenteeAsync("Tom Leaving");
        var active = (await mentee.ProposeAsync(mentor)).Id();
        Assert.Equal(HttpStatusCode.OK, (await mentor.AcceptAsync(active, 1)).StatusCode);
        var open = (await mentee.ProposeAsync(other)).Id();

        var deleted = await mentee.Member.Browser.PostAsync("/Settings/Delete", new { Input__Password = mentee.Member.Password });

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(MentorshipStatus.Ended, await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == active).Select(m => m.Status).SingleAsync()));
        Assert.Equal(MentorshipStatus.Withdrawn, await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == open).Select(m => m.Status).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Profiles.Where(p => p.MemberId == mentor.Id).Select(p => p.ActiveMentees).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == mentor.Id && n.Title == "Tom Leaving has left Trellis")));
        // The freed place can be taken again.
        var next = await app.MenteeAsync("Tom Next");
        var nextId = (await next.ProposeAsync(mentor)).Id();
        Assert.Equal(HttpStatusCode.OK, (await mentor.AcceptAsync(nextId, 1)).StatusCode);
    }
}
