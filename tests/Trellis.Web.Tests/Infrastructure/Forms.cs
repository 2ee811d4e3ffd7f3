using System.Net;
using System.Text.RegularExpressions;

namespace Trellis.Web.Tests.Infrastructure;

/// <summary>Posts forms the way a browser does: fetch the page, take its antiforgery token, submit.</summary>
public static partial class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string page, IEnumerable<KeyValuePair<string, string>> fields, string? handler = null)
    {
        var html = await client.GetStringAsync(page);
        var token = AntiforgeryToken(html);
        var values = fields.Append(new("__RequestVerificationToken", token));
        var url = handler is null ? page : $"{page}{(page.Contains('?') ? '&' : '?')}handler={handler}";
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string page, object fields, string? handler = null) =>
        client.PostAsync(page, fields.GetType().GetProperties().Select(p => new KeyValuePair<string, string>(p.Name.Replace("__", ".", StringComparison.Ordinal), Convert.ToString(p.GetValue(fields), System.Globalization.CultureInfo.InvariantCulture) ?? "")), handler);

    public static string AntiforgeryToken(string html)
    {
        var match = TokenRegex().Match(html);
        if (!match.Success) throw new InvalidOperationException("The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The error shown next to a form field (the _Field partial's span).</summary>
    public static string? FieldError(string html, string fieldId)
    {
        var match = Regex.Match(html, $"<span id=\"{Regex.Escape(fieldId)}-error\" class=\"field-error\">([^<]*)</span>");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    public static string? Summary(string html)
    {
        var match = Regex.Match(html, "class=\"validation-summary[^\"]*\"[^>]*>(.*?)</div>", RegexOptions.Singleline);
        return match.Success ? WebUtility.HtmlDecode(Regex.Replace(match.Groups[1].Value, "<[^>]+>", " ")).Trim() : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
