using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Lifecycle;
using Trellis.Web.Features.Notifications;

namespace Trellis.Web.Tests.Lifecycle;

/// <summary>The lifecycle job with a fake clock. Other tests' mentorships share the database, so each test
/// checks its own rows only.</summary>
public sealed class LifecycleScheduleTests(LifecycleApp app) : IClassFixture<LifecycleApp>
{
    private LifecycleSchedule Node(DateTimeOffset now) => new(app.Services.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(now));

    private static DateTimeOffset At(DateOnly day, int hour = 6) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    [Fact]
    public async Task APauseWithAResumeDay_ResumesOnThatDay_AndTellsBoth()
    {
        var p = await app.ActivePairAsync("Maria Resumes", "Tom Resumes");
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);
        Assert.Equal(HttpStatusCode.OK, (await p.Mentor.PostAsync($"/api/v1/mentorships/{p.Id}/pause", new { resumeOn = day.ToString("yyyy-MM-dd") })).StatusCode);

        await Node(At(day.AddDays(-1), 23)).RunOnceAsync(default);
        Assert.Equal(MentorshipStatus.Paused, await app.StatusAsync(p.Id));

        await Node(At(day)).RunOnceAsync(default);
        await Node(At(day, 7)).RunOnceAsync(default);

        var m = await app.WithDbAsync(db => db.Mentorships.AsNoTracking().SingleAsync(x => x.Id == p.Id));
        Assert.Equal((MentorshipStatus.Active, (DateOnly?)null), (m.Status, m.ResumeOn));
        Assert.Equal(1, await Told(p.Mentee.Id, "Your mentorship with Maria Resumes has resumed"));
        Assert.Equal(1, await Told(p.Mentor.Id, "Your mentorship with Tom Resumes has resumed"));
        Assert.Equal(1, await app.WithDbAsync(db => db.TimelineEntries.CountAsync(t => t.MentorshipId == p.Id && t.ActorId == null && t.Text == "The mentorship resumed as planned.")));
    }

    [Fact]
    public async Task AWeekBeforeThePlannedEnd_BothAreToldOnce_ThenItCompletes_AndFreesTheSlots()
    {
        var p = await app.ActivePairAsync("Maria Planned", "Tom Planned");
        var end = await PlannedEndAsync(p.Id);

        await Node(At(end.AddDays(-8))).RunOnceAsync(default);
        Assert.Equal(0, await Told(p.Mentee.Id, "Your mentorship with Maria Planned ends in a week"));

        await Node(At(end.AddDays(-7))).RunOnceAsync(default);
        await Node(At(end.AddDays(-3))).RunOnceAsync(default);
        Assert.Equal(1, await Told(p.Mentee.Id, "Your mentorship with Maria Planned ends in a week"));
        Assert.Equal(1, await Told(p.Mentor.Id, "Your mentorship with Tom Planned ends in a week"));
        Assert.Equal(MentorshipStatus.Active, await app.StatusAsync(p.Id));

        await Node(At(end)).RunOnceAsync(default);
        await Node(At(end, 9)).RunOnceAsync(default);

        Assert.Equal(MentorshipStatus.Completed, await app.StatusAsync(p.Id));
        Assert.Equal((0, 0), await app.SlotsAsync(p));
        Assert.Equal(1, await Told(p.Mentee.Id, "Your mentorship with Maria Planned is completed"));
        Assert.Equal(1, await Told(p.Mentor.Id, "Your mentorship with Tom Planned is completed"));
        Assert.Null(await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == p.Id).Select(m => m.ClosedBy).SingleAsync()));
    }

    [Fact]
    public async Task AnExtension_MovesTheEnd_AndTheNewEndGetsItsOwnNotice()
    {
        var p = await app.ActivePairAsync("Maria Extends", "Tom Extends");
        var end = await PlannedEndAsync(p.Id);
        await Node(At(end.AddDays(-5))).RunOnceAsync(default);
        Assert.Equal(1, await Told(p.Mentee.Id, "Your mentorship with Maria Extends ends in a week"));

        Assert.Equal(HttpStatusCode.OK, (await p.Mentee.PostAsync($"/api/v1/mentorships/{p.Id}/extend", new { months = 2 })).StatusCode);
        await Node(At(end)).RunOnceAsync(default);
        Assert.Equal(MentorshipStatus.Active, await app.StatusAsync(p.Id));

        await Node(At(end.AddMonths(2).AddDays(-2))).RunOnceAsync(default);
        Assert.Equal(2, await Told(p.Mentee.Id, "Your mentorship with Maria Extends ends in a week"));
        await Node(At(end.AddMonths(2))).RunOnceAsync(default);
        Assert.Equal(MentorshipStatus.Completed, await app.StatusAsync(p.Id));
    }

    [Fact]
    public async Task APausedMentorship_StillCompletesAtItsPlannedEnd()
    {
        var p = await app.ActivePairAsync("Maria Still", "Tom Still");
        var end = await PlannedEndAsync(p.Id);
        Assert.Equal(HttpStatusCode.OK, (await p.Mentee.PostAsync($"/api/v1/mentorships/{p.Id}/pause")).StatusCode);

        await Node(At(end)).RunOnceAsync(default);

        Assert.Equal(MentorshipStatus.Completed, await app.StatusAsync(p.Id));
        Assert.Equal((0, 0), await app.SlotsAsync(p));
    }

    [Fact]
    public async Task SeveralNodesAtOnce_CompleteAndNotifyEachMentorshipExactlyOnce()
    {
        var pairs = new List<Pair>();
        for (var i = 0; i < 3; i++) pairs.Add(await app.ActivePairAsync($"Maria Node {i}", $"Tom Node {i}"));
        var end = await PlannedEndAsync(pairs[0].Id);
        await Node(At(end.AddDays(-30))).RunOnceAsync(default); // plans every end first, so the nodes race on the completion itself

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Node(At(end, 12)).RunOnceAsync(default)));

        foreach (var p in pairs)
        {
            Assert.Equal(MentorshipStatus.Completed, await app.StatusAsync(p.Id));
            Assert.Equal((0, 0), await app.SlotsAsync(p));
            Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.MemberId == p.Mentee.Id && n.Title.EndsWith("is completed"))));
        }
        Assert.True(outcomes.Sum(o => o.Completed) >= 3);
    }

    private Task<DateOnly> PlannedEndAsync(Guid id) => app.WithDbAsync(async db =>
    {
        var m = await db.Mentorships.Include(x => x.Versions).SingleAsync(x => x.Id == id);
        return m.PlannedEnd!.Value;
    });

    private Task<int> Told(Guid member, string title) =>
        app.WithDbAsync(db => db.Notifications.CountAsync(n => n.MemberId == member && n.Kind == NotificationKind.MentorshipChanged && n.Title == title));
}
