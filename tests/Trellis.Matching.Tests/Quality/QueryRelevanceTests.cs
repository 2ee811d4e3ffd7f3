using System.Globalization;
using System.Numerics.Tensors;
using Trellis.Matching.Embeddings;
using Trellis.Matching.Scoring;
using Trellis.Matching.Search;
using Trellis.Matching.Tests.Support;

namespace Trellis.Matching.Tests.Quality;

/// <summary>
/// The free-text search threshold (<see cref="MatchingOptions.MinQueryRelevance"/>, issue 14 item 5):
/// measured on the two labelled sets, with each mentee's goals typed as a search query (the right
/// mentor must pass) and with nonsense and off-topic queries (nobody may pass). The figures in
/// docs/matching.md, "Searching with words", are this test's output.
/// </summary>
public sealed class QueryRelevanceTests
{
    /// <summary>Keyboard noise and made-up words: what "nonsense" means here. None of them may find anyone.</summary>
    public static readonly string[] Noise =
    [
        "qwxz blorp", "asdf jkl", "zzzz", "xyzzy plugh", "aaaaaaaa", "12345", "!!! ???", "fnord wibble", "hjkl qwop", "blah blah blah",
        "lorem ipsum dolor sit amet", "kjhsdf oiuwer", "qqq www eee", "zxcv bnm", "ghjk", "mnbvcxz", "wxyz qrst", "plorf zibble",
        "snargle frob", "xqzt",
    ];

    /// <summary>Real words that ask for nothing a mentor offers: reported beside the threshold (short everyday words can land near a profile).</summary>
    public static readonly string[] OffTopic =
    [
        "cat videos", "test", "banana", "purple elephant spaceship", "recipe for banana bread", "weather tomorrow in Paris",
        "cheap flights to Rome", "how to fix a flat bicycle tyre", "best pizza near me", "football scores tonight",
    ];

    private static readonly float Threshold = (float)new MatchingOptions().MinQueryRelevance;

