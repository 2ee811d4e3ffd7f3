using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Trellis.Web.Features.CheckIns;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Infrastructure;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Timeline;

namespace Trellis.Web.Tests.CheckIns;

/// <summary>Who is e-mailed when, and when an unanswered check-in becomes overdue.</summary>
public sealed class CheckInUrgencyTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    private const string Subject = "is facing a challenge";

    [Fact]
    public async Task AMentorWhoChoseTheDigest_IsEmailedAtOnceForToday_ButNotForThisWeek()
    {
        var w = await app.ActiveAsync("Digest");
        (await w.Mentor.Api.PutAsJsonAsync("/api/v1/me/notifications/preferences", new[] { new { kind = "CheckIn", frequency = "DailyDigest" } })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Created, (await w.Mentee.PostJsonAsync($"/api/v1/mentorships/{w.Id}/checkins", new { text = "Can wait a few days", urgency = "ThisWeek" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await w.Mentee.PostJsonAsync($"/api/v1/mentorships/{w.Id}/checkins", new { text = "Can wait for our call", urgency = "CanWaitForNextMeeting" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await w.Mentee.PostJsonAsync($"/api/v1/mentorships/{w.Id}/checkins", new { text = "Interview in three hours", urgency = "Today" })).StatusCode);

        var notifications = await app.WithDbAsync(db => db.Notifications.Where(n => n.MemberId == w.Mentor.Id && n.Kind == NotificationKind.CheckIn)
            .OrderBy(n => n.CreatedAt).Select(n => n.Email).ToListAsync());
        Assert.Equal(new[] { EmailDelivery.PendingDigest, EmailDelivery.PendingDigest, EmailDelivery.Sent }, notifications);
        Assert.Single(await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == w.Mentor.Member.Email && m.Subject.Contains(Subject)).ToListAsync()));

        var mail = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == w.Mentor.Member.Email) && (m.Subject ?? "").Contains(Subject, StringComparison.Ordinal),
            timeout: TimeSpan.FromSeconds(60)); // the outbox backs off if the test SMTP server hiccups under load
        Assert.Contains("Urgency: today", mail.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Interview", mail.Text(), StringComparison.Ordinal);
        await Task.Delay(500); // give the outbox worker time to send anything else it (wrongly) had
        Assert.Single(app.Mail.To(w.Mentor.Member.Email), m => (m.Subject ?? "").Contains(Subject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMentorWhoChoseNever_GetsNoEmailEvenForToday_ButTheNotification()
    {
        var w = await app.ActiveAsync("Never");
        (await w.Mentor.Api.PutAsJsonAsync("/api/v1/me/notifications/preferences", new[] { new { kind = "CheckIn", frequency = "Never" } })).EnsureSuccessStatusCode();
        await w.Mentee.PostJsonAsync($"/api/v1/mentorships/{w.Id}/checkins", new { text = "Urgent", urgency = "Today" });
        var told = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.MemberId == w.Mentor.Id && n.Kind == NotificationKind.CheckIn));
        Assert.Equal(EmailDelivery.None, told.Email);
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.To == w.Mentor.Member.Email && m.Subject.Contains(Subject))));
    }

    [Fact]
    public async Task Overdue_FollowsTheUrgency_AndTheAgreementsResponseTime()
    {
        var w = await app.ActiveAsync("Clock", a => a["responseWithinDays"] = 10);
        var t0 = DateTimeOffset.UtcNow.AddDays(-30);
        var clock = new FakeTimeProvider(t0);
        var today = await RaiseAsync(clock, w, CheckInUrgency.Today);
        var thisWeek = await RaiseAsync(clock, w, CheckInUrgency.ThisWeek);
        var canWait = await RaiseAsync(clock, w, CheckInUrgency.CanWaitForNextMeeting);

        Assert.Equal(t0.AddHours(24), today.AnswerDueAt);
        Assert.Equal(t0.AddDays(7), thisWeek.AnswerDueAt); // the agreement allows 10 days, "this week" caps it at 7
        Assert.Null(canWait.AnswerDueAt);

        clock.SetUtcNow(t0.AddHours(24).AddMinutes(-1));
        Assert.DoesNotContain(await WaitingAsync(clock, w.Mentor.Id), c => c.Overdue);
        clock.SetUtcNow(t0.AddHours(24).AddMinutes(1));
        Assert.Equal(new[] { today.Id }, (await WaitingAsync(clock, w.Mentor.Id)).Where(c => c.Overdue).Select(c => c.CheckInId));
        clock.SetUtcNow(t0.AddDays(60));
        var waiting = await WaitingAsync(clock, w.Mentor.Id);
        Assert.Equal(new[] { today.Id, thisWeek.Id, canWait.Id }, waiting.Select(c => c.CheckInId)); // overdue first, by deadline; "can wait" last
        Assert.Equal(new[] { true, true, false }, waiting.Select(c => c.Overdue));

        // Answered check-ins are not overdue, and no longer wait on the mentor (they wait on the mentee to resolve).
        await WithHandlersAsync(clock, async (h, access) =>
            await h.AnswerAsync((await access.FindAsync(w.Mentor.Id, w.Id, default))!, today.Id, new AnswerCheckIn("Here is what I'd do."), default));
        Assert.Equal(new[] { thisWeek.Id, canWait.Id }, (await WaitingAsync(clock, w.Mentor.Id)).Select(c => c.CheckInId));
        Assert.Equal(new[] { today.Id }, (await WaitingAsync(clock, w.Mentee.Id)).Select(c => c.CheckInId));
    }

    [Fact]
    public async Task TheMentorsDashboard_FlagsOverdueCheckIns_First()
    {
        var w = await app.ActiveAsync("Dash");
        // Raised two days ago "for today": overdue by now. Then a fresh one, which is not.
        var old = await RaiseAsync(new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-2)), w, CheckInUrgency.Today);
        Assert.Equal(HttpStatusCode.Created, (await w.Mentee.PostJsonAsync($"/api/v1/mentorships/{w.Id}/checkins", new { text = "Fresh", urgency = "ThisWeek" })).StatusCode);

        var html = await w.Mentor.Member.Browser.GetStringAsync("/Dashboard");
        var panel = Regex.Match(html, "<article aria-labelledby=\"checkins-dashboard-heading\".*?</article>", RegexOptions.Singleline).Value;
        var items = Regex.Matches(panel, "<li.*?</li>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        Assert.Equal(2, items.Count);
        Assert.Contains("Overdue", items[0], StringComparison.Ordinal);
        Assert.Contains($"#checkin-{old.Id}", items[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Overdue", items[1], StringComparison.Ordinal);
        Assert.Contains("Tom Dash asks for guidance", items[1], StringComparison.Ordinal);

        // The mentee's dashboard has nothing waiting on them yet.
        var menteeHtml = await w.Mentee.Member.Browser.GetStringAsync("/Dashboard");
        Assert.Contains("id=\"checkins-dashboard\"", menteeHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("asks for guidance", menteeHtml, StringComparison.Ordinal);

        // The mentorship page's summary counts it.
        var details = await w.Mentor.Member.Browser.GetStringAsync($"/Mentorships/{w.Id}");
        Assert.Contains("2 waiting for an answer (1 overdue)", details, StringComparison.Ordinal);
    }

    private async Task<CheckInView> RaiseAsync(TimeProvider clock, Workspace w, CheckInUrgency urgency)
    {
        var result = await WithHandlersAsync(clock, async (h, access) =>
            await h.RaiseAsync((await access.FindAsync(w.Mentee.Id, w.Id, default))!, new RaiseCheckIn($"Stuck ({urgency})", urgency), default));
        Assert.True(result.IsSuccess, result.Error?.Detail);
        return result.Value!;
    }

    private Task<IReadOnlyList<WaitingCheckIn>> WaitingAsync(TimeProvider clock, Guid me) => WithHandlersAsync(clock, (h, _) => h.WaitingOnAsync(me, default));

    /// <summary>The handlers as the app builds them, but reading the given clock.</summary>
    private async Task<T> WithHandlersAsync<T>(TimeProvider clock, Func<CheckInHandlers, MentorshipAccess, Task<T>> act)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TrellisDbContext>();
        var handlers = new CheckInHandlers(db, new Notifier(db, clock, services.GetRequiredService<SiteLinks>(), services.GetRequiredService<Trellis.Web.Features.Notifications.Unsubscribe>()), clock);
        return await act(handlers, services.GetRequiredService<MentorshipAccess>());
    }
}
