using System.Numerics;

namespace Trellis.Matching.Scoring;

/// <summary>A set of ISO 639-1 languages as a 192-bit mask: comparing two sets costs three ANDs.</summary>
public readonly record struct LanguageSet(ulong Low, ulong Middle, ulong High)
{
    // Every ISO 639-1 code, in alphabetical order; the position is the bit.
    private static readonly string[] Codes =
    [
        "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bi", "bm", "bn", "bo",
        "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee", "el", "en", "eo",
        "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi",
        "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka",
        "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
        "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng",
        "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn",
        "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su",
        "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur",
        "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
    ];

    public static LanguageSet Empty => default;

    /// <summary>Number of distinct languages a set can hold (the bit positions).</summary>
    public static int Capacity => 192;

    /// <summary>The bit positions present, ascending.</summary>
    public IEnumerable<int> Bits()
    {
        var words = new[] { Low, Middle, High };
        for (var w = 0; w < 3; w++)
            for (var word = words[w]; word != 0; word &= word - 1)
                yield return w * 64 + BitOperations.TrailingZeroCount(word);
    }

    public static bool IsValidCode(string? code) =>
        code is { Length: 2 } && Array.BinarySearch(Codes, code.ToLowerInvariant(), StringComparer.Ordinal) >= 0;

    /// <summary>Builds a set; unknown codes are ignored (validate input with <see cref="IsValidCode"/> at the edge).</summary>
    public static LanguageSet From(IEnumerable<string> codes)
    {
        Span<ulong> words = stackalloc ulong[3];
        foreach (var code in codes)
        {
            var bit = code is null ? -1 : Array.BinarySearch(Codes, code.Trim().ToLowerInvariant(), StringComparer.Ordinal);
            if (bit >= 0)
                words[bit >> 6] |= 1UL << (bit & 63);
        }
        return new LanguageSet(words[0], words[1], words[2]);
    }

    public bool IsEmpty => (Low | Middle | High) == 0;

    public bool Overlaps(LanguageSet other) => ((Low & other.Low) | (Middle & other.Middle) | (High & other.High)) != 0;

    public LanguageSet Intersect(LanguageSet other) => new(Low & other.Low, Middle & other.Middle, High & other.High);

    /// <summary>Every language of <paramref name="other"/> is in this set (true when <paramref name="other"/> is empty).</summary>
    public bool ContainsAll(LanguageSet other) => Intersect(other) == other;

    public int Count => BitOperations.PopCount(Low) + BitOperations.PopCount(Middle) + BitOperations.PopCount(High);

    public IEnumerable<string> ToCodes()
    {
        var words = new[] { Low, Middle, High };
        for (var i = 0; i < Codes.Length; i++)
            if ((words[i >> 6] & (1UL << (i & 63))) != 0)
                yield return Codes[i];
    }
}
