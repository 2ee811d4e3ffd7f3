using System.Numerics.Tensors;
using Trellis.Matching.Assignment;
using Trellis.Matching.Stable;

namespace Trellis.Matching.Cohort;

/// <summary>
/// Bulk matching of a whole cohort in one call: candidate search, the optimal or stable solver,
/// and the facts behind every pair and every mentee left out. No files, no words: the command
/// line and the programmes page read from and write to their own places and put the facts into
/// sentences. Thread-safe (no shared state); CPU-bound, both cores for the candidate search.
/// </summary>
public static class CohortMatcher
{
    public static CohortResult Match(IReadOnlyList<CohortMentee> mentees, IReadOnlyList<CohortMentor> mentors,
        CohortSettings settings, IProgress<CohortProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.CandidatesPerMentee, 1);
        var (problem, problems) = CohortProblemBuilder.Build(mentees, mentors, settings);
        if (problem is null) return new CohortResult([], null, problems);

        var stage = Stage(progress, CohortStage.Candidates);
        var found = CandidateSearch.Find(problem.Mentees, problem.Mentors, new WeightedScore(problem.Mentees, problem.Mentors),
            settings.CandidatesPerMentee, problem.Blocked, stage);
        ct.ThrowIfCancellationRequested();

        progress?.Report(new CohortProgress(CohortStage.Solving, 0));
        if (problem.Pinned.Count > 0)
        {
            var (pinnedIn, pinProblems) = PinnedPairs.Add(found.Candidates, problem, mentees, mentors);
            if (pinProblems.Count > 0) return new CohortResult([], null, pinProblems);
            found = found with { Candidates = pinnedIn };
        }
        RankingFacts? rankingFacts = null;
        if (settings.Mode == CohortMode.Stable)
        {
            (var declared, rankingFacts) = DeclaredPairs.Add(found.Candidates, problem);
            found = found with { Candidates = declared };
        }
        var c = found.Candidates;
        var rules = new MatchingRules
        {
            UnmatchedPenalty = settings.UnmatchedPenalty,
            MaxMenteesPerMentor = settings.MaxMenteesPerMentor,
            Pinned = problem.Pinned,
        };
        var rankings = settings.Mode == CohortMode.Stable
            ? ExplicitRankings.From(problem.MenteeRanking, problem.MentorRanking, c)
            : Rankings.FromScores;
        OptimalityCertificate? certificate = null;
        MatchingResult solved;
        if (settings.Mode == CohortMode.Stable) solved = DeferredAcceptance.Solve(c, rules, rankings);
        else if (!settings.OverAllPairs) solved = OptimalAssignment.Solve(c, rules, Stage(progress, CohortStage.Solving));
        else
        {
            (c, solved, certificate) = GlobalOptimum.Solve(problem, c, rules, Stage(progress, CohortStage.Solving), ct);
            found = found with { Candidates = c };
        }
        progress?.Report(new CohortProgress(CohortStage.Solving, 1));
        if (!solved.IsValid) return new CohortResult([], null, [.. solved.Violations.Select(v => Problem(v, mentees, mentors))]);
        ct.ThrowIfCancellationRequested();

