using System.Text;

namespace Trellis.Web.Infrastructure.Files;

/// <summary>The name a member's file had, kept as metadata only (the path uses the store's key).</summary>
public static class FileNames
{
    public const int MaxLength = 120;

    /// <summary>The last segment of the client's name without control or path characters, at most
    /// <see cref="MaxLength"/> characters, ending in the extension of what the content actually is.</summary>
    public static string Sanitise(string? clientName, FileKind kind)
    {
        var name = (clientName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
            clean.Append(char.IsControl(c) || "\"*:<>?|".Contains(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? '_' : c);
        var stem = Path.GetFileNameWithoutExtension(clean.ToString()).Trim().Trim('.').Trim();
        var extension = Path.GetExtension(clean.ToString()).ToLowerInvariant();
        if (!kind.Extensions.Contains(extension)) extension = kind.Extension;
        if (stem.Length == 0) stem = "work";
        if (stem.Length + extension.Length > MaxLength) stem = stem[..(MaxLength - extension.Length)];
        return stem + extension;
    }

    /// <summary>True when the client's name has an extension that says something other than the content.</summary>
    public static bool ExtensionContradicts(string? clientName, FileKind kind)
    {
        var extension = Path.GetExtension(clientName ?? "").ToLowerInvariant();
        return extension.Length > 0 && !kind.Extensions.Contains(extension);
    }

    /// <summary>Content-Disposition for a download (RFC 6266): an ASCII fallback and the UTF-8 name.</summary>
    public static string AttachmentHeader(string name)
    {
        var fallback = new StringBuilder(name.Length);
        foreach (var c in name) fallback.Append(c is >= ' ' and < (char)127 and not '"' and not '\\' ? c : '_');
        return $"attachment; filename=\"{fallback}\"; filename*=UTF-8''{Uri.EscapeDataString(name)}";
    }
}
