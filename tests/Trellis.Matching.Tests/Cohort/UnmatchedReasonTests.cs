using Trellis.Matching.Cohort;
using Trellis.Matching.Tests.Support;

namespace Trellis.Matching.Tests.Cohort;

/// <summary>
/// Every reason an unmatched mentee can be given, each on a cohort built so that it is the true
/// one (issue 15, item 3), and a property check that the reasons hold on random cohorts.
/// </summary>
public sealed class UnmatchedReasonTests
{
    // One language, so no pair earns the second-language bonus: cost = 999 − round(999 · cosine).
    private static readonly float[] East = [1, 0], Between = [0.6f, 0.8f]; // East·Between = 0.6: cost 490 (the score is 0.85 · cosine, out of 999)

    private static CohortMentee Mentee(string id, float[] goals, string language = "en") => new(id, [language], null, goals);

    private static CohortMentor Mentor(string id, float[] expertise, int capacity) => new(id, ["en"], null, capacity, expertise);

    private static UnmatchedFacts Unmatched(CohortResult result, int mentee)
    {
        Assert.True(result.IsValid);
        Assert.Null(result.Assignments[mentee].Mentor);
        return result.Assignments[mentee].Unmatched!;
    }

    [Theory]
    [InlineData(CohortMode.Optimal)]
    [InlineData(CohortMode.Stable)]
    public void NoSharedLanguage_IsNoCandidate(CohortMode mode)
    {
        var result = CohortMatcher.Match([Mentee("e1", East, "fr")], [Mentor("m1", East, 1)], new CohortSettings { ReferenceDate = Builders.November, Mode = mode });

        var facts = Unmatched(result, 0);
        Assert.Equal(UnmatchedReason.NoCandidate, facts.Reason);
        Assert.Equal(0, facts.MentorsWithPlaces);
    }

    [Fact]
    public void OnlyPassingMentorBlocked_IsForbidden()
    {
        var result = CohortMatcher.Match([Mentee("e1", East) with { Blocked = ["m1"] }], [Mentor("m1", East, 1)],
            new CohortSettings { ReferenceDate = Builders.November });

        var facts = Unmatched(result, 0);
        Assert.Equal(UnmatchedReason.Forbidden, facts.Reason);
        Assert.Equal(1, facts.BlockedButPassing);
        Assert.Equal(0, facts.MentorsWithPlaces); // the blocked mentor's free place is not one this mentee can have
    }

    [Theory]
    [InlineData(CohortMode.Optimal)]
    [InlineData(CohortMode.Stable)]
    public void EveryPassingMentorFull_IsAllCandidatesFull(CohortMode mode)
    {
        var result = CohortMatcher.Match([Mentee("e1", East), Mentee("e2", Between)], [Mentor("m1", East, 1)],
            new CohortSettings { ReferenceDate = Builders.November, Mode = mode });

        Assert.Equal(0, result.Assignments[0].Mentor);
        var facts = Unmatched(result, 1);
        Assert.Equal(UnmatchedReason.AllCandidatesFull, facts.Reason);
        Assert.Equal(0, facts.MentorsWithPlaces);
        Assert.Equal(0, facts.FullByCap);
    }

    [Fact]
    public void FullOnlyBecauseOfTheCap_SaysSo()
    {
        var result = CohortMatcher.Match([Mentee("e1", East), Mentee("e2", Between)], [Mentor("m1", East, 3)],
            new CohortSettings { ReferenceDate = Builders.November, MaxMenteesPerMentor = 1 });

        var facts = Unmatched(result, 1);
        Assert.Equal(UnmatchedReason.AllCandidatesFull, facts.Reason);
        Assert.Equal(1, facts.FullByCap);
        Assert.Equal(0, facts.MentorsWithPlaces); // the cap is the coordinator's rule: those places are not free
    }

    [Fact]
    public void LowPenalty_WithAFreeMentor_IsBelowPenaltyNeverFull()
    {
        // The case: a penalty of 300 makes leaving e1 out (300) cheaper than the pair (490);
        // before, e1 was told the candidates were full while m1 had two free places.
        var result = CohortMatcher.Match([Mentee("e1", East)], [Mentor("m1", Between, 2)],
            new CohortSettings { ReferenceDate = Builders.November, UnmatchedPenalty = 300 });

        var facts = Unmatched(result, 0);
        Assert.Equal(UnmatchedReason.BelowPenalty, facts.Reason);
        Assert.Equal(1, facts.MentorsWithPlaces);
        Assert.Equal(509, facts.BestScoreWithPlaces);
        Assert.Equal(699, facts.ScoreToBeat);
        Assert.Equal(0, result.Summary!.UnmatchedByReason[UnmatchedReason.AllCandidatesFull]);
        Assert.Equal(1, result.Summary.UnmatchedByReason[UnmatchedReason.BelowPenalty]);
    }

