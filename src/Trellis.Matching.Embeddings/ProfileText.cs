namespace Trellis.Matching.Embeddings;

/// <summary>
/// Which words of a profile are embedded. Kept in one place so the stored embeddings and the
/// text they came from can be recomputed identically when a profile or the model changes.
/// </summary>
public static class ProfileText
{
    /// <summary>
    /// Version of the recipe below (which texts are embedded and how they are combined). Store it
    /// with every embedding next to <see cref="SentenceEmbedder.ModelName"/> and
    /// <see cref="SentenceEmbedder.ModelVersion"/>; when it differs from what is stored, recompute.
    /// 2: a mentor's embedding is the mean of three vectors (<see cref="ForMentorParts"/>).
    /// </summary>
    public const int Version = 2;

    /// <summary>A mentor's expertise: who they are, what they did, and what they can help with.</summary>
    public static string ForMentor(string? headline, string? bio, IEnumerable<string> topics, string? careerHistory) =>
        Join(headline, bio, Sentence("Can help with", topics), careerHistory);

    /// <summary>
    /// The texts whose embeddings are averaged into a mentor's one vector
    /// (<see cref="MentorVectors"/>): the whole profile (<see cref="ForMentor"/>),
    /// what they did (bio and career history) and what they can help with (topics). Embedded
    /// separately, a short list of topics is not drowned by a long bio, and a job title counts once
    /// rather than deciding the match (docs/matching.md, "Text understanding"). Empty parts are "".
    /// </summary>
    public static IReadOnlyList<string> ForMentorParts(string? headline, string? bio, IEnumerable<string> topics, string? careerHistory)
    {
        var topicList = topics.ToList();
        return [ForMentor(headline, bio, topicList, careerHistory), Join(bio, careerHistory), Join(Sentence("Can help with", topicList))];
    }

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
