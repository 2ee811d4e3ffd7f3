using System.Runtime.CompilerServices;
using Trellis.Matching.Assignment;

namespace Trellis.Matching.Cohort;

/// <summary>
/// The best K mentors for every mentee of a cohort, after the hard filters: a shared language,
/// not the same organisation unit (when both give one), room left, not blocked, and the profile's
/// rules when given (<see cref="HardFilters.CheckProfileRules"/>: required languages, career stage, time to meet).
/// Similarity is computed like a blocked matrix product, one tile of 512 mentees per thread: a
/// tile of 16 mentors (24 KB) stays in the L1 cache while every group of four mentees passes
/// through it, four by two pairs per kernel call.
/// Both sides are sorted by language set first, so a whole tile pair that shares no language is
/// skipped before any arithmetic. The hot methods are compiled fully optimised at once: a cohort
/// run calls them a few hundred times, too few for tiered compilation to catch up.
/// </summary>
public static class CandidateSearch
{
    private const int MenteeTile = 512, MentorTile = 16;

    public static CohortCandidates Find<TScore>(CohortSide mentees, CohortSide mentors, TScore score, int k,
        IReadOnlyCollection<(int Mentee, int Mentor)>? blocked = null, IProgress<double>? progress = null)
        where TScore : struct, IPairScore
    {
        if (mentees.Dimensions != mentors.Dimensions) throw new ArgumentException("Both sides need embeddings of the same size.");
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var blockedSet = (blocked ?? []).Select(p => Key(p.Mentee, p.Mentor)).ToHashSet();
        var mentorOrder = Enumerable.Range(0, mentors.Count).Where(j => HardFilters.HasRoom(mentors.Capacity[j]))
            .OrderBy(j => mentors.Languages[j]).ThenBy(j => j).ToArray();
        var menteeOrder = Enumerable.Range(0, mentees.Count)
            .OrderBy(i => mentees.Languages[i]).ThenBy(i => i).ToArray();
        var packed = new PackedMentors(mentors, mentorOrder);

        var best = new long[mentees.Count * k];
        var found = new int[mentees.Count];
        var threshold = new float[mentees.Count];
        Array.Fill(threshold, float.NegativeInfinity);
        var tiles = (menteeOrder.Length + MenteeTile - 1) / MenteeTile;
        var done = 0;
        Parallel.For(0, tiles, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new float[MenteeTile * packed.Stride],
            (tile, _, buffer) =>
            {
                var rows = menteeOrder.AsSpan(tile * MenteeTile, Math.Min(MenteeTile, menteeOrder.Length - tile * MenteeTile));
                SearchTile(mentees, mentors, rows, buffer, packed, score, k, blockedSet, best, found, threshold);
                var finished = Interlocked.Increment(ref done);
                if (finished % 16 == 0 || finished == tiles) progress?.Report((double)finished / tiles);
                return buffer;
            },
            _ => { });

        return new CohortCandidates(Assemble(best, found, k, mentors.Capacity), CountBlocked(mentees, mentors, blockedSet));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SearchTile<TScore>(CohortSide mentees, CohortSide mentors, ReadOnlySpan<int> rows, float[] buffer,
        PackedMentors packed, TScore score, int k, HashSet<long> blocked, long[] best, int[] found, float[] threshold)
        where TScore : struct, IPairScore
    {
        var stride = packed.Stride;
        Array.Clear(buffer);
        ulong tileLanguages = 0;
        for (var r = 0; r < rows.Length; r++)
        {
            mentees.Embedding(rows[r]).CopyTo(buffer.AsSpan(r * stride));
            tileLanguages |= mentees.Languages[rows[r]];
        }

        Span<float> dots = stackalloc float[DotKernel.Rows * DotKernel.Columns];
        Span<ulong> quadLanguages = stackalloc ulong[MenteeTile / DotKernel.Rows];
        for (var r = 0; r < rows.Length; r++) quadLanguages[r / DotKernel.Rows] |= mentees.Languages[rows[r]];

        for (var mentorTile = 0; mentorTile < packed.Count; mentorTile += MentorTile)
        {
            var tileEnd = Math.Min(mentorTile + MentorTile, packed.Count);
            var tileMask = packed.TileLanguages[mentorTile / MentorTile];
            if ((tileLanguages & tileMask) == 0) continue;
            for (var q = 0; q < rows.Length; q += DotKernel.Rows)
            {
                if ((quadLanguages[q / DotKernel.Rows] & tileMask) == 0) continue;
                ref var a = ref buffer[q * stride];
                for (var j = mentorTile; j < tileEnd; j += DotKernel.Columns)
                {
                    if ((quadLanguages[q / DotKernel.Rows] & (packed.Languages[j] | packed.Languages[j + 1])) == 0) continue;
                    DotKernel.Dot4x2(ref a, stride, ref packed.Row(j), ref packed.Row(j + 1), stride, dots);
                    for (var r = 0; r < DotKernel.Rows && q + r < rows.Length; r++)
                    {
                        var i = rows[q + r];
                        for (var c = 0; c < DotKernel.Columns; c++)
                        {
                            var cosine = dots[r * DotKernel.Columns + c];
                            if (cosine < threshold[i]) continue; // cannot beat the K-th best: most pairs end here
                            var jj = j + c;
                            if (!HardFilters.SharesLanguage(mentees.Languages[i], packed.Languages[jj])) continue;
                            if (HardFilters.SameOrgUnit(mentees.OrgUnits[i], packed.OrgUnits[jj])) continue;
                            var mentor = packed.Ids[jj];
                            if (mentees.HasProfileRules && HardFilters.CheckProfileRules(mentees, i, mentors, mentor) != Exclusion.None) continue;
                            var key = ((long)score.Cost(cosine, i, mentor) << 32) | (uint)mentor;
                            var heap = best.AsSpan(i * k, k);
                            if (found[i] == k && key >= heap[0]) continue;
                            if (blocked.Count > 0 && blocked.Contains(Key(i, mentor))) continue;
                            TopK.Offer<long, SmallerKey>(heap, ref found[i], key);
                            if (found[i] == k) threshold[i] = score.CosineNeededToBeat((int)(heap[0] >> 32) + 1, i);
                        }
                    }
                }
            }
        }
    }

    private static Candidates Assemble(long[] best, int[] found, int k, int[] capacity)
    {
        var offsets = new int[found.Length + 1];
        for (var i = 0; i < found.Length; i++) offsets[i + 1] = offsets[i] + found[i];
        var mentors = new int[offsets[^1]];
        var costs = new int[offsets[^1]];
        for (var i = 0; i < found.Length; i++)
        {
            var keys = best.AsSpan(i * k, found[i]);
            keys.Sort();
            for (var r = 0; r < keys.Length; r++)
            {
                mentors[offsets[i] + r] = (int)(keys[r] & 0xFFFF_FFFF);
                costs[offsets[i] + r] = (int)(keys[r] >> 32);
            }
        }
        return new Candidates(offsets, mentors, costs, capacity);
    }

    private static int[] CountBlocked(CohortSide mentees, CohortSide mentors, HashSet<long> blocked)
    {
        var counts = new int[mentees.Count];
        foreach (var key in blocked)
        {
            var (i, j) = ((int)(key >> 32), (int)(key & 0xFFFF_FFFF));
            if ((uint)i >= (uint)mentees.Count || (uint)j >= (uint)mentors.Count) continue;
            if (HardFilters.Allows(mentees, i, mentors, j)) counts[i]++;
        }
        return counts;
    }

    private static long Key(int mentee, int mentor) => ((long)mentee << 32) | (uint)mentor;

    /// <summary>Mentors with room, in search order, rows padded to a multiple of 8 floats, count padded to even.</summary>
    private sealed class PackedMentors
    {
        public readonly int Count, Stride;
        public readonly float[] Embeddings;
        public readonly ulong[] Languages, TileLanguages;
        public readonly int[] OrgUnits, Ids;

        public PackedMentors(CohortSide mentors, int[] order)
        {
            Count = order.Length;
            Stride = (mentors.Dimensions + 7) & ~7;
            var slots = Count + (Count & 1);
            Embeddings = new float[slots * Stride];
            Languages = new ulong[slots]; // the padding mentor speaks nothing, so it never passes
            OrgUnits = new int[slots];
            Ids = new int[slots];
            TileLanguages = new ulong[(Count + MentorTile - 1) / MentorTile];
            for (var s = 0; s < Count; s++)
            {
                var j = order[s];
                mentors.Embedding(j).CopyTo(Embeddings.AsSpan(s * Stride));
                (Languages[s], OrgUnits[s], Ids[s]) = (mentors.Languages[j], mentors.OrgUnits[j], j);
                TileLanguages[s / MentorTile] |= Languages[s];
            }
        }

        public ref float Row(int slot) => ref Embeddings[slot * Stride];
    }
}
