using BenchmarkDotNet.Running;

// Run all suites, or pick with --filter '*TopK*'. See docs/performance.md for the exact commands.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