    [Fact]
    public void Threshold_LetsNoNoiseThrough_AndKeepsTheRightMentorForNineRealQueriesInTen()
    {
        var old = QualitySet.Shared;
        var coach = CoachSet.Shared;
        var coachMentors = SentenceEmbedder.Shared.EmbedMentors([.. coach.Mentors.Select(m => ProfileText.ForMentorParts(m.Headline, m.Bio, m.Topics, null))]);
        var coachIndex = coach.Mentors.Select((m, i) => (m.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var oldMentors = old.Mentors.ToDictionary(m => m.Profile.Id, m => m.Profile.Embedding!);

        // The query is what a mentee types: their goals alone (no skills list), embedded as the site embeds a query.
        var oldQueries = SentenceEmbedder.Shared.EmbedMany([.. QualityGoals(old)]);
        var oldRight = old.Mentees.Select((m, e) => m.Intended.Max(id => TensorPrimitives.Dot(oldQueries[e], oldMentors[id]))).ToList();
        var coachQueries = SentenceEmbedder.Shared.EmbedMany([.. coach.Mentees.Select(m => m.Goals)]);
        var coachRight = coach.Mentees.Select((m, e) => TensorPrimitives.Dot(coachQueries[e], coachMentors[coachIndex[m.Best]])).ToList();
        var allMentors = oldMentors.Values.Concat(coachMentors).ToList();
        List<float> BestOf(string[] queries) => [.. SentenceEmbedder.Shared.EmbedMany(queries).Select(q => allMentors.Max(m => TensorPrimitives.Dot(q, m)))];
        var noise = BestOf(Noise);
        var offTopic = BestOf(OffTopic);

        Report($"older set, goals as the query, relevance of the intended mentor: {Spread(oldRight)}");
        Report($"career-coach set, goals as the query, relevance of the best mentor: {Spread(coachRight)}");
        Report($"noise ({Noise.Length}), best relevance over all {allMentors.Count} mentors: {Spread(noise)}");
        Report($"off-topic ({OffTopic.Length}), best relevance over all {allMentors.Count} mentors: {Spread(offTopic)}");
        foreach (var (q, best) in Noise.Zip(noise).Concat(OffTopic.Zip(offTopic)).OrderByDescending(x => x.Second).Take(6))
            Report(string.Create(CultureInfo.InvariantCulture, $"  {q}: {best:F3}"));
        Report("");
        Report("| threshold | older: right mentor kept | career-coach: best mentor kept | noise finding anyone | off-topic finding anyone |");
        Report("| ---: | ---: | ---: | ---: | ---: |");
        // The rule: the lowest threshold at which no noise query finds anyone (nonsense must say "no close match"),
        // so that as many real queries as possible keep their right mentor.
        float? rule = null;
        for (var t = 0.15f; t <= 0.4001f; t += 0.01f)
        {
            var kept = oldRight.Count(r => r >= t);
            if (rule is null && noise.All(b => b < t)) rule = t;
            Report(string.Create(CultureInfo.InvariantCulture,
                $"| {t:F2} | {kept} / {oldRight.Count} | {coachRight.Count(r => r >= t)} / {coachRight.Count} | {noise.Count(b => b >= t)} / {Noise.Length} | {offTopic.Count(b => b >= t)} / {OffTopic.Length} |"));
        }
        Report(string.Create(CultureInfo.InvariantCulture, $"rule (the lowest threshold at which no noise query finds anyone): {rule:F2}; configured {Threshold:F2}"));
        foreach (var (goals, r) in QualityGoals(old).Zip(oldRight).Where(x => x.Second < Threshold))
            Report(string.Create(CultureInfo.InvariantCulture, $"  below it ({r:F3}): {goals}"));

        Assert.Equal(Math.Round(rule!.Value, 2), Math.Round(Threshold, 2));
        Assert.All(noise, b => Assert.True(b < Threshold, $"a noise query reaches {b:F3}"));
        Assert.True(oldRight.Count(r => r >= Threshold) >= 0.9 * oldRight.Count, "nine real queries in ten keep their right mentor");
    }

    [Fact]
    public void Search_WithTheThreshold_KeepsTheIntendedMentorOnTop_AndFindsNoOneForNonsense()
    {
        var set = QualitySet.Shared;
        var index = MentorIndex.Build(set.Mentors.Select(m => m.Profile));
        var queries = SentenceEmbedder.Shared.EmbedMany([.. QualityGoals(set)]);
        var top3 = 0;
        var noMatch = new List<string>();
        for (var e = 0; e < set.Mentees.Count; e++)
        {
            var (mentee, _, intended) = set.Mentees[e];
            var found = index.Search(new MentorSearchRequest
            {
                Mentee = mentee, ReferenceDate = Builders.November, QueryEmbedding = queries[e], MinQueryRelevance = Threshold, Take = 3,
            });
            if (found.TotalMatching == 0) noMatch.Add(QualityGoals(set).ElementAt(e));
            if (found.Matches.Any(m => intended.Contains(m.MentorId))) top3++;
        }
        Report($"older set, goals typed as the query with the threshold: intended mentor in the top 3 for {top3}/{set.Mentees.Count}; " +
            $"no close match for {noMatch.Count}: {string.Join(" | ", noMatch)}");
        Assert.True(top3 >= 0.85 * set.Mentees.Count, $"{top3}/{set.Mentees.Count}");

        foreach (var query in SentenceEmbedder.Shared.EmbedMany(Noise))
            Assert.Equal(0, index.Search(new MentorSearchRequest
            {
                Mentee = set.Mentees[0].Profile, ReferenceDate = Builders.November, QueryEmbedding = query, MinQueryRelevance = Threshold,
            }).TotalMatching);
    }

    /// <summary>The older set's goal texts without the "Looking for help with" sentence the profile adds.</summary>
    private static IEnumerable<string> QualityGoals(QualitySet set) => set.Mentees.Select(m =>
        m.Text.Split(" Looking for help with ", 2)[0]);

    private static string Spread(IReadOnlyList<float> values)
    {
        var sorted = values.Order().ToList();
        float At(double p) => sorted[(int)Math.Clamp(Math.Round(p * (sorted.Count - 1)), 0, sorted.Count - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"min {sorted[0]:F3}, 5th percentile {At(0.05):F3}, median {At(0.5):F3}, max {sorted[^1]:F3}");
    }

    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "query-relevance-report.md"), line + Environment.NewLine);
    }
}
