using System.Numerics.Tensors;
using Trellis.Matching.Assignment;

namespace Trellis.Matching.Cohort;

/// <summary>
/// The true reason a mentee is left out, read from the final matching. It looks past the
/// candidate list at every mentor who passes the filters, because the list is cut to K and a
/// "your candidates are full" would hide mentors with free places outside it; and it checks
/// free places against the penalty, because with a low penalty the solver leaves a mentee out
/// on purpose even though a mentor has room.
/// </summary>
internal sealed class UnmatchedWhy
{
    private readonly CohortProblemData _problem;
    private readonly Candidates _c;
    private readonly WeightedScore _score;
    private readonly int[] _places, _load;
    private readonly HashSet<long> _blocked;
    private readonly int? _cap;
    private readonly long? _penalty;

    public UnmatchedWhy(CohortProblemData problem, Candidates c, Matches matches, CohortSettings settings)
    {
        (_problem, _c, _cap) = (problem, c, settings.MaxMenteesPerMentor);
        _score = new WeightedScore(problem.Mentees, problem.Mentors);
        _penalty = settings.Mode == CohortMode.Optimal ? settings.UnmatchedPenalty : null;
        _places = [.. c.Capacity.Select(p => Math.Min(p, Math.Max(_cap ?? int.MaxValue, 0)))];
        _load = new int[c.MentorCount];
        foreach (var j in matches.MentorOf)
            if (j != Matches.Unmatched) _load[j]++;
        _blocked = [.. problem.Blocked.Select(p => ((long)p.Mentee << 32) | (uint)p.Mentor)];
    }

    public UnmatchedFacts Explain(int i, int blockedButPassing)
    {
        var candidates = _c.CandidateCount(i);
        int free = 0, freeOutside = 0, fullByCap = 0, bestCost = int.MaxValue;
        var isCandidate = new HashSet<int>();
        for (var a = _c.Offsets[i]; a < _c.Offsets[i + 1]; a++)
        {
            var j = _c.Mentors[a];
            isCandidate.Add(j);
            if (_load[j] < _places[j]) (free, bestCost) = (free + 1, Math.Min(bestCost, _c.Costs[a]));
            else if (_cap is { } cap && _c.Capacity[j] > cap) fullByCap++;
        }
        var (mentees, mentors) = (_problem.Mentees, _problem.Mentors);
        for (var j = 0; j < _c.MentorCount; j++)
        {
            if (_load[j] >= _places[j] || isCandidate.Contains(j)) continue;
            if (!HardFilters.Allows(mentees, i, mentors, j) || _blocked.Contains(((long)i << 32) | (uint)j)) continue;
            freeOutside++;
            var cosine = TensorPrimitives.Dot(mentees.Embedding(i), mentors.Embedding(j));
            bestCost = Math.Min(bestCost, _score.Cost(cosine, i, j));
        }
        free += freeOutside;

        UnmatchedReason reason;
        if (candidates == 0 && free == 0) reason = blockedButPassing > 0 ? UnmatchedReason.Forbidden : UnmatchedReason.NoCandidate;
        else if (free == 0) reason = UnmatchedReason.AllCandidatesFull;
        // A free place the mentee could take at a cost below the penalty would lower the total:
        // the optimum never leaves one, so any left is outside the candidates (the cut decided).
        else if (_penalty is { } penalty && bestCost >= penalty) reason = UnmatchedReason.BelowPenalty;
        else reason = UnmatchedReason.NotACandidate;

        return new UnmatchedFacts(reason, candidates, blockedButPassing)
        {
            MentorsWithPlaces = free,
            MentorsWithPlacesOutsideCandidates = freeOutside,
            BestScoreWithPlaces = free > 0 ? WeightedScore.MaxCost - bestCost : null,
            ScoreToBeat = _penalty is { } p ? (int)(WeightedScore.MaxCost - p) : null,
            FullByCap = fullByCap,
        };
    }
}
