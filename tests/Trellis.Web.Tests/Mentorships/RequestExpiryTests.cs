using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Requests;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Mentorships;

public sealed class RequestExpiryTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task UnansweredRequest_RemindsTheMentorOnce_ThenExpires_AndTellsBoth()
    {
        var mentor = await app.MentorAsync("Maria Silent");
        var mentee = await app.MenteeAsync("Tom Waiting");
        var id = (await mentee.ProposeAsync(mentor)).Id();
        var proposedAt = await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == id).Select(m => m.CreatedAt).SingleAsync());
        var clock = new FakeTimeProvider(proposedAt.AddDays(10));
        var expiry = new RequestExpiry(app.Services.GetRequiredService<IServiceScopeFactory>(), clock);

        // Other tests' requests share this database, so each step is checked on this request's own rows.
        await expiry.RunDueAsync(default);
        Assert.False(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == mentor.Id && n.Kind == NotificationKind.RequestReminder)));

        clock.SetUtcNow(proposedAt.AddDays(11).AddMinutes(1));
        await expiry.RunDueAsync(default);
        await expiry.RunDueAsync(default);
        var reminder = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.MemberId == mentor.Id && n.Kind == NotificationKind.RequestReminder));
        Assert.Equal("Tom Waiting is waiting for your answer", reminder.Title);
        Assert.False(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == mentee.Id && n.Kind == NotificationKind.RequestReminder)));

        Assert.Equal(MentorshipStatus.Proposed, await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));

        clock.SetUtcNow(proposedAt.AddDays(14).AddMinutes(1));
        await expiry.RunDueAsync(default);
        await expiry.RunDueAsync(default);

        var stored = await app.WithDbAsync(db => db.Mentorships.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(MentorshipStatus.Expired, stored.Status);
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.MemberId == mentee.Id && n.Kind == NotificationKind.RequestAnswered && n.Title.Contains("expired"))));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.MemberId == mentor.Id && n.Kind == NotificationKind.RequestAnswered && n.Title.Contains("expired"))));
    }

    [Fact]
    public async Task ACounterProposal_GivesTheOtherMemberAFreshDeadline()
    {
        var mentor = await app.MentorAsync("Maria Late");
        var mentee = await app.MenteeAsync("Tom Patient");
        var id = (await mentee.ProposeAsync(mentor)).Id();
        // As if the request had been waiting thirteen days when the mentor answers.
        var now = DateTimeOffset.UtcNow;
        await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ExpiresAt, now.AddDays(1)).SetProperty(m => m.RemindAt, now.AddDays(-2))));
        Assert.Equal(HttpStatusCode.OK, (await mentor.CounterAsync(id, 1, a => a["cadenceEvery"] = 2)).StatusCode);

        var expiry = new RequestExpiry(app.Services.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(now.AddDays(2)));
        await expiry.RunDueAsync(default);

        var stored = await app.WithDbAsync(db => db.Mentorships.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(MentorshipStatus.Negotiating, stored.Status);
        Assert.True(stored.ExpiresAt > now.AddDays(13), $"deadline {stored.ExpiresAt}");
    }

    [Fact]
    public async Task SeveralNodesAtOnce_ExpireEachRequestExactlyOnce()
    {
        var mentor = await app.MentorAsync("Maria Busy");
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++) ids.Add((await (await app.MenteeAsync($"Tom Node {i}")).ProposeAsync(mentor)).Id());
        var latest = await app.WithDbAsync(db => db.Mentorships.Where(m => ids.Contains(m.Id)).MaxAsync(m => m.CreatedAt));
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var nodes = Enumerable.Range(0, 4).Select(_ => new RequestExpiry(scopes, new FakeTimeProvider(latest.AddDays(15)))).ToList();

        var expiredBefore = await app.WithDbAsync(db => db.Mentorships.CountAsync(m => m.Status == MentorshipStatus.Expired));

        var outcomes = await Task.WhenAll(nodes.Select(n => n.RunDueAsync(default)));

        var expiredAfter = await app.WithDbAsync(db => db.Mentorships.CountAsync(m => m.Status == MentorshipStatus.Expired));
        Assert.Equal(expiredAfter - expiredBefore, outcomes.Sum(o => o.Expired));
        Assert.Equal(3, await app.WithDbAsync(db => db.Mentorships.CountAsync(m => ids.Contains(m.Id) && m.Status == MentorshipStatus.Expired)));
        // Each expiry told each member once: no node notified a row another node had claimed.
        Assert.Equal(3, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.MemberId == mentor.Id && n.Kind == NotificationKind.RequestAnswered && n.Title.Contains("expired"))));
    }
}
