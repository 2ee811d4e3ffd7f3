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
                // An optional repeat count prints every run, so the JIT's first run can be told apart.
                var runs = int.TryParse(args.ElementAtOrDefault(2), out var r) ? r : 1;
                for (var run = 1; run < runs; run++)
                {
                    clock.Restart();
                    var matched = DeferredAcceptance.Solve(c).Matches!.MatchedCount;
                    Console.WriteLine($"stable run {run}: {clock.Elapsed.TotalMilliseconds:0} ms, matched {matched}");
                }
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
            case "cohort":
                // The candidate lists of a generated cohort CSV, solved by both optimal solvers.
                // The candidate search takes longer than solving; keep its result next to the CSVs
                // so repeated solver runs skip it.
                var cache = Path.Combine(instance, "candidates.bin");
                Candidates cohort;
                if (File.Exists(cache)) cohort = ReadCandidates(cache);
                else
                {
                    cohort = GeneratedCohort.Read(instance);
                    WriteCandidates(cache, cohort);
                }
                clock.Restart();
                var ours = OptimalAssignment.Solve(cohort, new MatchingRules { UnmatchedPenalty = OptimalAssignmentBenchmarks.Penalty }).Matches!.TotalCost;
                var oursMs = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                if (args.ElementAtOrDefault(2) == "--trellis-only")
                {
                    Console.WriteLine($"cohort {instance}: Trellis {oursMs:0} ms, cost {ours}");
                    return 0;
                }
                result = $"Trellis {oursMs:0} ms cost {ours}; OR-Tools cost {OrToolsMinCostFlow.Solve(cohort, OptimalAssignmentBenchmarks.Penalty)} in";
                break;
            default:
                Console.Error.WriteLine("usage: probe trellis|ortools|stable \"100000x20000 cap 5\" | probe candidates 100000");
                return 2;
        }
        Console.WriteLine($"{what} {instance}: {clock.Elapsed.TotalMilliseconds:0} ms, {result}");
        return 0;
    }

    private static void WriteCandidates(string path, Candidates c)
    {
        using var w = new BinaryWriter(File.Create(path));
        foreach (var array in new[] { c.Offsets, c.Mentors, c.Costs, c.Capacity })
        {
            w.Write(array.Length);
            foreach (var x in array) w.Write(x);
        }
    }

    private static Candidates ReadCandidates(string path)
    {
        using var r = new BinaryReader(File.OpenRead(path));
        int[] Next()
        {
            var array = new int[r.ReadInt32()];
            for (var i = 0; i < array.Length; i++) array[i] = r.ReadInt32();
            return array;
        }
        return new Candidates(Next(), Next(), Next(), Next());
    }
}
