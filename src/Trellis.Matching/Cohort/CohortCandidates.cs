using Trellis.Matching.Assignment;

namespace Trellis.Matching.Cohort;

/// <summary>
/// The top-K candidates per mentee (arcs sorted best first) and, per mentee, how many mentors
/// passed the hard filters but are blocked: with the candidate count, what an explanation of an
/// unmatched mentee needs.
/// </summary>
public sealed record CohortCandidates(Candidates Candidates, int[] Blocked);
