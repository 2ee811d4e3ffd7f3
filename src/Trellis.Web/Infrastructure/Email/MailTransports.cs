using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Infrastructure.Email;

public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

public sealed class EmailOptions
{
    public string From { get; set; } = "Trellis <no-reply@trellis.local>";
    /// <summary>Where .eml files go when no SMTP host is configured (relative to the data folder).</summary>
    public string DropFolder { get; set; } = "mail";
    public SmtpOptions Smtp { get; set; } = new();
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's names).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;
    public string? UserName { get; set; }
    public string? Password { get; set; }
}

public sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set."), smtp.Port, smtp.Security, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>The laptop default: each e-mail becomes an .eml file that any mail program opens.</summary>
public sealed class DropFolderMailTransport(IOptions<EmailOptions> options, DataDirectory data) : IMailTransport
{
    public string Folder => data.Resolve(options.Value.DropFolder);

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        // Named after the outbox id, and written to a temporary name first: a retry after a crash
        // replaces the same file instead of leaving a second copy or half a file.
        var name = (message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0];
        var path = Path.Combine(Folder, $"{name}.eml");
        var temp = path + ".tmp";
        await message.WriteToAsync(temp, ct);
        File.Move(temp, path, overwrite: true);
    }
}
