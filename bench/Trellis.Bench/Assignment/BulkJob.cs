using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Trellis.Bench.Assignment;

/// <summary>
/// Whole-cohort operations take seconds, so no pilot or overhead stages: one warm-up and three
/// measured runs in one process keep the suite to minutes on two shared cores.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BulkJobAttribute() : SimpleJobAttribute(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3);
