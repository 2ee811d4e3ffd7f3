using System.Diagnostics;
using Trellis.Matching.Assignment;
using Trellis.Matching.Stable;

namespace Trellis.Matching.Cohort;

/// <summary>
/// <c>trellis match</c>: matches a whole cohort from two CSV files. Nothing is computed until
/// both files are clean; bad rows are listed with line numbers and the exit code is 2.
/// </summary>
public static class MatchCommand
{
    public const int Ok = 0, Failed = 1, BadInput = 2;

    /// <summary>Runs with the built-in <see cref="HashingEmbedder"/>; the web app passes the real model.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, HashingEmbedder.Embed);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<string[], float[][]> embed)
    {
        var (options, argErrors) = MatchOptions.Parse(args);
        if (options is null)
        {
            foreach (var error in argErrors) stderr.WriteLine(error);
            stderr.WriteLine(MatchOptions.Usage);
            return BadInput;
        }
        var outDirectory = Path.GetDirectoryName(Path.GetFullPath(options.Out))!;
        if (!Directory.Exists(outDirectory))
        {
            stderr.WriteLine($"the folder for --out does not exist: {outDirectory}");
            return BadInput;
        }

        var clock = Stopwatch.StartNew();
        var progress = new StageProgress(stderr, clock);
        progress.Stage("reading and checking both files");
        var (input, errors) = CohortInput.Read(options.Mentees, options.Mentors);
        if (input is null)
        {
            foreach (var error in errors) stderr.WriteLine(error);
            stderr.WriteLine($"{errors.Count} problem(s) found; nothing was matched and no file was written.");
            return BadInput;
        }

        var (mentees, mentors, blocked) = input.ToSides(embed, progress);
        progress.Stage($"finding the best {options.K} mentors for each mentee");
        var found = CandidateSearch.Find(mentees, mentors, new WeightedScore(mentees, mentors), options.K, blocked, progress);

        progress.Stage($"{(options.Mode == MatchMode.Optimal ? "optimal assignment" : "stable matching")} over {found.Candidates.ArcCount:N0} candidate pairs");
        var rules = new MatchingRules { UnmatchedPenalty = options.Penalty, MaxMenteesPerMentor = options.MaxPerMentor };
        var rankings = options.Mode == MatchMode.Stable ? ExplicitRankings.From(input, found.Candidates) : Rankings.FromScores;
        var result = options.Mode == MatchMode.Optimal
            ? OptimalAssignment.Solve(found.Candidates, rules)
            : DeferredAcceptance.Solve(found.Candidates, rules, rankings);
        if (!result.IsValid)
        {
            foreach (var violation in result.Violations) stderr.WriteLine(violation.Reason);
            return Failed;
        }

        progress.Stage($"writing {options.Out}");
        var summary = MatchReport.Write(options.Out, input, mentees, mentors, found, result.Matches!, rankings);
        stdout.WriteLine($"mode: {options.Mode.ToString().ToLowerInvariant()}");
        stdout.WriteLine($"matched: {summary.Matched:N0} of {input.Mentees.Count:N0} mentees");
        stdout.WriteLine($"unmatched: {summary.Unmatched:N0} (no candidate {summary.ByReason[UnmatchedReason.NoCandidate]:N0}, " +
            $"blocked {summary.ByReason[UnmatchedReason.Forbidden]:N0}, candidates full {summary.ByReason[UnmatchedReason.AllCandidatesFull]:N0})");
        stdout.WriteLine($"total score: {summary.TotalScore:N0}");
        stdout.WriteLine($"mean rank: {summary.MeanMenteeRank:0.00} for mentees, {summary.MeanMentorRank:0.00} for mentors");
        stdout.WriteLine($"time: {clock.Elapsed.TotalSeconds:0.0} s");
        return Ok;
    }
}