    [Theory]
    [InlineData(CohortMode.Optimal)]
    [InlineData(CohortMode.Stable)]
    public void RoomOnlyOutsideTheCandidates_IsNotACandidate(CohortMode mode)
    {
        // One candidate each (K = 1): both want m1; m2 has a place and fits (score 509) but was cut.
        var result = CohortMatcher.Match([Mentee("e1", East), Mentee("e2", East)],
            [Mentor("m1", East, 1), Mentor("m2", Between, 1)],
            new CohortSettings { ReferenceDate = Builders.November, Mode = mode, CandidatesPerMentee = 1, OverAllPairs = false });

        Assert.True(result.IsValid);
        var left = Assert.Single(result.Assignments, a => a.Mentor is null);
        Assert.Equal(UnmatchedReason.NotACandidate, left.Unmatched!.Reason);
        Assert.Equal(1, left.Unmatched.MentorsWithPlacesOutsideCandidates);
        Assert.Equal(509, left.Unmatched.BestScoreWithPlaces);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void RandomCohorts_EveryReasonHoldsWhenCheckedFromTheResult(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 25; round++)
        {
            var languages = new[] { "en", "de", "fr" };
            string[] Speaks() => [.. languages.Where(_ => random.NextDouble() < 0.45).DefaultIfEmpty(languages[random.Next(3)])];
            float[] Vector()
            {
                var angle = random.NextDouble() * Math.PI / 2;
                return [(float)Math.Cos(angle), (float)Math.Sin(angle)];
            }
            var mentees = Enumerable.Range(0, random.Next(5, 40)).Select(i => new CohortMentee($"e{i}", Speaks(),
                random.Next(3) == 0 ? "u" + random.Next(3) : null, Vector())).ToList();
            var mentors = Enumerable.Range(0, random.Next(1, 12)).Select(j => new CohortMentor($"m{j}", Speaks(),
                random.Next(3) == 0 ? "u" + random.Next(3) : null, random.Next(0, 4), Vector())).ToList();
            var settings = new CohortSettings
            {
                ReferenceDate = Builders.November,
                Mode = random.Next(2) == 0 ? CohortMode.Optimal : CohortMode.Stable,
                CandidatesPerMentee = random.Next(1, 4),
                UnmatchedPenalty = random.Next(2) == 0 ? 10_000 : random.Next(0, 999),
                MaxMenteesPerMentor = random.Next(3) == 0 ? 1 : null,
                OverAllPairs = random.Next(2) == 0,
            };

            var result = CohortMatcher.Match(mentees, mentors, settings);

            Assert.True(result.IsValid);
            CheckReasons(mentees, mentors, settings, result);
        }
    }

    /// <summary>The definitions, recomputed from the people and the result alone.</summary>
    private static void CheckReasons(List<CohortMentee> mentees, List<CohortMentor> mentors, CohortSettings settings,
        CohortResult result)
    {
        var load = new int[mentors.Count];
        foreach (var a in result.Assignments)
            if (a.Mentor is { } j) load[j]++;
        var places = mentors.Select(m => Math.Min(m.Capacity, settings.MaxMenteesPerMentor ?? int.MaxValue)).ToArray();
        foreach (var a in result.Assignments.Where(a => a.Mentor is null))
        {
            var mentee = mentees[a.Mentee];
            var passing = Enumerable.Range(0, mentors.Count).Where(j => mentors[j].Capacity > 0
                && mentors[j].Languages.Intersect(mentee.Languages).Any()
                && (mentee.OrgUnit is null || mentee.OrgUnit != mentors[j].OrgUnit)).ToList();
            var open = passing.Where(j => !mentee.Blocked.Contains(mentors[j].Id) && load[j] < places[j]).ToList();
            var facts = a.Unmatched!;
            Assert.Equal(open.Count, facts.MentorsWithPlaces);
            switch (facts.Reason)
            {
                case UnmatchedReason.NoCandidate:
                    Assert.Empty(passing);
                    break;
                case UnmatchedReason.Forbidden:
                    Assert.NotEmpty(passing);
                    Assert.All(passing, j => Assert.Contains(mentors[j].Id, mentee.Blocked));
                    break;
                case UnmatchedReason.AllCandidatesFull:
                    Assert.Empty(open);
                    break;
                case UnmatchedReason.BelowPenalty:
                    Assert.Equal(CohortMode.Optimal, settings.Mode);
                    Assert.NotEmpty(open);
                    Assert.All(open, j => Assert.True(Cost(mentee, mentors[j]) >= settings.UnmatchedPenalty));
                    break;
                case UnmatchedReason.NotACandidate:
                    Assert.False(settings.Mode == CohortMode.Optimal && settings.OverAllPairs, "the optimum over all pairs has no cut");
                    Assert.NotEmpty(open);
                    Assert.True(facts.MentorsWithPlacesOutsideCandidates > 0);
                    break;
            }
        }
    }

    private static int Cost(CohortMentee mentee, CohortMentor mentor)
    {
        var a = mentee.Embedding.Span;
        var b = mentor.Embedding.Span;
        var cosine = Math.Clamp(a[0] * b[0] + a[1] * b[1], 0f, 1f);
        var shared = mentee.Languages.Intersect(mentor.Languages).Count();
        var score = (0.85f * cosine + (shared >= 2 ? 0.15f : 0f)) / 1f;
        return 999 - (int)MathF.Round(score * 999);
    }
}
