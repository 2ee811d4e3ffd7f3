using System.Numerics.Tensors;
using Trellis.Matching.Assignment;
using Trellis.Matching.Cohort;
using Trellis.Matching.Stable;
using Trellis.Matching.Tests.Support;

namespace Trellis.Matching.Tests.Stable;

/// <summary>
/// Stable mode over what people declared (issue 15, item 2): every ranked pair that passes the hard
/// filters is a candidate, whatever its score, and the result has no blocking pair against the
/// declared rankings — counted by a checker written here from the people alone, not from the
/// solver's candidate lists.
/// </summary>
public sealed class DeclaredRankingTests
{
    private const int Dimensions = 16;

    [Fact]
    public void RankedMentorOutsideTheTopK_IsHonoured()
    {
        // e1's favourite by score is m1, but e1 ranked m2 first; with K = 1 m2 was never a candidate.
        float[] east = [1, 0], north = [0, 1];
        var mentees = new List<CohortMentee> { new("e1", ["en"], null, east) { Ranking = ["m2"] } };
        var mentors = new List<CohortMentor> { new("m1", ["en"], null, 1, east), new("m2", ["en"], null, 1, north) };

        var result = CohortMatcher.Match(mentees, mentors, new CohortSettings { ReferenceDate = Builders.November, Mode = CohortMode.Stable, CandidatesPerMentee = 1 });

        Assert.Equal(1, result.Assignments[0].Mentor);
        Assert.Equal(new RankingFacts(Declared: 1, Added: 1, Repeated: 0, FailHardFilter: 0, Blocked: 0), result.Summary!.Rankings);
    }

    [Fact]
    public void RankedIdsThatFailAFilterRepeatOrAreBlocked_AreCountedAndNeverMatched()
    {
        float[] v = [1, 0];
        var mentees = new List<CohortMentee>
        {
            new("e1", ["en"], "Sales", v) { Ranking = ["m1", "m2", "m3", "m3", "m4"], Blocked = ["m4"] },
        };
        var mentors = new List<CohortMentor>
        {
            new("m1", ["fr"], null, 1, v), // no shared language
            new("m2", ["en"], "Sales", 1, v), // same unit
            new("m3", ["en"], null, 0, v), // no room
            new("m4", ["en"], null, 1, v), // blocked
        };

        var result = CohortMatcher.Match(mentees, mentors, new CohortSettings { ReferenceDate = Builders.November, Mode = CohortMode.Stable });

        Assert.Null(result.Assignments[0].Mentor);
        Assert.Equal(new RankingFacts(Declared: 5, Added: 0, Repeated: 1, FailHardFilter: 3, Blocked: 1), result.Summary!.Rankings);
    }

    [Fact]
    public void GeneratedCohort3000x600_HasNoBlockingPairAgainstTheDeclaredRankings()
    {
        var (mentees, mentors) = Cohort(seed: 15);
        var settings = new CohortSettings { ReferenceDate = Builders.November, Mode = CohortMode.Stable };

        var result = CohortMatcher.Match(mentees, mentors, settings);

        Assert.True(result.IsValid);
        var after = result.Assignments.Select(a => a.Mentor).ToArray();
        var (before, cut) = BeforeIssue15(mentees, mentors, settings);
        var firstChoices = mentees.Count(p => p.Ranking.Count > 0 && Acceptable(p, mentors[Index(p.Ranking[0])]));
        var facts = result.Summary!.Rankings!;
        TestContext.Current.TestOutputHelper?.WriteLine($"3,000 × 600, K = 50: {facts.Declared:N0} ranked ids, " +
            $"{facts.FailHardFilter:N0} fail a filter, {facts.Added:N0} pairs added; acceptable first choices {firstChoices:N0}, " +
            $"of which not among the 50 best by score: {cut:N0}; blocking pairs against the declared rankings: " +
            $"before (top 50 only) {DeclaredBlockingPairs(mentees, mentors, before):N0}, " +
            $"now {DeclaredBlockingPairs(mentees, mentors, after):N0}; matched before {before.Count(m => m is not null):N0}, " +
            $"now {result.Summary.Matched:N0}");
        Assert.True(cut > 1_000, $"only {cut} first choices were cut: the cohort does not test the cut");
        Assert.True(DeclaredBlockingPairs(mentees, mentors, before) > 0, "the old pipeline should leave blocking pairs here");
        Assert.Equal(0, DeclaredBlockingPairs(mentees, mentors, after));
    }

    /// <summary>The pipeline before issue 15: deferred acceptance on the 50 best by score only.</summary>
    private static (int?[] MentorOf, int FirstChoicesCut) BeforeIssue15(List<CohortMentee> mentees, List<CohortMentor> mentors,
        CohortSettings settings)
    {
        var (problem, _) = CohortProblemBuilder.Build(mentees, mentors, settings);
        var found = CandidateSearch.Find(problem!.Mentees, problem.Mentors, new WeightedScore(problem.Mentees, problem.Mentors),
            settings.CandidatesPerMentee, problem.Blocked);
        var c = found.Candidates;
        var rankings = ExplicitRankings.From(problem.MenteeRanking, problem.MentorRanking, c);
        var matches = DeferredAcceptance.Solve(c, new MatchingRules { UnmatchedPenalty = settings.UnmatchedPenalty }, rankings).Matches!;
        var cut = Enumerable.Range(0, mentees.Count).Count(i => mentees[i].Ranking.Count > 0
            && Acceptable(mentees[i], mentors[Index(mentees[i].Ranking[0])]) && c.FindArc(i, Index(mentees[i].Ranking[0])) < 0);
        return ([.. matches.MentorOf.Select(j => j == Matches.Unmatched ? (int?)null : j)], cut);
    }

