using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Infrastructure;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Notifications;

/// <summary>
/// "Stop e-mails like this one" without signing in: the address in an e-mail's List-Unsubscribe header (RFC 8058
/// one-click) and footer carries a token that names a member and a kind of e-mail. The token is encrypted and
/// signed with the data-protection keys every node shares (stored in the database), so it shows no member id and
/// cannot be forged or edited into someone else's; all it can do is turn that one kind of e-mail off.
/// </summary>
public sealed class Unsubscribe(TrellisDbContext db, IDataProtectionProvider protection, SiteLinks links)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Trellis.Email.Unsubscribe.v1");

    public const string OneClickPath = "/email/unsubscribe";
    public const string PagePath = "/Unsubscribe";

    public string Token(Guid memberId, NotificationKind kind) =>
        WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes($"{memberId:N}.{(int)kind}")));

    /// <summary>Where a mail program POSTs List-Unsubscribe=One-Click.</summary>
    public string OneClickUrl(Guid memberId, NotificationKind kind) => links.Absolute($"{OneClickPath}?t={Token(memberId, kind)}");

    /// <summary>The footer's link: a page that asks before turning anything off (link scanners open links).</summary>
    public string PageUrl(Guid memberId, NotificationKind kind) => links.Absolute($"{PagePath}?t={Token(memberId, kind)}");

    public (Guid MemberId, NotificationKind Kind)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000) return null;
        try
        {
            var parts = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('.');
            if (parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var member) && int.TryParse(parts[1], out var k)
                && Enum.IsDefined((NotificationKind)k) && NotificationPreference.Tunable.Contains((NotificationKind)k))
                return (member, (NotificationKind)k);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
        }
        return null;
    }

    /// <summary>Turns the token's kind of e-mail off ("never"); null for a token that is not one of ours.</summary>
    public async Task<NotificationKind?> ApplyAsync(string? token, CancellationToken ct)
    {
        if (Read(token) is not { } found) return null;
        var (member, kind) = found;
        if (!await db.Users.AnyAsync(u => u.Id == member && u.DeletedAt == null, ct)) return null;
        var pref = await db.NotificationPreferences.SingleOrDefaultAsync(p => p.MemberId == member && p.Kind == kind, ct);
        if (pref is null) db.NotificationPreferences.Add(new NotificationPreference(member, kind, EmailFrequency.Never));
        else pref.Frequency = EmailFrequency.Never;
        await db.SaveOrConflictAsync("Saved at the same moment; try again.", ct);
        return kind;
    }
}

public static class UnsubscribeApi
{
    /// <summary>Anonymous by design: mail programs POST here without cookies or antiforgery tokens (RFC 8058);
    /// the token is the credential. A GET (a program that only opens the address) goes to the page that asks.</summary>
    public static void MapUnsubscribe(this IEndpointRouteBuilder app)
    {
        app.MapPost(Unsubscribe.OneClickPath, OneClick).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapGet(Unsubscribe.OneClickPath, (HttpContext http) =>
            Results.Redirect($"{Unsubscribe.PagePath}{http.Request.QueryString}")).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> OneClick(HttpContext http, Unsubscribe unsubscribe, CancellationToken ct)
    {
        var kind = await unsubscribe.ApplyAsync(http.Request.Query["t"], ct);
        return kind is { } k
            ? Results.Text($"Done: no more e-mails for \"{NotificationKinds.Describe(k)}\".", "text/plain; charset=utf-8")
            : Results.NotFound();
    }
}
