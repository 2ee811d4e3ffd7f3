using BenchmarkDotNet.Running;
using Trellis.Matching.Cohort;

// `match ...` and `generate ...` run the cohort commands (until the site's executable wires
// `trellis match`); anything else goes to BenchmarkDotNet: all suites, or pick with --filter.
// See docs/performance.md for the exact commands.
return args.FirstOrDefault() switch
{
    "match" => MatchCommand.Run(args[1..], Console.Out, Console.Error),
    "generate" => GenerateCommand.Run(args[1..], Console.Out, Console.Error),
    "probe" => Probe.Run(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
