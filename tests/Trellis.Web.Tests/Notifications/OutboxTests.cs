using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Trellis.Web.Infrastructure.Email;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Notifications;

/// <summary>An app whose outbox worker is "down": e-mails are committed, and nothing sends them until a test does.</summary>
public sealed class AppWithoutOutboxWorker : TrellisApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Email:RunWorker"] = "false" };
}

public sealed class OutboxTests(AppWithoutOutboxWorker app) : IClassFixture<AppWithoutOutboxWorker>
{
    [Fact]
    public async Task AnEmailCommittedWhileNoWorkerRuns_IsDeliveredLater_ExactlyOnce()
    {
        var email = Members.NewEmail("later");
        await app.Browser().PostAsync("/Accounts/Register", new { Input__Name = "Later", Input__Email = email, Input__Password = Members.GoodPassword });
        await Task.Delay(300);
        Assert.Empty(app.Mail.To(email));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == email && m.SentAt == null)));

        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        Assert.True(await dispatcher.DispatchDueAsync(default) >= 1);
        Assert.Equal(0, await dispatcher.DispatchDueAsync(default));

        var delivered = app.Mail.To(email);
        Assert.Single(delivered);
        var message = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.To == email));
        Assert.NotNull(message.SentAt);
        Assert.Equal($"{message.Id:N}@trellis", delivered[0].MessageId);
    }

    [Fact]
    public async Task TwoDispatchersRunningAtOnce_SendEachMessageExactlyOnce()
    {
        var batch = Guid.NewGuid().ToString("N")[..8];
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 20; i++)
                db.OutboxMessages.Add(OutboxMessage.Email($"node{i}.{batch}@example.org", new EmailContent($"Hello {i}", "Body"), DateTimeOffset.UtcNow.AddSeconds(-1)));
            await db.SaveChangesAsync();
        });
        var first = app.Services.GetRequiredService<OutboxDispatcher>();
        var second = new OutboxDispatcher(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<IMailTransport>(),
            app.Services.GetRequiredService<IOptions<EmailOptions>>(), TimeProvider.System, NullLogger<OutboxDispatcher>.Instance);

        var sent = await Task.WhenAll(first.DispatchDueAsync(default), second.DispatchDueAsync(default), first.DispatchDueAsync(default));

        Assert.Equal(20, sent.Sum());
        var received = app.Mail.Messages.Where(m => m.To.Mailboxes.Single().Address.EndsWith($".{batch}@example.org", StringComparison.Ordinal)).ToList();
        Assert.Equal(20, received.Count);
        Assert.Equal(20, received.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task WhenSmtpIsDown_TheMessageWaitsWithBackOff_AndIsSentOnceItIsBack()
    {
        var to = Members.NewEmail("retry");
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds())); // PostgreSQL keeps microseconds
        await app.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(OutboxMessage.Email(to, new EmailContent("Retry me", "Body"), clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var downOptions = Options.Create(new EmailOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = ClosedPort(), Security = MailKit.Security.SecureSocketOptions.None } });
        var down = new OutboxDispatcher(scopes, new SmtpMailTransport(downOptions), downOptions, clock, NullLogger<OutboxDispatcher>.Instance);
        var up = new OutboxDispatcher(scopes, app.Services.GetRequiredService<IMailTransport>(), app.Services.GetRequiredService<IOptions<EmailOptions>>(), clock, NullLogger<OutboxDispatcher>.Instance);

        Assert.Equal(0, await down.DispatchDueAsync(default));
        var afterFirst = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.To == to));
        Assert.Equal(1, afterFirst.Attempts);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(10), afterFirst.NextAttemptAt);
        Assert.StartsWith("SocketException", afterFirst.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(to, afterFirst.LastError!, StringComparison.Ordinal);

        Assert.Equal(0, await up.DispatchDueAsync(default)); // not due yet: the back-off holds
        Assert.Empty(app.Mail.To(to));

        clock.Advance(TimeSpan.FromSeconds(11));
        await down.DispatchDueAsync(default);
        Assert.Equal(2, await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == to).Select(m => m.Attempts).SingleAsync()));

        clock.Advance(TimeSpan.FromSeconds(21));
        Assert.Equal(1, await up.DispatchDueAsync(default));
        Assert.Single(app.Mail.To(to));
    }

    [Fact]
    public void BackOff_DoublesFromTenSeconds_UpToAnHour()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), OutboxMessage.BackOff(1));
        Assert.Equal(TimeSpan.FromSeconds(20), OutboxMessage.BackOff(2));
        Assert.Equal(TimeSpan.FromSeconds(80), OutboxMessage.BackOff(4));
        Assert.Equal(TimeSpan.FromHours(1), OutboxMessage.BackOff(20));
    }

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
