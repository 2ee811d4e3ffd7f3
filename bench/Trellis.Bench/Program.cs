using BenchmarkDotNet.Running;
using Trellis.Bench.Search;

// All suites, or pick with --filter '*Search*' / '*Assignment*'. `probe ...` runs one operation in a
// fresh process for peak-memory figures; `--quick-search N` times one search without BenchmarkDotNet.
// The cohort commands live in the site's executable: dotnet run --project src/Trellis.Web -- match|generate.
// See docs/performance.md for the exact commands.
if (args is ["--quick-search", var count])
{
    QuickSearchTiming.Run(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}
if (args.FirstOrDefault() == "probe") return Probe.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