        progress?.Report(new CohortProgress(CohortStage.Explaining, 0));
        var result = Describe(mentees, mentors, problem, found, solved.Matches!, rankings, settings);
        if (rankingFacts is not null || certificate is not null)
            result = result with { Summary = result.Summary! with { Rankings = rankingFacts, Certificate = certificate } };
        progress?.Report(new CohortProgress(CohortStage.Explaining, 1));
        return result;
    }

    private static CohortProblem Problem(RuleViolation v, IReadOnlyList<CohortMentee> mentees, IReadOnlyList<CohortMentor> mentors)
    {
        var (mentee, mentor) = (v.Mentee >= 0 ? mentees[v.Mentee].Id : null, v.Mentor >= 0 ? mentors[v.Mentor].Id : null);
        return v.Kind switch
        {
            RuleViolationKind.PinnedTwice => new(CohortProblemKind.PinnedTwice, mentee, mentor),
            RuleViolationKind.PinnedAndForbidden => new(CohortProblemKind.PinnedAndForbidden, mentee, mentor),
            RuleViolationKind.PinnedOverCapacity => new(CohortProblemKind.PinOverCapacity, mentee, mentor),
            RuleViolationKind.NegativePenalty => new(CohortProblemKind.NegativePenalty),
            _ => new(CohortProblemKind.PinBreaksFilter, mentee, mentor),
        };
    }

    private static IProgress<double>? Stage(IProgress<CohortProgress>? progress, CohortStage stage) =>
        progress is null ? null : new StageFraction(progress, stage);

    private sealed class StageFraction(IProgress<CohortProgress> progress, CohortStage stage) : IProgress<double>
    {
        public void Report(double value) => progress.Report(new CohortProgress(stage, value));
    }

    private static CohortResult Describe(IReadOnlyList<CohortMentee> mentees, IReadOnlyList<CohortMentor> mentors,
        CohortProblemData problem, CohortCandidates found, Matches matches, Rankings rankings, CohortSettings settings)
    {
        var c = found.Candidates;
        var why = new UnmatchedWhy(problem, c, matches, settings);
        var mentorKeys = MentorSideKeys(c, rankings, out var keyStart);
        var byReason = Enum.GetValues<UnmatchedReason>().ToDictionary(r => r, _ => 0);
        long totalScore = 0, menteeRanks = 0, mentorRanks = 0;
        var matched = 0;
        var assignments = new CohortAssignment[c.MenteeCount];
        for (var i = 0; i < c.MenteeCount; i++)
        {
            var j = matches.MentorOf[i];
            if (j == Matches.Unmatched)
            {
                var facts = why.Explain(i, found.Blocked[i]);
                byReason[facts.Reason]++;
                assignments[i] = new CohortAssignment(i, null, 0, null, facts);
                continue;
            }

            var arc = c.FindArc(i, j);
            var menteeKey = rankings.MenteeKey(c, arc);
            var menteeRank = 1;
            for (var a = c.Offsets[i]; a < c.Offsets[i + 1]; a++)
                if (rankings.MenteeKey(c, a) < menteeKey) menteeRank++;
            var segment = mentorKeys.AsSpan(keyStart[j], keyStart[j + 1] - keyStart[j]);
            var mentorRank = 1 + LowerBound(segment, rankings.MentorKey(c, arc, i));
            var score = WeightedScore.MaxCost - c.Costs[arc];

            matched++;
            totalScore += score;
            menteeRanks += menteeRank;
            mentorRanks += mentorRank;
            var similarity = TensorPrimitives.Dot(problem.Mentees.Embedding(i), problem.Mentors.Embedding(j));
            var (mentee, mentor) = (mentees[i], mentors[j]);
            assignments[i] = new CohortAssignment(i, j, score, new PairFacts(similarity,
                [.. mentee.Languages.Select(Lower).Distinct().Intersect(mentor.Languages.Select(Lower))],
                mentee.OrgUnit, mentor.OrgUnit, menteeRank, mentorRank, c.CandidateCount(i)), null);
        }

        var summary = new CohortSummary(matched, c.MenteeCount - matched, byReason, totalScore,
            matched == 0 ? 0 : (double)menteeRanks / matched, matched == 0 ? 0 : (double)mentorRanks / matched, c.ArcCount);
        return new CohortResult(assignments, summary, []);
    }

    private static string Lower(string language) => language.Trim().ToLowerInvariant();

    /// <summary>Per mentor, the sorted preference keys of every mentee who has them as a candidate.</summary>
    private static long[] MentorSideKeys(Candidates c, Rankings rankings, out int[] start)
    {
        start = new int[c.MentorCount + 1];
        foreach (var j in c.Mentors) start[j + 1]++;
        for (var j = 0; j < c.MentorCount; j++) start[j + 1] += start[j];
        var next = start[..^1].ToArray();
        var keys = new long[c.ArcCount];
        for (var i = 0; i < c.MenteeCount; i++)
            for (var a = c.Offsets[i]; a < c.Offsets[i + 1]; a++)
                keys[next[c.Mentors[a]]++] = rankings.MentorKey(c, a, i);
        for (var j = 0; j < c.MentorCount; j++) keys.AsSpan(start[j], start[j + 1] - start[j]).Sort();
        return keys;
    }

    private static int LowerBound(ReadOnlySpan<long> sorted, long key)
    {
        var index = sorted.BinarySearch(key);
        return index >= 0 ? index : ~index;
    }
}
