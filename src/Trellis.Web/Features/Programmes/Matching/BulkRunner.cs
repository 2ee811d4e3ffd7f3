using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Quartz;
using Trellis.Matching.Cohort;
using Trellis.Web.Features.FindMentor;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Programmes.Matching;

/// <summary>
/// Does queued bulk runs, one at a time per node, outside any request (a Quartz job asks every few seconds). A run is
/// claimed with a conditional UPDATE, so of several nodes exactly one does it; a run whose heartbeat is older than
/// <see cref="Lease"/> (its node stopped) is claimed again. The engine is Trellis.Matching's CohortMatcher (optimal, or
/// stable where the programme collected rankings), over the programme's remainder with its hard rules; each pair it
/// makes is written as a draft with the score and reasons Find a mentor gives (<see cref="MentorSearch.ScorePairAsync"/>),
/// each mentee it could not place with why, all in one transaction.
/// </summary>
public sealed class BulkRunner(IServiceScopeFactory scopes, EmbeddingRefresher embeddings, TimeProvider time, ILogger<BulkRunner> log)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan FlushEvery = TimeSpan.FromMilliseconds(500);
    private const int WriteBatch = 2_000;
    private readonly string _node = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Claims and does one run; false when there was nothing to do.</summary>
    public Task<bool> RunOnceAsync(CancellationToken ct) => RunOnceAsync(null, ct);

    /// <summary>The same, telling <paramref name="timed"/> how long each stage of the run took (the log says it too).</summary>
    public async Task<bool> RunOnceAsync(Action<string, TimeSpan>? timed, CancellationToken ct)
    {
        Guid runId;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            var now = time.GetUtcNow();
            var stale = now - Lease;
            var next = await db.BulkRuns.AsNoTracking()
                .Where(r => r.Status == BulkRunStatus.Queued || (r.Status == BulkRunStatus.Running && r.HeartbeatAt < stale))
                .OrderBy(r => r.RequestedAt).Select(r => new { r.Id, r.HeartbeatAt }).FirstOrDefaultAsync(ct);
            if (next is null) return false;
            // Whoever changes the row first has the run; the others' UPDATE matches nothing.
            var claimed = await db.BulkRuns.Where(r => r.Id == next.Id && r.HeartbeatAt == next.HeartbeatAt
                                                       && (r.Status == BulkRunStatus.Queued || r.Status == BulkRunStatus.Running))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, BulkRunStatus.Running).SetProperty(r => r.ClaimedBy, _node)
                    .SetProperty(r => r.StartedAt, now).SetProperty(r => r.HeartbeatAt, now)
                    .SetProperty(r => r.Stage, BulkStage.Loading).SetProperty(r => r.Percent, 0), ct);
            if (claimed == 0) return true;
            runId = next.Id;
        }

        var progress = new RunProgress();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var flushing = FlushAsync(runId, progress, stop.Token);
        try
        {
            var stages = new StageClock(time);
            await RunAsync(runId, progress, stages, ct);
            log.LogInformation("Bulk run {RunId} took {Stages}", runId, stages);
            if (timed is not null) foreach (var (stage, took) in stages.Stages) timed(stage, took);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Bulk run {RunId} failed", runId);
            await FinishAsync(runId, r => r.Fail("The run stopped on an unexpected error; run it again.", time.GetUtcNow()), CancellationToken.None);
        }
        finally
        {
            await stop.CancelAsync();
            await flushing;
        }
        return true;
    }

    private async Task RunAsync(Guid runId, RunProgress progress, StageClock stages, CancellationToken ct)
    {
        await embeddings.RunAsync(ct); // every profile's vector current before the engine reads them
        stages.Done("refreshing embeddings");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var search = scope.ServiceProvider.GetRequiredService<MentorSearch>();
        var run = await db.BulkRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == run.ProgrammeId, ct);
        var people = await CohortInput.LoadAsync(db, scope.ServiceProvider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
            programme, ct);
        stages.Done("loading");
        progress.Report(BulkStage.Candidates, 0);

        var settings = new CohortSettings
        {
            Mode = people.Stable ? CohortMode.Stable : CohortMode.Optimal,
            Pinned = people.Pinned,
            Forbidden = people.Forbidden,
            ReferenceDate = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime),
        };
        var engine = new Synchronous(p =>
        {
            var stage = p.Stage switch
            {
                CohortStage.Candidates => BulkStage.Candidates,
                CohortStage.Solving => BulkStage.Solving,
                _ => BulkStage.Explaining,
            };
            if (stage == BulkStage.Solving && progress.Current.Stage == BulkStage.Candidates) stages.Done("candidates");
            progress.Report(stage, p.Fraction);
        });
        var result = people.Mentees.Count == 0 || people.Mentors.Count == 0
            ? new CohortResult([], null, [])
            : await Task.Run(() => CohortMatcher.Match(people.Mentees, people.Mentors, settings, engine, ct), ct);
        if (!result.IsValid)
        {
            var why = string.Join(" ", result.Problems.Take(5).Select(p => CohortWords.Problem(p, people)));
            await FinishAsync(runId, r => r.Fail(why, time.GetUtcNow()), ct);
            return;
        }

        stages.Done("solving");
        progress.Report(BulkStage.Explaining, 0);
        var chosen = new List<(Guid Mentee, Guid Mentor)>();
        var notes = new List<UnmatchedNote>();
        if (result.Assignments.Count == 0)
            notes.AddRange(people.Mentees.Select(m => new UnmatchedNote(Guid.Parse(m.Id), CohortWords.NoMentors)));
        foreach (var a in result.Assignments)
        {
            var menteeId = Guid.Parse(people.Mentees[a.Mentee].Id);
            if (a.Mentor is { } j) chosen.Add((menteeId, Guid.Parse(people.Mentors[j].Id)));
            else notes.Add(new UnmatchedNote(menteeId, CohortWords.Unmatched(a.Unmatched!.Reason)));
        }
        // The engine chose the pairs; Find a mentor's scorer says how good each is and why, in the same words.
        var scores = await search.ScorePairsAsync(chosen, n => progress.Report(BulkStage.Explaining, (double)n / chosen.Count), ct);
        var pairs = new List<(Guid Mentee, Guid Mentor, int Score, IReadOnlyList<string> Reasons)>(chosen.Count);
        for (var i = 0; i < chosen.Count; i++)
        {
            if (scores[i] is { } score) pairs.Add((chosen[i].Mentee, chosen[i].Mentor, score.Match, score.Reasons));
            else notes.Add(new UnmatchedNote(chosen[i].Mentee, CohortWords.MentorStopped));
        }
        stages.Done("explaining");

        progress.Report(BulkStage.Writing, 0);
        await WriteAsync(db, run, pairs, notes, people, ct);
        stages.Done("writing drafts");
    }

    /// <summary>
    /// Writes the drafts and finishes the run in one transaction, holding the programme's row so an approval waits
    /// for it. Drafts made by hand while the engine worked win: their mentee is skipped, and so is a mentor whose
    /// places they took.
    /// </summary>
    private async Task WriteAsync(TrellisDbContext db, BulkRun run, List<(Guid Mentee, Guid Mentor, int Score, IReadOnlyList<string> Reasons)> pairs,
        List<UnmatchedNote> notes, CohortInput people, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await ProgrammeLock.TakeAsync(db, run.ProgrammeId, ct);
        var open = (await Remainder.Mentees(db, run.ProgrammeId).Select(x => x.MemberId).ToListAsync(ct)).ToHashSet();
        var places = await Remainder.Mentors(db, run.ProgrammeId).ToDictionaryAsync(m => m.MemberId, m => m.Places, ct);
        var now = time.GetUtcNow();
        var written = 0;
        var late = new List<UnmatchedNote>();
        var pinned = people.Pinned.Select(p => (Guid.Parse(p.MenteeId), Guid.Parse(p.MentorId))).ToHashSet();
        // Inserted a batch at a time inside the one transaction, so the change tracker never holds a whole cohort.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var (mentee, mentor, score, reasons) in pairs)
        {
            if (!open.Contains(mentee)) continue; // matched by hand meanwhile
            if (places.GetValueOrDefault(mentor) <= 0)
            {
                late.Add(new UnmatchedNote(mentee, CohortWords.PlaceTaken));
                continue;
            }
            places[mentor]--;
            var source = pinned.Contains((mentee, mentor)) ? DraftSource.Pinned : DraftSource.Bulk;
            db.DraftMatches.Add(new DraftMatch(run.ProgrammeId, mentee, mentor, source, score, reasons, run.RequestedBy, now));
            if (++written % WriteBatch == 0)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        var tracked = await db.BulkRuns.SingleAsync(r => r.Id == run.Id, ct);
        tracked.Finish(people.Mentees.Count, people.Mentors.Count, written, [.. notes.Where(n => open.Contains(n.MenteeId)), .. late], now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private async Task FinishAsync(Guid runId, Action<BulkRun> finish, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var run = await db.BulkRuns.SingleAsync(r => r.Id == runId, ct);
        finish(run);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Writes the latest stage and percentage to the run's row twice a second (and the heartbeat with it).</summary>
    private async Task FlushAsync(Guid runId, RunProgress progress, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(FlushEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var (stage, percent) = progress.Current;
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
                var now = time.GetUtcNow();
                await db.BulkRuns.Where(r => r.Id == runId && r.Status == BulkRunStatus.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Stage, stage).SetProperty(r => r.Percent, percent)
                        .SetProperty(r => r.HeartbeatAt, now), CancellationToken.None);
            }
        }
        catch (OperationCanceledException)
        {
            // The run finished (or the node is stopping): its last word is in the row already.
        }
    }

    /// <summary>The run's latest stage and its overall percentage; each stage has its share of 0–100.</summary>
    private sealed class RunProgress
    {
        private volatile Tuple<BulkStage, int> _current = Tuple.Create(BulkStage.Loading, 0);

        public (BulkStage Stage, int Percent) Current => (_current.Item1, _current.Item2);

        public void Report(BulkStage stage, double fraction)
        {
            var (from, to) = stage switch
            {
                BulkStage.Loading => (0, 10),
                BulkStage.Candidates => (10, 50),
                BulkStage.Solving => (50, 80),
                BulkStage.Explaining => (80, 95),
                _ => (95, 100),
            };
            _current = Tuple.Create(stage, from + (int)Math.Round((to - from) * Math.Clamp(fraction, 0, 1)));
        }
    }

    /// <summary>How long each stage of one run took, for the log and the <c>programme match</c> command.</summary>
    private sealed class StageClock(TimeProvider time)
    {
        private long _since = time.GetTimestamp();

        public List<(string Stage, TimeSpan Took)> Stages { get; } = [];

        public void Done(string stage)
        {
            var now = time.GetTimestamp();
            Stages.Add((stage, time.GetElapsedTime(_since, now)));
            _since = now;
        }

        public override string ToString() =>
            string.Join(", ", Stages.Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.Stage} {s.Took.TotalSeconds:F2} s")));
    }

    /// <summary>Reports on the engine's own thread (Progress&lt;T&gt; would post each report to the thread pool).</summary>
    private sealed class Synchronous(Action<CohortProgress> report) : IProgress<CohortProgress>
    {
        public void Report(CohortProgress value) => report(value);
    }
}

[DisallowConcurrentExecution]
public sealed class BulkRunJob(BulkRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        while (await runner.RunOnceAsync(cancellationToken)) { }
    }
}
