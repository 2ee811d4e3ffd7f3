using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Trellis.Web.Infrastructure;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Email;

namespace Trellis.Web.Features.Accounts;

/// <summary>
/// Builds the account e-mails (confirm, change e-mail, reset) and adds them to the outbox in the
/// caller's DbContext; the caller saves, so the e-mail commits with whatever caused it.
/// </summary>
public sealed class AccountEmails(UserManager<Member> users, TrellisDbContext db, SiteLinks links, TimeProvider time)
{
    public async Task QueueConfirmationAsync(Member member)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(member));
        var link = links.Absolute($"/Accounts/ConfirmEmail?userId={member.Id}&code={code}");
        Queue(member.Email!, Emails.ConfirmEmail(member.DisplayName, link));
    }

    public async Task QueueEmailChangeAsync(Member member, string newEmail)
    {
        var code = Encode(await users.GenerateChangeEmailTokenAsync(member, newEmail));
        var link = links.Absolute($"/Accounts/ConfirmEmailChange?userId={member.Id}&email={Uri.EscapeDataString(newEmail)}&code={code}");
        Queue(newEmail, Emails.ConfirmEmailChange(member.DisplayName, link));
    }

    public async Task QueuePasswordResetAsync(Member member)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(member));
        // No e-mail address in the link: URLs end up in logs and browser histories.
        var link = links.Absolute($"/Accounts/ResetPassword?code={code}");
        Queue(member.Email!, Emails.ResetPassword(member.DisplayName, link));
    }

    /// <summary>Someone registered with an address that has an account: its owner is told, the registrant is not.</summary>
    public void QueueAlreadyRegistered(Member member) =>
        Queue(member.Email!, Emails.AlreadyRegistered(member.DisplayName, links.Absolute("/Accounts/SignIn"), links.Absolute("/Accounts/ForgotPassword")));

    public void QueuePasswordChanged(Member member) => Queue(member.Email!, Emails.PasswordChanged(member.DisplayName));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }

    private void Queue(string to, EmailContent content) => db.OutboxMessages.Add(OutboxMessage.Email(to, content, time.GetUtcNow()));

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
}
