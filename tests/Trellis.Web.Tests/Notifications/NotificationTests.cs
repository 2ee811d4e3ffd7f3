using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Notifications;

public sealed class NotificationTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task Publish_FollowsTheMembersChoice_Immediately_Never_OrDigest()
    {
        var member = await app.SignedInAsync("Pref Setter");
        var api = await app.ApiAsync(member);
        var set = await api.PutAsJsonAsync("/api/v1/me/notifications/preferences", new[]
        {
            new { kind = "MentorshipRequest", frequency = "Immediately" },
            new { kind = "MeetingChanged", frequency = "Never" },
            new { kind = "NewMessage", frequency = "DailyDigest" },
        });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        await Publish(member.Id, NotificationKind.MentorshipRequest, "Lina asks you to mentor her");
        await Publish(member.Id, NotificationKind.MeetingChanged, "A meeting moved");
        await Publish(member.Id, NotificationKind.NewMessage, "New message from Lina");
        await Publish(member.Id, NotificationKind.NewMessage, "Another message from Lina");

        await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == member.Email) && m.Subject == "Lina asks you to mentor her");
        await Task.Delay(400);
        var mails = app.Mail.To(member.Email).Select(m => m.Subject).ToList();
        Assert.DoesNotContain("A meeting moved", mails);
        Assert.DoesNotContain("New message from Lina", mails);

        // The digest goes out from 08:00 in the member's zone (UTC here), once a day, with both messages.
        // The clock is set to yesterday so the digest e-mail is already due for the real-time outbox worker.
        var today = DateTimeOffset.UtcNow.Date.AddDays(-1);
        var clock = new FakeTimeProvider(new DateTimeOffset(today.AddHours(7).AddMinutes(59).AddTicks(1234567), TimeSpan.Zero));
        var digest = new DigestSender(app.Services.GetRequiredService<IServiceScopeFactory>(), clock);
        Assert.Equal(0, await digest.SendDueAsync(default));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await digest.SendDueAsync(default));
        Assert.Equal(0, await digest.SendDueAsync(default));

        var digestMail = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == member.Email) && (m.Subject ?? "").StartsWith("Your Trellis digest", StringComparison.Ordinal));
        Assert.Contains("New message from Lina", digestMail.Text(), StringComparison.Ordinal);
        Assert.Contains("Another message from Lina", digestMail.Text(), StringComparison.Ordinal);
        Assert.Equal("Your Trellis digest: 2 updates", digestMail.Subject);

        var list = await api.GetFromJsonAsync<JsonObject>("/api/v1/me/notifications");
        Assert.Equal(5, (int?)list!["unread"]); // welcome + the four above: all in the centre, whatever the e-mail choice
    }

    [Fact]
    public async Task MarkRead_WorksOnMyNotification_AndIs404ForAnyoneElses()
    {
        var owner = await app.SignedInAsync("Owner Notes");
        var other = await app.ApiAsync(await app.SignedInAsync("Nosy Member"));
        var ownerApi = await app.ApiAsync(owner);
        var id = await app.WithDbAsync(db => db.Notifications.Where(n => n.MemberId == owner.Id).Select(n => n.Id).FirstAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/me/notifications/{id}/read", null)).StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == id).Select(n => n.ReadAt).SingleAsync()));

        Assert.Equal(HttpStatusCode.NoContent, (await ownerApi.PostAsync($"/api/v1/me/notifications/{id}/read", null)).StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == id).Select(n => n.ReadAt).SingleAsync()));
    }

    [Fact]
    public async Task UnreadBadge_ShowsInTheLayout_AndClearsWhenRead()
    {
        var member = await app.SignedInAsync("Badge Reader");
        Assert.Contains("id=\"unread-badge\"", await member.Browser.GetStringAsync("/Dashboard"), StringComparison.Ordinal);
        var read = await member.Browser.PostAsync("/Notifications", Array.Empty<KeyValuePair<string, string>>(), handler: "ReadAll");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.Equal("/Notifications", read.Headers.Location?.OriginalString);
        Assert.Equal(0, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.MemberId == member.Id && n.ReadAt == null)));
        Assert.DoesNotContain("id=\"unread-badge\"", await member.Browser.GetStringAsync("/Dashboard"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preferences_CannotTurnOffAccountEmails_AndABadKindChangesNothing()
    {
        var member = await app.SignedInAsync("Pref Bad");
        var api = await app.ApiAsync(member);
        var response = await api.PutAsJsonAsync("/api/v1/me/notifications/preferences", new[] { new { kind = "Account", frequency = "Never" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(problem!["errors"]!.AsObject().ContainsKey("[0].kind"));
        Assert.Equal(0, await app.WithDbAsync(db => db.NotificationPreferences.CountAsync(p => p.MemberId == member.Id)));
    }

    private async Task Publish(Guid memberId, NotificationKind kind, string title)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        await notifier.PublishAsync(memberId, kind, title, "Details inside Trellis.", "/Dashboard");
        await scope.ServiceProvider.GetRequiredService<TrellisDbContext>().SaveChangesAsync();
    }
}
