using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Notifications;

/// <summary>Issue 17 item 10, end to end through the real SMTP server: e-mails worth receiving, and one click to
/// stop a kind of them.</summary>
public sealed class EmailContentTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task TheRequestEmail_GreetsByName_CarriesTheNoteAndTheProposal_InTextAndHtml_WithAFooterAndOneClickUnsubscribe()
    {
        var mentor = await app.MentorAsync("Maria Inbox");
        var mentee = await app.MenteeAsync("Tom Inbox");
        await mentee.ProposeAsync(mentor, a => a["personalNote"] = "Your talk on B2B roadmaps changed how I plan & prioritise.");

        var mail = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == mentor.Member.Email) && m.Subject == "Tom Inbox asks you to be their mentor");
        var alternative = Assert.IsType<MultipartAlternative>(mail.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));

        var text = mail.TextBody;
        Assert.StartsWith("Hello Maria Inbox,", text, StringComparison.Ordinal);
        Assert.Contains("Tom Inbox writes: “Your talk on B2B roadmaps changed how I plan & prioritise.”", text, StringComparison.Ordinal);
        Assert.Contains("Every month, 60 minutes, by phone; informal.", text, StringComparison.Ordinal);
        Assert.Contains("for 12 months, reviewed every 3 months.", text, StringComparison.Ordinal);
        Assert.Contains("Goals: Move from engineering into product management; Learn to run a roadmap review.", text, StringComparison.Ordinal);
        Assert.Contains("Choose which e-mails you get: https://trellis.test/Settings/Notifications", text, StringComparison.Ordinal);
        Assert.Contains("Stop these e-mails: https://trellis.test/Unsubscribe?t=", text, StringComparison.Ordinal);
        var html = mail.HtmlBody;
        Assert.Contains("Hello Maria Inbox,", html, StringComparison.Ordinal);
        Assert.Contains("changed how I plan &amp; prioritise.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://trellis.test/Settings/Notifications\"", html, StringComparison.Ordinal);

        // List-Unsubscribe (RFC 2369) with one-click (RFC 8058); the token shows no member id.
        var header = mail.Headers[HeaderId.ListUnsubscribe] ?? "";
        Assert.StartsWith("<https://trellis.test/email/unsubscribe?t=", header, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var oneClick = new Uri(header.Trim('<', '>'));
        foreach (var form in new[] { "N", "D" })
            Assert.DoesNotContain(mentor.Id.ToString(form), oneClick.Query, StringComparison.OrdinalIgnoreCase);

        // A forged or edited token changes nothing.
        var token = oneClick.Query["?t=".Length..];
        var edited = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];
        Assert.Equal(HttpStatusCode.NotFound, (await OneClickAsync($"/email/unsubscribe?t={edited}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await OneClickAsync($"/email/unsubscribe?t={mentor.Id:N}")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.NotificationPreferences.AnyAsync(p => p.MemberId == mentor.Id)));

        // What a mail program does: POST List-Unsubscribe=One-Click, no cookies, no antiforgery token.
        Assert.Equal(HttpStatusCode.OK, (await OneClickAsync(oneClick.PathAndQuery)).StatusCode);
        var pref = await app.WithDbAsync(db => db.NotificationPreferences.AsNoTracking().SingleAsync(p => p.MemberId == mentor.Id));
        Assert.Equal((NotificationKind.MentorshipRequest, EmailFrequency.Never), (pref.Kind, pref.Frequency));

        // The next request is in Trellis, not in the inbox; other kinds still arrive.
        var second = await app.MenteeAsync("Ann Inbox");
        await second.ProposeAsync(mentor);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == mentor.Id && n.Title == "Ann Inbox asks you to be their mentor")));
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.To == mentor.Member.Email && m.Subject == "Ann Inbox asks you to be their mentor")));
    }

    [Fact]
    public async Task TheFootersLink_AsksFirst_ThenTurnsThatKindOff()
    {
        var mentor = await app.MentorAsync("Maria Footer");
        var mentee = await app.MenteeAsync("Tom Footer");
        await mentee.ProposeAsync(mentor);
        var mail = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == mentor.Member.Email) && m.Subject == "Tom Footer asks you to be their mentor");
        var page = (mail.TextBody ?? "").Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("Stop these e-mails: ", StringComparison.Ordinal))["Stop these e-mails: ".Length..];
        var path = new Uri(page).PathAndQuery;

        // Opening the link (as a mail scanner would) changes nothing.
        var visitor = app.Browser();
        var asks = await visitor.GetStringAsync(path);
        Assert.Contains("Someone asks me to be their mentor", WebUtility.HtmlDecode(asks), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.NotificationPreferences.AnyAsync(p => p.MemberId == mentor.Id)));

        var done = await visitor.PostAsync(path, new { t = new Uri(page).Query["?t=".Length..] });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("id=\"unsubscribed\"", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(EmailFrequency.Never, await app.WithDbAsync(db => db.NotificationPreferences
            .Where(p => p.MemberId == mentor.Id && p.Kind == NotificationKind.MentorshipRequest).Select(p => p.Frequency).SingleAsync()));
    }

    private Task<HttpResponseMessage> OneClickAsync(string pathAndQuery) =>
        app.Anonymous().PostAsync(pathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
}
