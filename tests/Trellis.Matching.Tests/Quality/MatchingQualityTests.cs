using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using Trellis.Matching.Scoring;
using Trellis.Matching.Search;
using Trellis.Matching.Tests.Support;

namespace Trellis.Matching.Tests.Quality;

/// <summary>The figures in docs/matching.md come from these tests (see the test output).</summary>
public sealed partial class MatchingQualityTests
{
    private static readonly QualitySet Set = QualitySet.Shared;

    [Fact]
    public void FullScore_PutsTheIntendedMentorInTheTopThree_ForAtLeast90PercentOfMentees()
    {
        var index = MentorIndex.Build(Set.Mentors.Select(m => m.Profile));
        var misses = new List<string>();
        var firsts = 0;
        foreach (var (mentee, text, intended) in Set.Mentees)
        {
            var top = index.Search(new MentorSearchRequest { Mentee = mentee, ReferenceDate = Builders.November, Take = 3 }).Matches;
            if (intended.Contains(top[0].MentorId)) firsts++;
            if (!top.Any(m => intended.Contains(m.MentorId)))
            {
                var all = index.Search(new MentorSearchRequest { Mentee = mentee, ReferenceDate = Builders.November, Take = 100 }).Matches.ToList();
                var rank = all.FindIndex(m => intended.Contains(m.MentorId));
                var names = Set.Mentors.ToDictionary(m => m.Profile.Id, m => m.Text[..Math.Min(40, m.Text.Length)]);
                var why = rank < 0 ? "filtered out" : $"ranked {rank + 1}: {Parts(all[rank])} vs first {Parts(all[0])}; top: " + string.Join(" | ", all.Take(3).Select(m => names[m.MentorId]));
                misses.Add($"{text} ({why})");
            }
        }
        var hitRate = 1 - (double)misses.Count / Set.Mentees.Count;
        Report($"full score: intended mentor in top 3 for {Set.Mentees.Count - misses.Count}/{Set.Mentees.Count} = {hitRate:P1}, first for {firsts}/{Set.Mentees.Count} = {(double)firsts / Set.Mentees.Count:P1}");
        foreach (var miss in misses) Report($"  missed: {miss}");
        Assert.True(hitRate >= 0.90, $"top-3 hit rate {hitRate:P1} is below 90%");
    }

    [Fact]
    public void TextSimilarityAlone_BeatsKeywordOverlap()
    {
        var text = HitRate((mentee, mentor) => TensorPrimitives.Dot(mentee.Profile.Embedding!, mentor.Profile.Embedding!));
        var keywords = HitRate((mentee, mentor) => Jaccard(Words(mentee.Text), Words(mentor.Text)));
        Report($"text similarity alone: top-3 {text.Top3:P1}, top-1 {text.Top1:P1}");
        Report($"keyword overlap (Jaccard of word sets): top-3 {keywords.Top3:P1}, top-1 {keywords.Top1:P1}");
        Assert.True(text.Top3 > keywords.Top3, $"text {text.Top3:P1} does not beat keywords {keywords.Top3:P1}");
    }

    [Fact]
    public void NoRecommendation_BreaksAHardFilter_OnTheQualitySet()
    {
        var index = MentorIndex.Build(Set.Mentors.Select(m => m.Profile));
        var mentors = Set.Mentors.ToDictionary(m => m.Profile.Id, m => m.Profile);
        foreach (var (mentee, _, _) in Set.Mentees)
        {
            var result = index.Search(new MentorSearchRequest { Mentee = mentee, ReferenceDate = Builders.November, Take = 100 });
            Assert.All(result.Matches, m => Assert.Equal(Exclusion.None, HardFilters.Check(mentee, mentors[m.MentorId])));
        }
    }

    private static string Parts(MentorMatch m) =>
        $"{m.Score:F3} [" + string.Join(" ", m.Breakdown.Criteria.Select(c => $"{c.Criterion.ToString()[..3]}={c.Value:F2}")) + "]";

    private static (double Top1, double Top3) HitRate(Func<(MenteeProfile Profile, string Text), (MentorProfile Profile, string Text), double> similarity)
    {
        int top1 = 0, top3 = 0;
        foreach (var (mentee, text, intended) in Set.Mentees)
        {
            var ranked = Set.Mentors
                .Select(m => (m.Profile.Id, Score: similarity((mentee, text), m)))
                .OrderByDescending(x => x.Score).ThenBy(x => x.Id).Select(x => x.Id).Take(3).ToList();
            if (intended.Contains(ranked[0])) top1++;
            if (ranked.Any(intended.Contains)) top3++;
        }
        return ((double)top1 / Set.Mentees.Count, (double)top3 / Set.Mentees.Count);
    }

    private static readonly HashSet<string> StopWords =
    [
        "a", "an", "and", "the", "to", "of", "in", "on", "for", "with", "i", "i'm", "i've", "my", "me", "is", "it", "at", "as", "be",
        "or", "but", "so", "that", "this", "we", "our", "you", "your", "how", "what", "who", "can", "help", "want", "into", "from",
        "about", "like", "looking", "would", "just", "do", "don't", "are", "have", "has", "was", "by", "they", "them", "their",
    ];

    private static HashSet<string> Words(string text) =>
        [.. WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => !StopWords.Contains(w))];

    private static double Jaccard(HashSet<string> a, HashSet<string> b) =>
        a.Count + b.Count == 0 ? 0 : (double)a.Intersect(b).Count() / a.Union(b).Count();

    private static void Report(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    [GeneratedRegex(@"[a-z0-9][a-z0-9'+&-]*")]
    private static partial Regex WordPattern();
}
