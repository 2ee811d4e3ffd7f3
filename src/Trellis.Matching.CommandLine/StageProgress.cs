using System.Diagnostics;
using Trellis.Matching.Cohort;

namespace Trellis.Matching.CommandLine;

/// <summary>
/// Progress lines with the elapsed time, on stderr so they never mix with the summary. Reports
/// are written on the caller's thread (unlike Progress&lt;T&gt;, which posts them out of order).
/// </summary>
internal sealed class StageProgress(TextWriter writer, Stopwatch clock) : IProgress<double>, IProgress<CohortProgress>
{
    private readonly Lock _lock = new();
    private string _stage = "";
    private int _lastTenth = -1;
    private CohortStage? _cohortStage;

    /// <summary>Names the stage that later fractions belong to.</summary>
    public void Stage(string text)
    {
        lock (_lock)
        {
            (_stage, _lastTenth) = (text, -1);
            writer.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.0} s] {text}");
        }
    }

    public void Report(double fraction)
    {
        var tenth = (int)(fraction * 10);
        lock (_lock)
        {
            if (tenth <= _lastTenth) return;
            _lastTenth = tenth;
            writer.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.0} s] {_stage} {tenth * 10}%");
        }
    }

    /// <summary>The library's stages, named by <paramref name="describe"/>; a new stage prints its name first.</summary>
    public Func<CohortStage, string> Describe { get; set; } = stage => stage.ToString();

    public void Report(CohortProgress value)
    {
        lock (_lock)
        {
            if (_cohortStage != value.Stage)
            {
                _cohortStage = value.Stage;
                Stage(Describe(value.Stage));
            }
        }
        if (value.Fraction > 0 && value.Fraction < 1 || value.Stage == CohortStage.Candidates) Report(value.Fraction);
    }
}
