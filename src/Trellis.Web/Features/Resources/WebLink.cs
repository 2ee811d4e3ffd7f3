using System.ComponentModel.DataAnnotations;

namespace Trellis.Web.Features.Resources;

/// <summary>
/// A link a member shares (an article, a piece of work). Only absolute http(s) URLs with a host are kept:
/// no javascript:, data: or file: links can reach a page. Trellis never fetches them (no SSRF): the link is
/// only shown, with rel="noopener noreferrer".
/// </summary>
public static class WebLink
{
    public const int MaxLength = 2000;

    /// <summary>The normalised link, or an error message for the field.</summary>
    public static (string? Link, string? Error) Check(string? input)
    {
        var text = input?.Trim() ?? "";
        if (text.Length == 0) return (null, "Enter a link.");
        if (text.Length > MaxLength) return (null, $"A link can be at most {MaxLength} characters.");
        if (text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) return (null, "A link cannot contain spaces.");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return (null, "Enter a web address starting with https:// or http://.");
        if (uri.Host.Length == 0 || !string.IsNullOrEmpty(uri.UserInfo)) return (null, "Enter a web address with a site name and no password in it.");
        return (uri.AbsoluteUri.Length <= MaxLength ? uri.AbsoluteUri : text, null);
    }
}

/// <summary>The field's rule for request records: a link <see cref="WebLink.Check"/> keeps (blank is left to
/// <c>[Needed]</c>).</summary>
public sealed class WebAddressAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext context) =>
        value is string text && text.Trim().Length > 0 && WebLink.Check(text).Error is { } error
            ? new ValidationResult(error)
            : ValidationResult.Success;
}
