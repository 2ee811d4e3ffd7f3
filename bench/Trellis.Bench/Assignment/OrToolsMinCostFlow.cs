using Google.OrTools.Graph;
using Trellis.Matching.Assignment;

namespace Trellis.Bench.Assignment;

/// <summary>The reference: the same network handed to OR-Tools' MinCostFlow, including building it.</summary>
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
        return flow.OptimalCost();
    }
}
