using System.Text.RegularExpressions;

namespace Trellis.Matching.Tests.Quality;

/// <summary>
/// Okapi BM25 over the mentors' profile texts (k1 1.2, b 0.75, lower-cased words, English stop words
/// out, a plural "s" folded), for the hybrid ranking of the model comparison. A mentee's score for
/// each mentor is divided by the best one, so it lies in [0, 1] like a cosine and can be blended.
/// </summary>
public sealed partial class Bm25
{
    private const double K1 = 1.2, B = 0.75;

    private readonly List<Dictionary<string, int>> _docs;
    private readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);
    private readonly double _averageLength;

    public Bm25(IEnumerable<string> documents)
    {
        _docs = [.. documents.Select(d => Terms(d).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal))];
        _averageLength = _docs.Count == 0 ? 0 : _docs.Average(d => d.Values.Sum());
        foreach (var term in _docs.SelectMany(d => d.Keys).Distinct(StringComparer.Ordinal))
        {
            var n = _docs.Count(d => d.ContainsKey(term));
            _idf[term] = Math.Log(1 + (_docs.Count - n + 0.5) / (n + 0.5));
        }
    }

    /// <summary>Each document's score for <paramref name="query"/> divided by the best (all 0 when no word is shared).</summary>
    public double[] Normalised(string query)
    {
        var terms = Terms(query).Distinct(StringComparer.Ordinal).Where(_idf.ContainsKey).ToList();
        var scores = _docs.Select(d =>
        {
            var length = d.Values.Sum();
            return terms.Sum(t => d.TryGetValue(t, out var f) ? _idf[t] * f * (K1 + 1) / (f + K1 * (1 - B + B * length / _averageLength)) : 0);
        }).ToArray();
        var best = scores.DefaultIfEmpty(0).Max();
        return best <= 0 ? new double[scores.Length] : [.. scores.Select(s => s / best)];
    }

    public static IEnumerable<string> Terms(string text) => WordPattern().Matches(text.ToLowerInvariant())
        .Select(m => m.Value).Where(w => !StopWords.Contains(w))
        .Select(w => w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1] : w);

    private static readonly HashSet<string> StopWords =
    [
        "a", "an", "and", "the", "to", "of", "in", "on", "for", "with", "i", "i'm", "i've", "my", "me", "is", "it", "at", "as", "be",
        "or", "but", "so", "that", "this", "we", "our", "you", "your", "how", "what", "who", "can", "help", "want", "into", "from",
        "about", "like", "looking", "would", "just", "do", "don't", "are", "have", "has", "was", "by", "they", "them", "their",
        "am", "not", "no", "now", "get", "will", "been", "all", "more", "one", "when", "where", "which", "there", "than", "then",
    ];

    [GeneratedRegex(@"[a-z0-9][a-z0-9'+&-]*")]
    private static partial Regex WordPattern();
}
