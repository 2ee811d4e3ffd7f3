using System.Diagnostics;
using Spectre.Console;
using Trellis.Matching.Cohort;

namespace Trellis.Matching.CommandLine;

/// <summary>
/// Progress of a run in named stages, each with a fraction done. Reports arrive on the caller's
/// thread and, during the candidate search, from its worker threads (hence the lock).
/// </summary>
internal abstract class RunProgress : IProgress<double>, IProgress<CohortProgress>
{
    protected readonly Lock Gate = new();
    private CohortStage? _cohortStage;

    /// <summary>Starts a stage; later fractions belong to it.</summary>
    public abstract void Stage(string text);

    /// <summary>The share of the current stage done, 0–1.</summary>
    public abstract void Report(double fraction);

    /// <summary>Ends the last stage (nothing more will be reported).</summary>
    public virtual void Finish() { }

    /// <summary>The library's stages, named by this; a new stage prints its name first.</summary>
    public Func<CohortStage, string> Describe { get; set; } = stage => stage.ToString();

    public void Report(CohortProgress value)
    {
        lock (Gate)
        {
            if (_cohortStage != value.Stage)
            {
                _cohortStage = value.Stage;
                Stage(Describe(value.Stage));
            }
        }
        if (value.Fraction > 0) Report(value.Fraction);
    }
}

/// <summary>
/// Plain progress lines with the elapsed time, one per tenth of a stage, on stderr so they never
/// mix with the summary: for logs and pipes, where a redrawn bar would be noise.
/// </summary>
internal sealed class StageProgress(TextWriter writer, Stopwatch clock) : RunProgress
{
    private string _stage = "";
    private int _lastTenth = -1;

    public override void Stage(string text)
    {
        lock (Gate)
        {
            (_stage, _lastTenth) = (text, 0);
            writer.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.0} s] {text}");
        }
    }

    public override void Report(double fraction)
    {
        var tenth = (int)(fraction * 10);
        lock (Gate)
        {
            if (tenth <= _lastTenth) return;
            _lastTenth = tenth;
            writer.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.0} s] {_stage} {tenth * 10}%");
        }
    }
}

/// <summary>
/// On a terminal: one Spectre.Console progress bar per stage, with the percentage, the time left
/// (estimated from the rate so far) and the time spent.
/// </summary>
internal sealed class TerminalProgress(ProgressContext context) : RunProgress
{
    private ProgressTask? _task;

    /// <summary>Runs <paramref name="body"/> with bars drawn on stderr; returns what it returns.</summary>
    public static Task<T> RunAsync<T>(Func<TerminalProgress, Task<T>> body)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var progress = new TerminalProgress(context);
                try { return await body(progress); }
                finally { progress.Finish(); }
            });
    }

    /// <summary>True when stderr is a terminal someone watches, not a file or a pipe.</summary>
    public static bool Applies(TextWriter stderr) => ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;

    public override void Stage(string text)
    {
        lock (Gate)
        {
            Finish();
            _task = context.AddTask(Markup.Escape(text), maxValue: 1);
        }
    }

    public override void Report(double fraction)
    {
        lock (Gate)
            if (_task is { } task && fraction > task.Value) task.Value = fraction;
    }

    public override void Finish()
    {
        lock (Gate)
        {
            if (_task is not { } task) return;
            task.Value = task.MaxValue;
            task.StopTask();
        }
    }
}
