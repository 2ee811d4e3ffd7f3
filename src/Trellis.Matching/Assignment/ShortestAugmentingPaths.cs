using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
namespace Trellis.Matching.Assignment;

/// <summary>
/// Successive shortest augmenting paths (the Hungarian method generalised to capacities) on the
/// residual graph mentee → mentor → sink, with one "unmatched" arc per mentee straight to the sink
/// at the penalty cost. An exact auction places most mentees and prices popular mentors first
/// (<see cref="Auction"/>); the rest join one at a time; each runs Dijkstra on reduced costs, bounded by
/// the best way into the sink seen so far (a free mentor as soon as it is reached, or an unmatched
/// arc, the searching mentee's own at the penalty to begin with), so the search stays local while
/// the cohort still has room. Its weak spot is a cohort with exactly as many places as mentees: the last few
/// hundred searches must cross most of the graph to find the last free places.
/// Invariants: reduced cost c + π(tail) − π(head) ≥ 0 on every residual arc that does not leave
/// the sink, matched arcs are tight (so a mentee is reached at its mentor's distance), and the
/// sink's potential stays 0 (so a free mentor is reached at π = 0 and ends the search).
/// </summary>
internal sealed partial class ShortestAugmentingPaths
{
    private readonly int _n, _m;
    private readonly int[] _offsets, _mentors, _costs, _capacity;
    /// <summary>Mentor and cost side by side: a scan reads one stream instead of two.</summary>
    private readonly (int Mentor, int Cost)[] _arcs;
    private readonly int[] _pinned;
    private readonly long _penalty;

    // Who sits where: mentor j's mentees are _slots[_slotStart[j] .. _slotStart[j] + _count[j]].
    private readonly int[] _slotStart, _slots, _count;
    private readonly int[] _assignedArc, _slotOf;
    private readonly long[] _menteePotential;

    // What a relaxation touches, packed into one cache line per mentor. The per-search fields
    // are reset by generation stamps instead of clearing.
    // 16 bytes, so the whole array of a 20,000-mentor cohort stays in the L2 cache. A stored
    // distance is below the penalty (searches stop there), so it fits an int.
    private struct MentorState
    {
        public long Potential;
        public int Distance;
        /// <summary>2·generation when reached in the current search, 2·generation + 1 when settled.</summary>
        public int Mark;
    }
    private readonly MentorState[] _mentor;
    private readonly int[] _predMentee, _predArc;
    private readonly MentorHeap _heap;
    private readonly List<int> _settledMentors = [];
    private readonly List<(int Mentee, long Distance)> _scannedMentees = [];
    private int _generation;

    /// <summary>A way into the sink found by a search: via a free mentor or a mentee's unmatched arc.</summary>
    private record struct SinkArc(long Distance, int ViaMentor, int ViaMentee);

    public ShortestAugmentingPaths(PreparedProblem problem, int penalty)
    {
        var c = problem.Candidates;
        (_n, _m) = (c.MenteeCount, c.MentorCount);
        (_offsets, _mentors, _costs, _capacity, _pinned, _penalty) =
            (c.Offsets, c.Mentors, c.Costs, problem.Capacity, problem.Pinned, penalty);

        _arcs = new (int, int)[_mentors.Length];
        for (var a = 0; a < _arcs.Length; a++) _arcs[a] = (_mentors[a], _costs[a]);
        _slotStart = new int[_m + 1];
        for (var j = 0; j < _m; j++) _slotStart[j + 1] = _slotStart[j] + _capacity[j];
        _slots = new int[_slotStart[_m]];
        _count = new int[_m];
        _assignedArc = new int[_n];
        Array.Fill(_assignedArc, -1);
        _slotOf = new int[_n];
        _menteePotential = new long[_n];
        _mentor = new MentorState[_m];
        _predMentee = new int[_m];
        _predArc = new int[_m];
        _heap = new MentorHeap(_m);
    }

    public int CostOf(int mentee) => _costs[_assignedArc[mentee]];

    /// <summary>Each mentor's price, −potential: never below 0, and 0 while the mentor has a free place.</summary>
    public long[] Prices() => [.. _mentor.Select(m => -m.Potential)];

    /// <summary>
    /// Solves; <paramref name="progress"/> gets the share of the searches after the auction done.
    /// The last searches cross the most of the graph, so the share runs ahead of the time.
    /// </summary>
    public int[] Run(IProgress<double>? progress = null)
    {
        var waiting = Auction();
        for (var w = 0; w < waiting.Count; w++)
        {
            Augment(waiting[w]);
            if (progress is not null && (w + 1) * 100L / waiting.Count > w * 100L / waiting.Count)
                progress.Report((double)(w + 1) / waiting.Count);
        }

        var mentorOf = new int[_n];
        for (var i = 0; i < _n; i++)
            mentorOf[i] = _assignedArc[i] < 0 ? Matches.Unmatched : _mentors[_assignedArc[i]];
        return mentorOf;
    }

