namespace Trellis.Matching.Scoring;

/// <summary>Free-text tags (fields, skills, interests) compare case- and space-insensitively.</summary>
internal static class Terms
{
    public static string Normalize(string term) => string.Join(' ', term.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    public static HashSet<string> Set(IEnumerable<string> terms) => new(terms.Select(Normalize), StringComparer.Ordinal);
}
