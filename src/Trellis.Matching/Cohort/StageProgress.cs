using System.Diagnostics;

namespace Trellis.Matching.Cohort;

/// <summary>
/// Progress lines with the elapsed time, on stderr so they never mix with the summary. Reports
/// are written on the caller's thread (unlike Progress&lt;T&gt;, which posts them out of order).
/// </summary>
internal sealed class StageProgress(TextWriter writer, Stopwatch clock) : IProgress<double>
{
    private readonly Lock _lock = new();
    private string _stage = "";
    private int _lastTenth = -1;

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
}
