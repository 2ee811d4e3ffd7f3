using System.Text.RegularExpressions;

namespace Trellis.Web.Features.Meetings;

/// <summary>
/// Where the call happens: a video link or a phone number, nothing else. A link must be https (it ends up as a
/// clickable link in e-mails and calendars, so no javascript: or plain-http addresses); a phone number is digits
/// with the usual separators, optionally a leading + and an extension.
/// </summary>
public static partial class CallDetails
{
    public const int MaxLength = 300;
    public const string Hint = "A video link starting with https:// or a phone number such as +44 20 7946 0000.";

    /// <summary>The details trimmed (null when empty: no details), or an error message.</summary>
    public static (string? Value, string? Error) Read(string? text)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0) return (null, null);
        if (t.Length > MaxLength) return (null, $"Must be at most {MaxLength} characters.");
        if (AsLink(t) is not null) return (t, null);
        if (LooksLikeUrl().IsMatch(t)) return (null, "A video link must start with https:// and name a host.");
        var digits = t.Count(char.IsAsciiDigit);
        if (Phone().IsMatch(t) && digits is >= 6 and <= 20) return (t, null);
        return (null, $"Must be {char.ToLowerInvariant(Hint[0])}{Hint[1..]}");
    }

    /// <summary>The details as an https address, or null when they are a phone number.</summary>
    public static Uri? AsLink(string? details) =>
        Uri.TryCreate(details, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0
            && uri.UserInfo.Length == 0 && !details!.Any(char.IsWhiteSpace)
            ? uri
            : null;

    /// <summary>A tel: address for a phone number (digits and a leading +), or null for a link.</summary>
    public static string? AsTel(string? details)
    {
        if (details is null || AsLink(details) is not null) return null;
        // "+44 (0)20 …": the (0) is dialled only from inside the country, never after the +44.
        var main = Extension().Split(details)[0].Replace("(0)", "", StringComparison.Ordinal);
        return "tel:" + (main.TrimStart().StartsWith('+') ? "+" : "") + new string([.. main.Where(char.IsAsciiDigit)]);
    }

    [GeneratedRegex(@"^\+?[0-9(][0-9 ().\-/]*([ ]*(ext\.?|x|#)[ ]*[0-9]{1,6})?$", RegexOptions.IgnoreCase)]
    private static partial Regex Phone();

    [GeneratedRegex(@"(ext\.?|x|#)", RegexOptions.IgnoreCase)]
    private static partial Regex Extension();

    [GeneratedRegex(@"^[a-z][a-z0-9+.\-]*:|^www\.", RegexOptions.IgnoreCase)]
    private static partial Regex LooksLikeUrl();
}
