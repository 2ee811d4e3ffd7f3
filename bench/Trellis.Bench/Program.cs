using BenchmarkDotNet.Running;
using Trellis.Bench.Search;

// Run all suites, or pick with --filter '*Search*'. See docs/performance.md for the exact commands.
if (args is ["--quick-search", var count])
{
    QuickSearchTiming.Run(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
