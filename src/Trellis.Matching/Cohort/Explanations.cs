using System.Globalization;

namespace Trellis.Matching.Cohort;

/// <summary>Why a mentee has no mentor, from the most to the least fundamental cause.</summary>
public enum UnmatchedReason
{
    /// <summary>No mentor shares a language, sits in another unit and has room.</summary>
    NoCandidate,
    /// <summary>Mentors passed the filters, but every one of them is blocked for this mentee.</summary>
    Forbidden,
    /// <summary>There were candidates; all of them are full.</summary>
    AllCandidatesFull,
}

/// <summary>Short sentences a coordinator can read out to a mentee or mentor.</summary>
public static class Explanations
{
    /// <summary>
    /// From the candidates found (never blocked ones) and the blocked mentors who passed the
    /// filters: any candidate means the candidates are full; none, blocked ones or not decide.
    /// </summary>
    public static UnmatchedReason ReasonUnmatched(int candidates, int blockedButPassing) =>
        candidates > 0 ? UnmatchedReason.AllCandidatesFull
        : blockedButPassing > 0 ? UnmatchedReason.Forbidden
        : UnmatchedReason.NoCandidate;

    public static string Describe(UnmatchedReason reason, int candidates) => reason switch
    {
        UnmatchedReason.NoCandidate => "No mentor passed the hard filters (a shared language, a different organisation unit, room left).",
        UnmatchedReason.Forbidden => "Every mentor who passed the filters is blocked for this mentee.",
        _ => $"All {candidates} candidate mentors are full with mentees they fit better.",
    };

    public static string ForPair(float similarity, string[] sharedLanguages, string? menteeUnit, string? mentorUnit, int menteeRank, int candidates)
    {
        var s = similarity.ToString("0.00", CultureInfo.InvariantCulture);
        var sentences = new List<string>
        {
            similarity >= 0.5f ? $"Goals and expertise overlap strongly (similarity {s})."
            : similarity >= 0.25f ? $"Goals and expertise overlap in part (similarity {s})."
            : $"Goals and expertise have little in common (similarity {s}); the pair rests on language and availability.",
            sharedLanguages.Length == 1 ? $"Both speak {sharedLanguages[0]}." : $"Both speak {string.Join(", ", sharedLanguages)}.",
        };
        if (menteeUnit is not null && mentorUnit is not null)
            sentences.Add($"Different organisation units ({menteeUnit} / {mentorUnit}).");
        sentences.Add(menteeRank == 1 ? $"The mentee's best candidate of {candidates}." : $"Candidate {menteeRank} of {candidates} for the mentee.");
        return string.Join(" ", sentences);
    }
}