    private void Augment(int source)
    {
        var gen = StartSearch();
        // The source's own unmatched arc is always a way to the sink. A waiting mentee has no
        // potential yet; taking it as 0 shifts all labels of this search by the same constant.
        var best = new SinkArc(_penalty, -1, source);
        ScanMentee(source, 0, -1, gen, ref best);
        Settle(gen, ref best);

        Reroute(source, best.ViaMentor, best.ViaMentee);
        ShiftPotentials(best.Distance);
        _menteePotential[source] = -best.Distance;
    }

    private int StartSearch()
    {
        _heap.Clear();
        _settledMentors.Clear();
        _scannedMentees.Clear();
        return ++_generation;
    }

    /// <summary>Dijkstra's main loop: settles mentors until none is closer than the best sink arc.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Settle(int gen, ref SinkArc best)
    {
        while (_heap.Count > 0 && _heap.MinKey < best.Distance)
        {
            var d = _heap.MinKey;
            var j = _heap.Pop();
            _mentor[j].Mark = 2 * gen + 1;
            _settledMentors.Add(j);
            // Only full mentors enter the heap: a free one becomes the best sink arc when reached.
            // The mentor's mentees have their arcs anywhere in a 40 MB array: ask for all their first
            // cache lines at once so the misses overlap instead of queuing one mentee at a time.
            if (Sse.IsSupported)
                for (var s = _slotStart[j]; s < _slotStart[j] + _count[j]; s++)
                    unsafe { Sse.Prefetch0(Unsafe.AsPointer(ref _arcs[_offsets[_slots[s]]])); }
            for (var s = _slotStart[j]; s < _slotStart[j] + _count[j]; s++)
                ScanMentee(_slots[s], d, j, gen, ref best);
        }
    }

    /// <summary>Relaxes the arcs out of a mentee reached at distance <paramref name="d"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanMentee(int k, long d, int heldBy, int gen, ref SinkArc best)
    {
        var pk = heldBy < 0 ? 0 : _menteePotential[k];
        if (heldBy >= 0)
        {
            _scannedMentees.Add((k, d));
            var viaUnmatched = d + _penalty + pk;
            if (viaUnmatched < best.Distance) best = new SinkArc(viaUnmatched, -1, k);
        }

        var baseDistance = d + pk;
        var limit = best.Distance;
        for (var a = _offsets[k]; a < _offsets[k + 1]; a++)
        {
            var (j, cost) = _arcs[a];
            ref var state = ref _mentor[j];
            if (state.Mark == 2 * gen + 1 || j == heldBy) continue;
            var nd = baseDistance + cost - state.Potential;
            if (nd >= limit) continue;
            if (state.Mark == 2 * gen && nd >= state.Distance) continue;
            state.Mark = 2 * gen;
            state.Distance = (int)nd;
            _predMentee[j] = k;
            _predArc[j] = a;
            if (_count[j] < _capacity[j])
            {
                // A free mentor is a way into the sink at distance nd (its sink arc costs 0 and its
                // potential is 0). Taking it as the bound now, rather than when the heap pops it,
                // keeps every later label at or above nd out of the heap; the search still settles
                // all mentors closer than nd, so the path found is the same shortest one.
                best = new SinkArc(nd, j, -1);
                limit = nd;
                continue;
            }
            _heap.Offer(j, nd);
        }
    }

    /// <summary>Shifts every mentee on the shortest path one step along it.</summary>
    private void Reroute(int source, int viaMentor, int viaMentee)
    {
        int j, slot;
        if (viaMentor >= 0)
        {
            j = viaMentor;
            slot = _slotStart[j] + _count[j]++;
        }
        else
        {
            var k = viaMentee;
            if (k == source) return; // cheapest is to leave the new mentee unmatched
            slot = _slotOf[k];
            j = _mentors[_assignedArc[k]];
            _assignedArc[k] = -1;
        }

        while (true)
        {
            var k = _predMentee[j];
            var previousArc = _assignedArc[k];
            var previousSlot = _slotOf[k];
            Place(k, _predArc[j], slot);
            if (k == source) return;
            j = _mentors[previousArc];
            slot = previousSlot;
        }
    }

    private void Place(int mentee, int arc, int slot)
    {
        _slots[slot] = mentee;
        _slotOf[mentee] = slot;
        _assignedArc[mentee] = arc;
    }

    /// <summary>
    /// π ← π + d − d(sink) for everything the search settled: reduced costs stay ≥ 0, the path
    /// becomes tight, and nodes the search never reached keep their potential, as does the sink.
    /// </summary>
    private void ShiftPotentials(long sinkDistance)
    {
        foreach (var j in _settledMentors)
            _mentor[j].Potential += _mentor[j].Distance - sinkDistance;
        foreach (var (k, d) in _scannedMentees)
            _menteePotential[k] += d - sinkDistance;
    }
}
