using Google.OrTools.Graph;
using Trellis.Matching.Assignment;

namespace Trellis.Bench.Assignment;

/// <summary>
/// The reference, for the benchmarks and (linked) the equality tests: the same problem as a textbook
/// min-cost flow for OR-Tools. Each mentee supplies one unit that goes to a candidate mentor or, at
/// the penalty, straight to the sink; mentors pass at most their capacity to the sink.
/// </summary>
public static class OrToolsMinCostFlow
{
    public static long Solve(Candidates c, int penalty)
    {
        var flow = new MinCostFlow();
        int n = c.MenteeCount, sink = n + c.MentorCount;
        for (var i = 0; i < n; i++)
        {
            flow.SetNodeSupply(i, 1);
            flow.AddArcWithCapacityAndUnitCost(i, sink, 1, penalty);
            for (var a = c.Offsets[i]; a < c.Offsets[i + 1]; a++)
                flow.AddArcWithCapacityAndUnitCost(i, n + c.Mentors[a], 1, c.Costs[a]);
        }
        for (var j = 0; j < c.MentorCount; j++)
            flow.AddArcWithCapacityAndUnitCost(n + j, sink, c.Capacity[j], 0);
        flow.SetNodeSupply(sink, -n);
        if (flow.SolveMaxFlowWithMinCost() != MinCostFlowBase.Status.OPTIMAL)
            throw new InvalidOperationException("OR-Tools did not find an optimum.");
        if (flow.MaximumFlow() != n)
            throw new InvalidOperationException($"OR-Tools routed {flow.MaximumFlow()} of {n} mentees.");
        return flow.OptimalCost();
    }
}