    /// <summary>
    /// 3,000 mentees, 600 mentors with 1–8 places, three languages, random goals; every mentee ranks
    /// five mentors and every mentor ten mentees at random among those sharing a language — so most
    /// declared pairs are not among the 50 best by score.
    /// </summary>
    private static (List<CohortMentee>, List<CohortMentor>) Cohort(int seed)
    {
        var random = new Random(seed);
        string[][] languageSets = [["en"], ["en", "de"], ["de"], ["fr", "en"], ["fr"]];
        float[] Vector()
        {
            var v = new float[Dimensions];
            for (var d = 0; d < Dimensions; d++) v[d] = (float)(random.NextDouble() * 2 - 1);
            var norm = MathF.Sqrt(v.Sum(x => x * x));
            return [.. v.Select(x => x / norm)];
        }
        var menteeLanguages = Enumerable.Range(0, 3_000).Select(_ => languageSets[random.Next(languageSets.Length)]).ToArray();
        var mentorLanguages = Enumerable.Range(0, 600).Select(_ => languageSets[random.Next(languageSets.Length)]).ToArray();
        string[] RankSome(string prefix, string[] mine, string[][] others, int count) =>
            [.. Enumerable.Range(0, others.Length).Where(o => others[o].Intersect(mine).Any()).OrderBy(_ => random.Next())
                .Take(count).Select(o => prefix + o)];
        var mentees = Enumerable.Range(0, 3_000).Select(i => new CohortMentee($"e{i}", menteeLanguages[i],
            random.Next(4) == 0 ? $"u{random.Next(5)}" : null, Vector())
        {
            Ranking = RankSome("m", menteeLanguages[i], mentorLanguages, 5),
        }).ToList();
        var mentors = Enumerable.Range(0, 600).Select(j => new CohortMentor($"m{j}", mentorLanguages[j],
            random.Next(4) == 0 ? $"u{random.Next(5)}" : null, random.Next(1, 9), Vector())
        {
            Ranking = RankSome("e", mentorLanguages[j], menteeLanguages, 10),
        }).ToList();
        return (mentees, mentors);
    }

    /// <summary>Ids are a letter and the index ("m17", "e4").</summary>
    private static int Index(string id) => int.Parse(id.AsSpan(1));

    private static bool Acceptable(CohortMentee mentee, CohortMentor mentor) =>
        mentor.Capacity > 0 && mentee.Languages.Intersect(mentor.Languages).Any()
        && (mentee.OrgUnit is null || mentee.OrgUnit != mentor.OrgUnit) && !mentee.Blocked.Contains(mentor.Id);

    /// <summary>
    /// Pairs (mentee, mentor) that either side ranked, that pass the filters, and that would both
    /// rather be together: the mentee is unmatched or prefers the mentor to their own, and the
    /// mentor has a free place or prefers the mentee to the worst they hold. A person prefers whom
    /// they ranked, earlier first, to everyone they did not rank, and those by score (then by index).
    /// </summary>
    private static long DeclaredBlockingPairs(List<CohortMentee> mentees, List<CohortMentor> mentors, int?[] mentorOf)
    {
        var menteeRank = mentees.Select(p => Ranks(p.Ranking)).ToArray();
        var mentorRank = mentors.Select(p => Ranks(p.Ranking)).ToArray();
        (long, int) MenteeKey(int i, int j) => (menteeRank[i].TryGetValue("m" + j, out var r) ? r : 1_000_000 + Cost(mentees[i], mentors[j]), j);
        (long, int) MentorKey(int j, int i) => (mentorRank[j].TryGetValue("e" + i, out var r) ? r : 1_000_000 + Cost(mentees[i], mentors[j]), i);

        var held = new List<int>[mentors.Count];
        for (var j = 0; j < mentors.Count; j++) held[j] = [];
        for (var i = 0; i < mentees.Count; i++)
            if (mentorOf[i] is { } j) held[j].Add(i);

        var declared = new HashSet<(int, int)>();
        for (var i = 0; i < mentees.Count; i++)
            foreach (var id in mentees[i].Ranking) declared.Add((i, Index(id)));
        for (var j = 0; j < mentors.Count; j++)
            foreach (var id in mentors[j].Ranking) declared.Add((Index(id), j));

        long blocking = 0;
        foreach (var (i, j) in declared)
        {
            if (!Acceptable(mentees[i], mentors[j]) || mentorOf[i] == j) continue;
            var menteeWants = mentorOf[i] is not { } partner || MenteeKey(i, j).CompareTo(MenteeKey(i, partner)) < 0;
            var mentorWants = held[j].Count < mentors[j].Capacity
                || held[j].Any(k => MentorKey(j, i).CompareTo(MentorKey(j, k)) < 0);
            if (menteeWants && mentorWants) blocking++;
        }
        return blocking;
    }

    private static Dictionary<string, int> Ranks(IReadOnlyList<string> ranking)
    {
        var ranks = new Dictionary<string, int>();
        for (var r = 0; r < ranking.Count; r++) ranks.TryAdd(ranking[r], r);
        return ranks;
    }

    /// <summary>The score's definition (docs/matching.md): 0.85 × cosine (clamped), + 0.15 with two shared languages.</summary>
    private static int Cost(CohortMentee mentee, CohortMentor mentor)
    {
        // The same float dot product as the library, so a cost on a rounding boundary rounds the same way.
        var cosine = TensorPrimitives.Dot(mentee.Embedding.Span, mentor.Embedding.Span);
        var shared = mentee.Languages.Intersect(mentor.Languages).Count();
        var score = (0.85f * Math.Clamp(cosine, 0f, 1f) + (shared >= 2 ? 0.15f : 0f)) / (0.85f + 0.15f);
        return 999 - (int)MathF.Round(score * 999);
    }
}
