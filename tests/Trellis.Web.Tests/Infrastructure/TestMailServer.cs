using System.Net;
using MimeKit;
using netDumbster.smtp;

namespace Trellis.Web.Tests.Infrastructure;

/// <summary>A real SMTP server on loopback; the app delivers to it exactly as it would to a real one.</summary>
public sealed class TestMailServer : IDisposable
{
    private readonly SimpleSmtpServer _server;
    private readonly System.Collections.Concurrent.ConcurrentQueue<MimeMessage> _received = new();

    public TestMailServer()
    {
        _server = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();
        // Collect as messages arrive: enumerating the server's own store while it receives is not safe.
        _server.MessageReceived += (_, e) =>
            _received.Enqueue(MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(e.Message.Data))));
    }

    public int Port => _server.Configuration.Port;

    public IReadOnlyList<MimeMessage> Messages => [.. _received];

    public IReadOnlyList<MimeMessage> To(string address) =>
        Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits for the outbox worker to deliver a message matching the predicate.</summary>
    /// <param name="seen">Message-IDs to pass over (e.g. a confirmation sent to the same address before);
    /// the server keeps messages in no particular order, so "the second one" cannot be asked for.</param>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, IReadOnlySet<string>? seen = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            var found = Messages.Where(m => seen is null || !seen.Contains(m.MessageId ?? "")).FirstOrDefault(match);
            if (found is not null) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No matching e-mail arrived; received {Messages.Count}: {string.Join(" | ", Messages.Select(m => $"{m.To} {m.Subject}"))}");
    }

    public void Dispose() => _server.Dispose();
}

public static class MimeMessageExtensions
{
    public static string Text(this MimeMessage message) => message.TextBody ?? "";
}
