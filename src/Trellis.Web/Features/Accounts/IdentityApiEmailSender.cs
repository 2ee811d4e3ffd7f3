using Microsoft.AspNetCore.Identity;
using Trellis.Web.Infrastructure;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Email;

namespace Trellis.Web.Features.Accounts;

/// <summary>
/// E-mails for Identity's API endpoints (/api/v1/auth/*), sent through the outbox. The links Identity
/// builds come from the request's Host header; only their path and query are kept, behind our own base URL.
/// Identity resolves it once from the root provider, so it opens a scope per e-mail.
/// </summary>
public sealed class IdentityApiEmailSender(IServiceScopeFactory scopes, SiteLinks links, TimeProvider time) : IEmailSender<Member>
{
    public Task SendConfirmationLinkAsync(Member user, string email, string confirmationLink) =>
        Enqueue(email, Emails.ConfirmEmail(NameOf(user), Rebase(confirmationLink)));

    public Task SendPasswordResetLinkAsync(Member user, string email, string resetLink) =>
        Enqueue(email, Emails.ResetPassword(NameOf(user), Rebase(resetLink)));

    public Task SendPasswordResetCodeAsync(Member user, string email, string resetCode) =>
        Enqueue(email, Emails.ResetPassword(NameOf(user), $"{links.Absolute("/Accounts/ResetPassword")}?code={Uri.EscapeDataString(resetCode)}"));

    private async Task Enqueue(string to, EmailContent content)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        db.OutboxMessages.Add(OutboxMessage.Email(to, content, time.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    /// <summary>Identity hands over the link HTML-encoded (for an HTML body); our e-mails encode it themselves.</summary>
    private string Rebase(string link)
    {
        var decoded = System.Net.WebUtility.HtmlDecode(link);
        return Uri.TryCreate(decoded, UriKind.Absolute, out var uri) ? links.Absolute(uri.PathAndQuery) : decoded;
    }

    private static string NameOf(Member user) => string.IsNullOrWhiteSpace(user.DisplayName) ? "there" : user.DisplayName;
}
