using System.Net;

namespace Trellis.Web.Infrastructure.Email;

/// <summary>Every e-mail Trellis writes, in one place, each as plain text plus a simple HTML part.</summary>
public static class Emails
{
    public static EmailContent ConfirmEmail(string name, string link) => Build(
        "Confirm your e-mail address for Trellis",
        $"Hello {name},\n\nWelcome to Trellis. Please confirm your e-mail address by opening this link:\n\n{link}\n\nIf you did not create an account, you can ignore this message.",
        link, "Confirm my e-mail");

    public static EmailContent ConfirmEmailChange(string name, string link) => Build(
        "Confirm your new e-mail address",
        $"Hello {name},\n\nYou asked to change the e-mail address of your Trellis account to this one. Confirm it here:\n\n{link}\n\nIf this was not you, ignore this message: nothing changes until the link is opened.",
        link, "Confirm the new address");

    public static EmailContent ResetPassword(string name, string link) => Build(
        "Reset your Trellis password",
        $"Hello {name},\n\nSomeone (hopefully you) asked to reset the password of your Trellis account. Choose a new one here:\n\n{link}\n\nThe link works once. If you did not ask, ignore this message; your password stays as it is.",
        link, "Choose a new password");

    public static EmailContent AlreadyRegistered(string name, string signIn, string forgotPassword) => Build(
        "You already have a Trellis account",
        $"Hello {(name.Length > 0 ? name : "there")},\n\nSomeone (hopefully you) tried to join Trellis with this e-mail address, which already has an account, so nothing was created. "
        + $"Sign in here:\n\n{signIn}\n\nForgot your password? Choose a new one here:\n\n{forgotPassword}\n\nIf this was not you, you can ignore this message.",
        signIn, "Sign in");

    public static EmailContent PasswordChanged(string name) => Build(
        "Your Trellis password was changed",
        $"Hello {name},\n\nThe password of your Trellis account was just changed, and your other sessions were signed out. If this was not you, reset your password at once.",
        null, null);

    public static EmailContent ProgrammeInvitation(string name, string programme, string role, string link, DateTimeOffset expiresAt) => Build(
        $"You are invited to {programme}",
        $"Hello{(name.Length > 0 ? " " + name : "")},\n\nThe coordinators of {programme} invite you to take part as a {role}. Open this link to enrol:\n\n{link}\n\n" +
        $"If you do not have a Trellis account yet, join Trellis with this e-mail address first, then open the link again. " +
        $"The invitation works until {expiresAt:d MMMM yyyy}. If you were not expecting it, you can ignore this message.",
        link, "Enrol");

    /// <summary>The programme's own introduction (its coordinators wrote it), then where the proposal is.</summary>
    public static EmailContent ProgrammeIntroduction(string subject, string body, string link) => Build(
        subject, $"{body}\n\nRead the proposal: {link}", link, "Read the proposal");

    /// <summary>A programme's match that starts directly: the terms it offers, to accept or decline as they stand.</summary>
    public static EmailContent ProgrammeMatch(string subject, string body, string terms, string link) => Build(
        subject, $"{body}\n\nYour programme offers you both: {terms} The mentorship starts when you have both accepted; "
                 + $"either of you can decline.\n\nAccept or decline the match: {link}", link, "Accept or decline the match");

    /// <summary>A notification e-mailed: a greeting by name, the news, the way in, and a footer that says why it came
    /// and how to stop it (the preferences page; one click for this kind, also in the List-Unsubscribe header).</summary>
    public static EmailContent Notification(string name, string title, string body, string link, EmailFooter footer) => Build(
        title, $"Hello {(name.Length > 0 ? name : "there")},\n\n{body}\n\nOpen Trellis: {link}", link, "Open Trellis", footer) with
    {
        UnsubscribeUrl = footer.OneClickUrl,
    };

    public static EmailContent Digest(IReadOnlyList<(string Title, string Body)> items, string link) => Build(
        $"Your Trellis digest: {items.Count} update{(items.Count == 1 ? "" : "s")}",
        string.Join("\n\n", items.Select(i => $"• {i.Title}\n  {i.Body}")) + $"\n\nOpen Trellis: {link}",
        link, "Open Trellis");

    private static EmailContent Build(string subject, string text, string? link, string? linkText, EmailFooter? footer = null)
    {
        // Inline styles: mail programs drop style sheets. Colours are the site's tokens (AA on white).
        var paragraphs = string.Concat(text.Split("\n\n").Select(p => $"<p style=\"margin:0 0 16px\">{WebUtility.HtmlEncode(p).Replace("\n", "<br>")}</p>"));
        var button = link is null ? "" : $"<p style=\"margin:24px 0\"><a href=\"{WebUtility.HtmlEncode(link)}\" style=\"background:#1b6e3a;color:#ffffff;"
            + $"padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600\">{WebUtility.HtmlEncode(linkText)}</a></p>";
        var why = footer is null ? "" : footer.StopUrl is null
            ? $"This is one of the {footer.What}, which always go out."
            : $"You get this e-mail because of your choice for “{footer.What}”.";
        var footerText = footer is null ? "" : $"\n\n--\n{why} Choose which e-mails you get: {footer.PreferencesUrl}"
            + (footer.StopUrl is null ? "" : $"\nStop these e-mails: {footer.StopUrl}");
        var footerHtml = footer is null ? "" : "<hr style=\"border:0;border-top:1px solid #d0d7de;margin:24px 0 12px\">"
            + $"<p style=\"font-size:13px;color:#57606a;margin:0\">{WebUtility.HtmlEncode(why)} "
            + $"<a href=\"{WebUtility.HtmlEncode(footer.PreferencesUrl)}\" style=\"color:#1b6e3a\">Choose which e-mails you get</a>"
            + (footer.StopUrl is null ? "" : $" · <a href=\"{WebUtility.HtmlEncode(footer.StopUrl)}\" style=\"color:#1b6e3a\">Stop these e-mails</a>") + "</p>";
        var html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
            + $"<title>{WebUtility.HtmlEncode(subject)}</title></head>"
            + "<body style=\"margin:0;padding:0;background:#f6f8f7\"><div style=\"max-width:600px;margin:0 auto;padding:24px;"
            + "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;background:#ffffff\">"
            + "<p style=\"margin:0 0 20px;font-weight:700;font-size:20px;color:#1b6e3a\">Trellis</p>"
            + $"{paragraphs}{button}{footerHtml}</div></body></html>";
        return new EmailContent(subject, text + footerText, html);
    }
}

/// <param name="What">The kind of e-mail, in the words of the preferences page.</param>
/// <param name="StopUrl">The page that asks, then turns this kind off; null for e-mails that always go out.</param>
/// <param name="OneClickUrl">For the List-Unsubscribe header (RFC 8058); null for e-mails that always go out.</param>
public sealed record EmailFooter(string What, string PreferencesUrl, string? StopUrl = null, string? OneClickUrl = null);
