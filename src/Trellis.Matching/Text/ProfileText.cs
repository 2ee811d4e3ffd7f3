namespace Trellis.Matching.Text;

/// <summary>
/// Which words of a profile are embedded. Kept in one place so the stored embeddings and the
/// text they came from can be recomputed identically when a profile or the model changes.
/// </summary>
public static class ProfileText
{
    /// <summary>A mentor's expertise: who they are, what they did, and what they can help with.</summary>
    public static string ForMentor(string? headline, string? bio, IEnumerable<string> topics, string? careerHistory) =>
        Join(headline, bio, Sentence("Can help with", topics), careerHistory);

    /// <summary>A mentee's goals, in their own words, plus what they asked for help with.</summary>
    public static string ForMentee(string? goals, IEnumerable<string> skillsSought) =>
        Join(goals, Sentence("Looking for help with", skillsSought));

    private static string? Sentence(string lead, IEnumerable<string> items)
    {
        var list = items.Where(i => !string.IsNullOrWhiteSpace(i)).ToList();
        return list.Count == 0 ? null : $"{lead} {string.Join(", ", list)}.";
    }

    private static string Join(params string?[] parts) =>
        TextNormalizer.Normalize(string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim())));
}
