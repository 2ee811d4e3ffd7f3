using System.Diagnostics;
using Trellis.Bench.Assignment;
using Trellis.Matching.Assignment;
using Trellis.Matching.Cohort;
using Trellis.Matching.Stable;

/// <summary>
/// One run of one operation in a fresh process, so `/usr/bin/time -v` can report its peak memory
/// (BenchmarkDotNet reports allocations, not the peak working set).
/// </summary>
internal static class Probe
{
    public static int Run(string[] args)
    {
        var what = args.ElementAtOrDefault(0) ?? "";
        var instance = args.ElementAtOrDefault(1) ?? "100000x20000 cap 5";
        var clock = Stopwatch.StartNew();
        string result;
        switch (what)
        {
            case "trellis":
                var c = OptimalAssignmentBenchmarks.Create(instance);
                clock.Restart();
                result = $"cost {OptimalAssignment.Solve(c, new MatchingRules { UnmatchedPenalty = OptimalAssignmentBenchmarks.Penalty }).Matches!.TotalCost}";
                break;
            case "ortools":
                c = OptimalAssignmentBenchmarks.Create(instance);
                clock.Restart();
                result = $"cost {OrToolsMinCostFlow.Solve(c, OptimalAssignmentBenchmarks.Penalty)}";
                break;
            case "stable":
                c = OptimalAssignmentBenchmarks.Create(instance);
                clock.Restart();
                result = $"matched {DeferredAcceptance.Solve(c).Matches!.MatchedCount}";
                break;
            case "candidates":
                var n = int.Parse(instance);
                var random = new Random(7);
                var (mentees, mentors) = (CandidateSearchBenchmarks.Side(random, n, false), CandidateSearchBenchmarks.Side(random, n / 5, true));
                clock.Restart();
                result = $"arcs {CandidateSearch.Find(mentees, mentors, new WeightedScore(mentees, mentors), 50).Candidates.ArcCount}";
                break;
            default:
                Console.Error.WriteLine("usage: probe trellis|ortools|stable \"100000x20000 cap 5\" | probe candidates 100000");
                return 2;
        }
        Console.WriteLine($"{what} {instance}: {clock.Elapsed.TotalMilliseconds:0} ms, {result}");
        return 0;
    }
}
