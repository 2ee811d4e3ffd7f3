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
        "[--k 50] [--penalty 10000] [--max-per-mentor N] [--candidates-only] [--hashing-embedder]";

    /// <summary>Errors listed before the rest are only counted: a broken file can have a million bad lines.</summary>
    public const int MaxErrorsListed = 100;

    /// <summary>Runs with <see cref="HashingEmbedder"/> unless given another; the site passes the real model.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr,
        IEmbeddingGenerator<string, Embedding<float>>? embedder = null) => Run(args, stdout, stderr, embedder, null);

    /// <summary>For tests: <paramref name="openOutput"/> opens the temporary output file (a full disk, say).</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr,
        IEmbeddingGenerator<string, Embedding<float>>? embedder, Func<string, Stream>? openOutput)
    {
        var root = new RootCommand { Create(_ => embedder ?? HashingEmbedder.Instance, TimeProvider.System, openOutput) };
        return Commands.InvokeAsync(root, ["match", .. args], stdout, stderr).GetAwaiter().GetResult();
    }

    /// <summary>
    /// The command, for a root command. <paramref name="embedder"/> is asked for the generator to
    /// use, with true when <c>--hashing-embedder</c> was given; <paramref name="time"/> gives the week in
    /// which required meeting windows are compared.
    /// </summary>
    public static Command Create(Func<bool, IEmbeddingGenerator<string, Embedding<float>>> embedder, TimeProvider time) =>
        Create(embedder, time, null);

    private static Command Create(Func<bool, IEmbeddingGenerator<string, Embedding<float>>> embedder, TimeProvider time,
        Func<string, Stream>? openOutput)
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
        var candidatesOnly = new Option<bool>("--candidates-only")
        {
            Description = "optimal over each mentee's K candidates only, without the scan of every pair (faster, not the global optimum)",
        };

        var command = new UsageCommand("match", "match a whole cohort from CSV files (docs/matching.md)", Usage)
        {
            mentees, mentors, output, mode, k, penalty, cap, candidatesOnly, hashing,
        };
        command.SetAction((parsed, ct) => RunAsync(new MatchRun(
            parsed.GetRequiredValue(mentees), parsed.GetRequiredValue(mentors), parsed.GetRequiredValue(output),
            parsed.GetValue(mode) == "stable" ? CohortMode.Stable : CohortMode.Optimal,
            parsed.GetValue(k), parsed.GetValue(penalty), parsed.GetResult(cap) is { Implicit: false } ? parsed.GetValue(cap) : null,
            PenaltyGiven: parsed.GetResult(penalty) is { Implicit: false }, CandidatesOnly: parsed.GetValue(candidatesOnly),
            Today: DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)),
            embedder(parsed.GetValue(hashing)), openOutput, parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, ct));
        return command;
    }

    private sealed record MatchRun(string Mentees, string Mentors, string Out, CohortMode Mode, int K, int Penalty,
        int? MaxPerMentor, bool PenaltyGiven, bool CandidatesOnly, DateOnly Today);

    private static async Task<int> RunAsync(MatchRun run, IEmbeddingGenerator<string, Embedding<float>> embedder,
        Func<string, Stream>? openOutput, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (OutputProblem(run) is { } problem)
        {
            await stderr.WriteLineAsync(problem);
            return BadInput;
        }
        if (run.Mode == CohortMode.Stable && run.PenaltyGiven)
            await stderr.WriteLineAsync("warning: --penalty applies to --mode optimal only; stable matching ignores it.");
        if (run.Mode == CohortMode.Stable && run.CandidatesOnly)
            await stderr.WriteLineAsync("warning: --candidates-only applies to --mode optimal only; stable matching ignores it.");

        var clock = Stopwatch.StartNew();
        var lines = new StageProgress(stderr, clock);
        lines.Stage("reading and checking both files");
        var (input, errors) = CohortInput.Read(run.Mentees, run.Mentors);
        if (input is null)
        {
            foreach (var error in errors.Take(MaxErrorsListed)) await stderr.WriteLineAsync(error.ToString());
            var listed = errors.Count > MaxErrorsListed ? $" (the first {MaxErrorsListed} are listed)" : "";
            await stderr.WriteLineAsync($"{errors.Count:N0} problem(s) found{listed}; nothing was matched and no file was written.");
            return BadInput;
        }
        if (run.Mode == CohortMode.Optimal && input.Mentees.Concat(input.Mentors).Any(p => p.Ranking.Length > 0))
            await stderr.WriteLineAsync("warning: the ranking columns apply to --mode stable only; optimal matching ignores them.");

        var result = TerminalProgress.Applies(stderr)
            ? await TerminalProgress.RunAsync(progress => MatchAsync(run, input, embedder, progress, ct))
            : await MatchAsync(run, input, embedder, lines, ct);
        if (!result.IsValid)
        {
            // The rules are in the files (pins, blocks): name the line, as for every other bad row.
            foreach (var p in result.Problems) await stderr.WriteLineAsync(Where(p, run, input) + CohortText.Problem(p));
            await stderr.WriteLineAsync($"{result.Problems.Count:N0} problem(s) found; nothing was matched and no file was written.");
            return BadInput;
        }

        lines.Stage($"writing {run.Out}");
        try
        {
            MatchReport.Write(run.Out, input, result, openOutput);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"could not write {run.Out}: {e.Message.TrimEnd('.')}. Nothing was written; " +
                "a file already there is untouched.");
            return Failed;
        }
        if (result.Summary!.Rankings is { } r && r.Repeated + r.FailHardFilter + r.Blocked > 0)
            await stderr.WriteLineAsync($"warning: of {r.Declared:N0} ranked ids, {r.FailHardFilter:N0} fail a hard filter " +
                $"(no shared language, same unit or no room), {r.Blocked:N0} are blocked and {r.Repeated:N0} are repeats " +
                "(the first place counts); those pairs are never matched.");
        await WriteSummaryAsync(stdout, run, input, result.Summary!, clock);
        return Ok;
    }

    private static string Where(CohortProblem p, MatchRun run, CohortInput input)
    {
        var mentee = p.MenteeId is { } e ? input.Mentees.Find(m => m.Id == e) : null;
        var mentor = p.MentorId is { } m ? input.Mentors.Find(x => x.Id == m) : null;
        return mentee is not null && p.Kind != CohortProblemKind.PinOverCapacity
            ? $"{Path.GetFileName(run.Mentees)}:{mentee.Line}: "
            : mentor is not null ? $"{Path.GetFileName(run.Mentors)}:{mentor.Line}: " : "";
    }

    /// <summary>
    /// Checked before anything is read, so a typo costs nothing: the folder must exist (it is never
    /// created), and the output must not replace a file the run reads.
    /// </summary>
    private static string? OutputProblem(MatchRun run)
    {
        var target = Path.GetFullPath(run.Out);
        if (Directory.Exists(target)) return $"--out names a folder, not a file: {target}";
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder)) return $"the folder for --out does not exist: {folder}";
        foreach (var (option, path) in new[] { ("--mentees", run.Mentees), ("--mentors", run.Mentors) })
            if (SameFile(target, Path.GetFullPath(path)))
                return $"--out names the {option} file ({path}); writing it would destroy the input. Choose another file.";
        return null;
    }

    /// <summary>The same path, or one that resolves to it through symbolic links.</summary>
    private static bool SameFile(string a, string b)
    {
        static string Real(string path) =>
            File.Exists(path) && new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is { } target
                ? target.FullName : path;
        return string.Equals(Real(a), Real(b), OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<CohortResult> MatchAsync(MatchRun run, CohortInput input,
        IEmbeddingGenerator<string, Embedding<float>> embedder, RunProgress progress, CancellationToken ct)
    {
        progress.Stage($"embedding {input.Mentees.Count:N0} mentee goals");
        var menteeVectors = await EmbedAsync(embedder, [.. input.Mentees.Select(p => p.Text)], progress, ct);
        progress.Stage($"embedding {input.Mentors.Count:N0} mentor profiles");
        var mentorVectors = await EmbedAsync(embedder, [.. input.Mentors.Select(p => p.Text)], progress, ct);
        var mentees = input.Mentees.Select((p, i) => new CohortMentee(p.Id, p.Languages, p.OrgUnit, menteeVectors[i])
        {
            Ranking = p.Ranking,
            Blocked = p.Blocked,
            RequiredLanguages = p.RequiredLanguages,
            YearsOfExperience = p.YearsOfExperience,
            Ask = p.Ask,
            Schedule = p.Schedule,
            RequiresMeetingOverlap = p.RequiresMeetingOverlap,
        }).ToList();
        var mentors = input.Mentors.Select((p, j) => new CohortMentor(p.Id, p.Languages, p.OrgUnit, p.Capacity, mentorVectors[j])
        {
            Ranking = p.Ranking,
            YearsOfExperience = p.YearsOfExperience,
            OpenToPeerMentoring = p.OpenToPeerMentoring,
            OpenToReverseMentoring = p.OpenToReverseMentoring,
            Schedule = p.Schedule,
        }).ToList();

        var settings = new CohortSettings
        {
            Mode = run.Mode,
            CandidatesPerMentee = run.K,
            UnmatchedPenalty = run.Penalty,
            MaxMenteesPerMentor = run.MaxPerMentor,
            OverAllPairs = !run.CandidatesOnly,
            Pinned = [.. input.Mentees.Where(p => p.Pinned is not null).Select(p => (p.Id, p.Pinned!))],
            ReferenceDate = run.Today,
        };
        progress.Describe = stage => stage switch
        {
            CohortStage.Candidates => $"finding the best {run.K} mentors for each mentee",
            CohortStage.Solving => run.Mode == CohortMode.Optimal ? "optimal assignment" : "stable matching",
            _ => "explaining every pair",
        };
        var result = CohortMatcher.Match(mentees, mentors, settings, progress, ct);
        progress.Finish();
        return result;
    }

    /// <summary>
    /// In batches, so the longest stage of a run with the sentence model (minutes for a large
    /// cohort) shows how far it is; the vectors are the same as from one call.
    /// </summary>
    private static async Task<float[][]> EmbedAsync(IEmbeddingGenerator<string, Embedding<float>> embedder,
        IReadOnlyList<string> texts, RunProgress progress, CancellationToken ct)
    {
        const int Batch = 1_024;
        var vectors = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += Batch)
        {
            var batch = texts.Skip(start).Take(Batch).ToList();
            var embedded = await embedder.GenerateVectorsAsync(batch, ct);
            embedded.CopyTo(vectors, start);
            progress.Report((double)(start + batch.Count) / texts.Count);
        }
        return vectors;
    }

    private static async Task WriteSummaryAsync(TextWriter stdout, MatchRun run, CohortInput input, CohortSummary summary,
        Stopwatch clock)
    {
        var by = summary.UnmatchedByReason;
        await stdout.WriteLineAsync($"mode: {run.Mode.ToString().ToLowerInvariant()}");
        await stdout.WriteLineAsync($"matched: {summary.Matched:N0} of {input.Mentees.Count:N0} mentees");
        await stdout.WriteLineAsync($"unmatched: {summary.Unmatched:N0} (no candidate {by[UnmatchedReason.NoCandidate]:N0}, " +
            $"blocked {by[UnmatchedReason.Forbidden]:N0}, all full {by[UnmatchedReason.AllCandidatesFull]:N0}, " +
            $"below the penalty's bar {by[UnmatchedReason.BelowPenalty]:N0}, room only outside the candidates {by[UnmatchedReason.NotACandidate]:N0})");
        await stdout.WriteLineAsync($"candidate pairs: {summary.CandidatePairs:N0}");
        if (summary.Rankings is { } r)
            await stdout.WriteLineAsync($"rankings: {r.Declared:N0} ranked ids, {r.Added:N0} pairs added to the candidates " +
                "because someone ranked them");
        await stdout.WriteLineAsync($"total score: {summary.TotalScore:N0}");
        if (summary.Certificate is { } proof)
            await stdout.WriteLineAsync($"certificate: {(proof.Proven ? "optimal over every pair that passes the filters" : "NOT PROVEN")}: " +
                $"cost {proof.Objective:N0} = dual bound {proof.DualBound:N0}; {proof.Rounds} round(s), " +
                $"{proof.PairsScanned:N0} pairs scanned, {proof.PairsAdded:N0} added to the candidate lists");
        await stdout.WriteLineAsync($"mean rank: {summary.MeanMenteeRank:0.00} for mentees, {summary.MeanMentorRank:0.00} for mentors");
        await stdout.WriteLineAsync($"time: {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
