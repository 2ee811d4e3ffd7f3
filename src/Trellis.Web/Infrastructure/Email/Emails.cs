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

    public static EmailContent Notification(string title, string body, string link) => Build(
        title, $"{body}\n\nOpen Trellis: {link}\n\nYou can choose which e-mails you get under Settings › Notifications.", link, "Open Trellis");

    public static EmailContent Digest(IReadOnlyList<(string Title, string Body)> items, string link) => Build(
        $"Your Trellis digest: {items.Count} update{(items.Count == 1 ? "" : "s")}",
        string.Join("\n\n", items.Select(i => $"• {i.Title}\n  {i.Body}")) + $"\n\nOpen Trellis: {link}",
        link, "Open Trellis");

    private static EmailContent Build(string subject, string text, string? link, string? linkText)
    {
        var paragraphs = string.Concat(text.Split("\n\n").Select(p => $"<p>{WebUtility.HtmlEncode(p).Replace("\n", "<br>")}</p>"));
        var button = link is null ? "" : $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(linkText)}</a></p>";
        return new EmailContent(subject, text, $"<!doctype html><html><body style=\"font-family:sans-serif\">{paragraphs}{button}</body></html>");
    }
}
