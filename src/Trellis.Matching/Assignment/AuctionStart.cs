using System.Runtime.CompilerServices;

namespace Trellis.Matching.Assignment;

/// <summary>
/// The warm start: a forward auction with exact bids (no ε) that places most mentees and raises
/// the prices of popular mentors before any shortest-path search runs.
/// </summary>
/// <remarks>
/// A mentor with capacity c is c places, each with its own price; the mentor's price is its
/// cheapest place (0 while one is empty). A free mentee values each candidate at cost + price,
/// takes the best place and pays the most it can without the second best (or staying unmatched,
/// at the penalty) becoming cheaper; whoever held the cheapest place of a full mentor is put back
/// in the queue. Prices only rise, so every placed mentee stays at a cheapest candidate at the
/// mentor's price, and a mentor's price is above 0 only when the mentor is full: exactly the
/// invariants of the successive shortest paths that finish the job (mentor potential = −price,
/// mentee potential = −(cost + price), matched arcs tight). Bids that would not raise a price
/// (a tie) are still made; the auction stops when ties or a slow price war in a crowded part of
/// the graph stop it making progress, and whoever is still free is left to the searches.
/// </remarks>
internal sealed partial class ShortestAugmentingPaths
{
    /// <summary>The auction stops after this many bids per mentee at most.</summary>
    private const int MaxBidsPerMentee = 30;

    /// <summary>
    /// Bids are counted in windows of a quarter of the mentees; the auction stops when a window
    /// left fewer than one mentee placed per this many bids (ties between equally good mentors
    /// passing mentees back and forth; on the tight random instances that is all that is left).
    /// </summary>
    private const int BidsPerPlacementToContinue = 1_000;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<int> Auction()
    {
        // A mentor without places is never worth a bid; as a price, the penalty keeps every arc
        // into it at a non-negative reduced cost for the searches.
        var price = new int[_m];
        for (var j = 0; j < _m; j++)
            if (_capacity[j] == 0) price[j] = (int)_penalty;
        var placePrice = new int[_slots.Length];
        var queue = new Queue<int>(_n);
        for (var i = 0; i < _n; i++)
            if (_pinned[i] == Matches.Unmatched) queue.Enqueue(i);
        var waiting = new List<int>();

        long bids = 0, window = Math.Max(_n / 4, 1_000), windowEnd = window, freeAtWindowStart = queue.Count;
        while (queue.TryDequeue(out var i))
        {
            if (++bids == windowEnd)
            {
                var stalled = freeAtWindowStart - queue.Count < window / BidsPerPlacementToContinue;
                if (stalled || bids >= (long)MaxBidsPerMentee * _n)
                {
                    waiting.Add(i);
                    waiting.AddRange(queue);
                    break;
                }
                (windowEnd, freeAtWindowStart) = (windowEnd + window, queue.Count);
            }
            long best = long.MaxValue, second = long.MaxValue;
            var bestArc = -1;
            for (var a = _offsets[i]; a < _offsets[i + 1]; a++)
            {
                var (j, cost) = _arcs[a];
                var value = (long)cost + price[j];
                if (value < best) (second, best, bestArc) = (best, value, a);
                else if (value < second) second = value;
            }
            second = Math.Min(second, _penalty);
            if (bestArc < 0 || best >= _penalty)
            {
                waiting.Add(i);
                continue;
            }
            var mentor = _mentors[bestArc];
            var start = _slotStart[mentor];
            var paid = (int)(second - _costs[bestArc]);
            if (_count[mentor] < _capacity[mentor])
            {
                PlaceUp(placePrice, start, _count[mentor]++, i, bestArc, paid);
            }
            else
            {
                var evicted = _slots[start];
                _assignedArc[evicted] = -1;
                queue.Enqueue(evicted);
                PlaceDown(placePrice, start, _count[mentor], i, bestArc, paid);
            }
            price[mentor] = _count[mentor] == _capacity[mentor] ? placePrice[start] : 0;
        }

        for (var j = 0; j < _m; j++) _mentor[j].Potential = -price[j];
        for (var i = 0; i < _n; i++)
            if (_assignedArc[i] >= 0)
                _menteePotential[i] = -(_costs[_assignedArc[i]] + (long)price[_mentors[_assignedArc[i]]]);
        return waiting;
    }

    /// <summary>Puts a mentee in a new place of a mentor's min-heap of places by price.</summary>
    private void PlaceUp(int[] placePrice, int start, int at, int mentee, int arc, int paid)
    {
        while (at > 0)
        {
            var parent = (at - 1) >> 1;
            if (placePrice[start + parent] <= paid) break;
            Move(placePrice, start + parent, start + at);
            at = parent;
        }
        placePrice[start + at] = paid;
        Place(mentee, arc, start + at);
    }

    /// <summary>Gives the mentor's cheapest place (the heap's root) to a mentee.</summary>
    private void PlaceDown(int[] placePrice, int start, int count, int mentee, int arc, int paid)
    {
        var at = 0;
        while (true)
        {
            var child = 2 * at + 1;
            if (child >= count) break;
            if (child + 1 < count && placePrice[start + child + 1] < placePrice[start + child]) child++;
            if (placePrice[start + child] >= paid) break;
            Move(placePrice, start + child, start + at);
            at = child;
        }
        placePrice[start + at] = paid;
        Place(mentee, arc, start + at);
    }

    private void Move(int[] placePrice, int from, int to)
    {
        placePrice[to] = placePrice[from];
        _slots[to] = _slots[from];
        _slotOf[_slots[to]] = to;
    }
}
