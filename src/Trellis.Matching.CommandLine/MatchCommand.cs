using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.AI;
using Trellis.Matching.Cohort;
using Trellis.Matching.Embeddings;

namespace Trellis.Matching.CommandLine;

/// <summary>
/// <c>trellis match</c>: matches a whole cohort from two CSV files. Nothing is computed until
/// both files are clean; bad rows are listed with line numbers and the exit code is 2.
/// </summary>
public static class MatchCommand
{
    public const int Ok = Commands.Ok, Failed = Commands.Failed, BadInput = Commands.BadInput;

    public const string Usage =
        "match --mentees mentees.csv --mentors mentors.csv --mode optimal|stable --out matches.csv " +
        "[--k 50] [--penalty 10000] [--max-per-mentor N] [--hashing-embedder]";

    /// <summary>Runs with <see cref="HashingEmbedder"/> unless given another; the site passes the real model.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr,
        IEmbeddingGenerator<string, Embedding<float>>? embedder = null)
    {
        var root = new RootCommand { Create(_ => embedder ?? HashingEmbedder.Instance) };
        return Commands.InvokeAsync(root, ["match", .. args], stdout, stderr).GetAwaiter().GetResult();
    }

    /// <summary>
    /// The command, for a root command. <paramref name="embedder"/> is asked for the generator to
    /// use, with true when <c>--hashing-embedder</c> was given.
    /// </summary>
    public static Command Create(Func<bool, IEmbeddingGenerator<string, Embedding<float>>> embedder)
    {
        var mentees = new Option<string>("--mentees") { Description = "mentees.csv", Required = true };
        var mentors = new Option<string>("--mentors") { Description = "mentors.csv", Required = true };
        var output = new Option<string>("--out") { Description = "where matches.csv is written", Required = true };
        var mode = new Option<string>("--mode") { Description = "optimal or stable", Required = true };
        mode.Validators.Add(r =>
        {
            var value = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
            if (value is not ("optimal" or "stable")) r.AddError($"--mode must be optimal or stable, not '{value}'.");
        });
        var k = Commands.Number("--k", "candidates kept per mentee", 50, 1, 1_000);
        var penalty = Commands.Number("--penalty", "cost of leaving a mentee unmatched", 10_000, 0, 1_000_000);
        var cap = Commands.Number("--max-per-mentor", "at most this many mentees per mentor", 0, 0, 1_000);
        var hashing = new Option<bool>("--hashing-embedder") { Description = "a fast word-hashing stand-in for the sentence model" };

        var command = new UsageCommand("match", "match a whole cohort from CSV files (docs/matching.md)", Usage)
        {
            mentees, mentors, output, mode, k, penalty, cap, hashing,
        };
        command.SetAction((parsed, ct) => RunAsync(new MatchRun(
            parsed.GetRequiredValue(mentees), parsed.GetRequiredValue(mentors), parsed.GetRequiredValue(output),
            parsed.GetValue(mode) == "stable" ? CohortMode.Stable : CohortMode.Optimal,
            parsed.GetValue(k), parsed.GetValue(penalty), parsed.GetResult(cap) is { Implicit: false } ? parsed.GetValue(cap) : null),
            embedder(parsed.GetValue(hashing)), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, ct));
        return command;
    }

    private sealed record MatchRun(string Mentees, string Mentors, string Out, CohortMode Mode, int K, int Penalty,
        int? MaxPerMentor);

    private static async Task<int> RunAsync(MatchRun run, IEmbeddingGenerator<string, Embedding<float>> embedder,
        TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var outDirectory = Path.GetDirectoryName(Path.GetFullPath(run.Out))!;
        if (!Directory.Exists(outDirectory))
        {
            await stderr.WriteLineAsync($"the folder for --out does not exist: {outDirectory}");
            return BadInput;
        }

        var clock = Stopwatch.StartNew();
        var progress = new StageProgress(stderr, clock);
        progress.Stage("reading and checking both files");
        var (input, errors) = CohortInput.Read(run.Mentees, run.Mentors);
        if (input is null)
        {
            foreach (var error in errors) await stderr.WriteLineAsync(error.ToString());
            await stderr.WriteLineAsync($"{errors.Count} problem(s) found; nothing was matched and no file was written.");
            return BadInput;
        }

        progress.Stage($"embedding {input.Mentees.Count:N0} mentee goals");
        var menteeVectors = await embedder.GenerateVectorsAsync([.. input.Mentees.Select(p => p.Text)], ct);
        progress.Stage($"embedding {input.Mentors.Count:N0} mentor profiles");
        var mentorVectors = await embedder.GenerateVectorsAsync([.. input.Mentors.Select(p => p.Text)], ct);
        var mentees = input.Mentees.Select((p, i) => new CohortMentee(p.Id, p.Languages, p.OrgUnit, menteeVectors[i])
        {
            Ranking = p.Ranking,
            Blocked = p.Blocked,
        }).ToList();
        var mentors = input.Mentors.Select((p, j) => new CohortMentor(p.Id, p.Languages, p.OrgUnit, p.Capacity, mentorVectors[j])
        {
            Ranking = p.Ranking,
        }).ToList();

        var settings = new CohortSettings
        {
            Mode = run.Mode,
            CandidatesPerMentee = run.K,
            UnmatchedPenalty = run.Penalty,
            MaxMenteesPerMentor = run.MaxPerMentor,
        };
        progress.Describe = stage => stage switch
        {
            CohortStage.Candidates => $"finding the best {run.K} mentors for each mentee",
            CohortStage.Solving => run.Mode == CohortMode.Optimal ? "optimal assignment" : "stable matching",
            _ => "explaining every pair",
        };
        var result = CohortMatcher.Match(mentees, mentors, settings, progress, ct);
        if (!result.IsValid)
        {
            foreach (var problem in result.Problems) await stderr.WriteLineAsync(CohortText.Problem(problem));
            return Failed;
        }

        progress.Stage($"writing {run.Out}");
        MatchReport.Write(run.Out, input, result);
        var summary = result.Summary!;
        var by = summary.UnmatchedByReason;
        await stdout.WriteLineAsync($"mode: {run.Mode.ToString().ToLowerInvariant()}");
        await stdout.WriteLineAsync($"matched: {summary.Matched:N0} of {input.Mentees.Count:N0} mentees");
        await stdout.WriteLineAsync($"unmatched: {summary.Unmatched:N0} (no candidate {by[UnmatchedReason.NoCandidate]:N0}, " +
            $"blocked {by[UnmatchedReason.Forbidden]:N0}, candidates full {by[UnmatchedReason.AllCandidatesFull]:N0})");
        await stdout.WriteLineAsync($"candidate pairs: {summary.CandidatePairs:N0}");
        await stdout.WriteLineAsync($"total score: {summary.TotalScore:N0}");
        await stdout.WriteLineAsync($"mean rank: {summary.MeanMenteeRank:0.00} for mentees, {summary.MeanMentorRank:0.00} for mentors");
        await stdout.WriteLineAsync($"time: {clock.Elapsed.TotalSeconds:0.0} s");
        return Ok;
    }
}
