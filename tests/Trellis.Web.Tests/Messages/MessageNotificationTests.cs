using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Messages;

/// <summary>E-mail about unread messages through the real outbox and SMTP server: one per burst, never the text.</summary>
public sealed class MessageNotificationTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    private static async Task ChooseAsync(Person who, EmailFrequency frequency) =>
        (await who.Api.PutAsJsonAsync("/api/v1/me/notifications/preferences", new[] { new { kind = "NewMessage", frequency = frequency.ToString() } }))
            .EnsureSuccessStatusCode();

    private List<MimeKit.MimeMessage> MessageMails(Person to) =>
        app.Mail.To(to.Member.Email).Where(m => (m.Subject ?? "").Contains("sent you a message", StringComparison.Ordinal)).ToList();

    private Task<int> NotificationsAsync(Person to) =>
        app.WithDbAsync(db => db.Notifications.CountAsync(n => n.MemberId == to.Id && n.Kind == NotificationKind.NewMessage));

    [Fact]
    public async Task FiveQuickMessages_WithImmediateEmail_SendExactlyOneEmail_WhichDoesNotQuoteThem()
    {
        var pair = await app.PairAsync("Maria Burst", "Tom Burst");
        await ChooseAsync(pair.Mentor, EmailFrequency.Immediately);

        for (var i = 1; i <= 5; i++) await pair.Mentee.SentAsync(pair.Id, $"Secret plan, part {i}");

        var mail = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == pair.Mentor.Member.Email) && m.Subject == "Tom Burst sent you a message");
        await Task.Delay(1500); // long enough for the outbox (polling every 100 ms) to send any others
        Assert.Single(MessageMails(pair.Mentor));
        Assert.Equal(1, await NotificationsAsync(pair.Mentor));
        Assert.Contains($"https://trellis.test/Mentorships/{pair.Id}/Messages", mail.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Secret plan", mail.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Secret plan", mail.HtmlBody ?? "", StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == pair.Mentor.Id && n.Body.Contains("Secret plan"))));
        // The sender is not told about their own messages.
        Assert.Equal(0, await NotificationsAsync(pair.Mentee));
    }

    [Fact]
    public async Task OnceTheMemberHasRead_AndLeft_TheNextMessageNotifiesAgain_ButNotWhileTheyAreReading()
    {
        var pair = await app.PairAsync("Maria Again", "Tom Again");
        await ChooseAsync(pair.Mentor, EmailFrequency.Immediately);
        await pair.Mentee.SentAsync(pair.Id, "first");
        Assert.Equal(1, await NotificationsAsync(pair.Mentor));

        // Maria reads, and is still in the conversation when Tom answers: it reaches her live, no e-mail.
        Assert.Equal(HttpStatusCode.NoContent, (await pair.Mentor.Api.PostAsync($"{pair.Messages}/read", null)).StatusCode);
        await pair.Mentee.SentAsync(pair.Id, "second");
        Assert.Equal(1, await NotificationsAsync(pair.Mentor));

        // She read it three minutes ago and has gone: the next message tells her again.
        await app.WithDbAsync(db => db.ConversationReads.Where(r => r.MentorshipId == pair.Id && r.MemberId == pair.Mentor.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReadAt, DateTimeOffset.UtcNow.AddMinutes(-3)).SetProperty(r => r.NotifiedAt, (DateTimeOffset?)null)));
        await pair.Mentee.SentAsync(pair.Id, "third");
        await pair.Mentee.SentAsync(pair.Id, "fourth");
        Assert.Equal(2, await NotificationsAsync(pair.Mentor));
        await app.Mail.WaitForAsync(_ => MessageMails(pair.Mentor).Count == 2);
    }

    [Fact]
    public async Task WithADailyDigest_NoImmediateEmail_AndOneLineInTheDigest()
    {
        var pair = await app.PairAsync("Maria Digest", "Tom Digest");
        await ChooseAsync(pair.Mentor, EmailFrequency.DailyDigest);

        for (var i = 1; i <= 5; i++) await pair.Mentee.SentAsync(pair.Id, $"Private thought {i}");
        await Task.Delay(1500);

        Assert.Empty(MessageMails(pair.Mentor));
        var pending = await app.WithDbAsync(db => db.Notifications.Where(n => n.MemberId == pair.Mentor.Id && n.Kind == NotificationKind.NewMessage).ToListAsync());
        Assert.Equal(EmailDelivery.PendingDigest, Assert.Single(pending).Email);

        // Tomorrow at noon UTC is past 08:00 in the mentor's zone (Lisbon): the digest is written.
        var digest = new DigestSender(app.Services.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(DateTimeOffset.UtcNow.Date.AddDays(1).AddHours(12)));
        await digest.SendDueAsync(default);
        var email = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.To == pair.Mentor.Member.Email && m.Subject.StartsWith("Your Trellis digest")));
        Assert.Contains("Tom Digest sent you a message", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Private thought", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithNever_NoEmailAtAll_ButTheNotificationCentreShowsIt()
    {
        var pair = await app.PairAsync("Maria Never", "Tom Never");
        await ChooseAsync(pair.Mentor, EmailFrequency.Never);
        await pair.Mentee.SentAsync(pair.Id, "hello");
        await Task.Delay(1000);
        Assert.Empty(MessageMails(pair.Mentor));
        Assert.Equal(1, await NotificationsAsync(pair.Mentor));
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.To == pair.Mentor.Member.Email && m.Subject.Contains("sent you a message"))));
    }
}
