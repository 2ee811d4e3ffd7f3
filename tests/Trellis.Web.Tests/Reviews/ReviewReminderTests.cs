using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Reviews;

namespace Trellis.Web.Tests.Reviews;

public sealed class ReviewReminderTests(KeepingApp app) : IClassFixture<KeepingApp>
{
    private ReviewReminders Job(FakeTimeProvider clock) => new(app.Services.GetRequiredService<IServiceScopeFactory>(), clock);

    private Task<int> RemindersAsync(Guid memberId) =>
        app.WithDbAsync(db => db.Notifications.CountAsync(n => n.MemberId == memberId && n.Kind == NotificationKind.ReviewDue));

    [Fact]
    public async Task ADueReview_RemindsEachMemberExactlyOnce_HoweverOftenAndOnHowManyNodesTheJobRuns()
    {
        var (mentor, mentee, id) = await app.ActiveAsync("Maria Reminded", "Tom Reminded");
        var now = DateTimeOffset.UtcNow;
        // Three-monthly reviews; the first is due in two days.
        await app.StartedAtAsync(id, now.AddMonths(-3).AddDays(2));
        var clock = new FakeTimeProvider(now);

        await Job(clock).RunOnceAsync(default);
        await Job(clock).RunOnceAsync(default);
        var scheduled = await app.WithDbAsync(db => db.Reviews.SingleAsync(r => r.MentorshipId == id));
        Assert.True((scheduled.DueAt - now.AddMonths(-3).AddDays(2).AddMonths(3)).Duration() < TimeSpan.FromSeconds(1), $"due {scheduled.DueAt}");
        Assert.Equal(0, await RemindersAsync(mentee.Id));
        Assert.Equal(0, await RemindersAsync(mentor.Id));

        clock.Advance(TimeSpan.FromDays(3));
        await Job(clock).RunOnceAsync(default);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Job(clock).RunOnceAsync(default)));
        clock.Advance(TimeSpan.FromDays(10));
        await Job(clock).RunOnceAsync(default);

        Assert.Equal(1, await RemindersAsync(mentee.Id));
        Assert.Equal(1, await RemindersAsync(mentor.Id));
        var reminder = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.MemberId == mentee.Id && n.Kind == NotificationKind.ReviewDue));
        Assert.Equal("Time for a review of your mentorship with Maria Reminded", reminder.Title);
        Assert.Equal($"/Mentorships/{id}/Reviews", reminder.Link);
        Assert.Equal(1, await app.WithDbAsync(db => db.Reviews.CountAsync(r => r.MentorshipId == id)));
        await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == mentee.Member.Email) && (m.Subject ?? "").Contains("Time for a review", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(MentorshipStatus.Paused)]
    [InlineData(MentorshipStatus.Ended)]
    [InlineData(MentorshipStatus.Completed)]
    public async Task AMentorshipThatIsNotActive_GetsNoReminder(MentorshipStatus status)
    {
        var (mentor, mentee, id) = await app.ActiveAsync($"Maria {status}", $"Tom {status}");
        var now = DateTimeOffset.UtcNow;
        await app.StartedAtAsync(id, now.AddMonths(-3).AddDays(2));
        var clock = new FakeTimeProvider(now);
        await Job(clock).RunOnceAsync(default); // scheduled while active
        await app.SetStatusAsync(id, status);

        clock.Advance(TimeSpan.FromDays(30));
        await Job(clock).RunOnceAsync(default);

        Assert.Equal(0, await RemindersAsync(mentee.Id));
        Assert.Equal(0, await RemindersAsync(mentor.Id));
    }

    [Fact]
    public async Task AMemberWhoAnsweredAlready_IsNotReminded()
    {
        var (mentor, mentee, id) = await app.ActiveAsync("Maria Early", "Tom Early");
        await app.ReviewDueAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await mentee.AnswerReviewAsync(id, KeepingBuilders.Answer(4))).StatusCode);

        await Job(new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(1))).RunOnceAsync(default);

        Assert.Equal(0, await RemindersAsync(mentee.Id));
        Assert.Equal(1, await RemindersAsync(mentor.Id));
    }

    [Fact]
    public async Task AfterACompletedReview_TheNextIsScheduledFromIt()
    {
        var (mentor, mentee, id) = await app.ActiveAsync("Maria Next", "Tom Next");
        await app.ReviewDueAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await mentee.AnswerReviewAsync(id, KeepingBuilders.Answer(4))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mentor.AnswerReviewAsync(id, KeepingBuilders.Answer(4))).StatusCode);
        var completedAt = await app.WithDbAsync(db => db.Reviews.Where(r => r.MentorshipId == id).Select(r => r.CompletedAt).SingleAsync());

        await Job(new FakeTimeProvider(DateTimeOffset.UtcNow)).RunOnceAsync(default);

        var next = await app.WithDbAsync(db => db.Reviews.SingleAsync(r => r.MentorshipId == id && r.CompletedAt == null));
        Assert.Equal(completedAt!.Value.AddMonths(3), next.DueAt);
    }
}
