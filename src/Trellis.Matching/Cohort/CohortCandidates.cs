using Trellis.Matching.Assignment;

namespace Trellis.Matching.Cohort;

/// <summary>
/// The top-K candidates per mentee (arcs sorted best first) and, per mentee, how many mentors
/// passed the hard filters and how many of those were then blocked: what an explanation of an
/// unmatched mentee needs.
/// </summary>
public sealed record CohortCandidates(Candidates Candidates, int[] PassedFilters, int[] Blocked);
