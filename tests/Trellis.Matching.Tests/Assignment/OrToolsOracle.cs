using Google.OrTools.Graph;
using Trellis.Matching.Assignment;

namespace Trellis.Matching.Tests.Assignment;

/// <summary>
/// The same problem as a textbook min-cost flow for OR-Tools: each mentee supplies one unit that
/// goes to a candidate mentor or, at the penalty, straight to the sink; mentors pass at most
/// their capacity to the sink.
/// </summary>
public static class OrToolsOracle
{
    public static long OptimalCost(Candidates c, int penalty)
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

        var status = flow.SolveMaxFlowWithMinCost();
        Assert.Equal(MinCostFlowBase.Status.OPTIMAL, status);
        Assert.Equal(n, flow.MaximumFlow());
        return flow.OptimalCost();
    }
}
