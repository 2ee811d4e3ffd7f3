using System.Globalization;
using Trellis.Matching;
using Trellis.Matching.Cohort;

namespace Trellis.Matching.CommandLine;

/// <summary>
/// The words for the facts <see cref="CohortMatcher"/> returns: short sentences a coordinator can
/// read out to a mentee or mentor. English only, for now; the facts are language-neutral.
/// </summary>
public static class CohortText
{
    public static string Unmatched(UnmatchedFacts facts) => facts.Reason switch
    {
        UnmatchedReason.NoCandidate =>
            "No mentor passed the hard filters (a shared language, a different organisation unit, room left).",
        UnmatchedReason.Forbidden => "Every mentor who passed the filters is blocked for this mentee.",
        UnmatchedReason.BelowPenalty =>
            $"{Mentors(facts.MentorsWithPlaces)} who pass the filters still {(facts.MentorsWithPlaces == 1 ? "has" : "have")} " +
            $"room, but the best of them scores {facts.BestScoreWithPlaces}, not above {facts.ScoreToBeat}: " +
            "with this unmatched penalty no mentor is preferred to a pair that poor.",
        UnmatchedReason.NotACandidate =>
            $"All {facts.Candidates} candidate mentors are full, but {Mentors(facts.MentorsWithPlacesOutsideCandidates)} " +
            $"outside this mentee's {facts.Candidates} best still {(facts.MentorsWithPlacesOutsideCandidates == 1 ? "has" : "have")} " +
            $"room (best score {facts.BestScoreWithPlaces}); more candidates per mentee would consider them.",
        _ => $"All {facts.Candidates} candidate mentors are full" +
            (facts.FullByCap > 0 ? $" ({facts.FullByCap} of them only because of the per-mentor cap)" : "") +
            ", and so is every other mentor who passes the filters.",
    };

    private static string Mentors(int count) => count == 1 ? "1 mentor" : $"{count} mentors";

    public static string Pair(PairFacts pair)
    {
        var s = pair.Similarity.ToString("0.00", CultureInfo.InvariantCulture);
        var sentences = new List<string>
        {
            pair.Similarity >= 0.5f ? $"Goals and expertise overlap strongly (similarity {s})."
            : pair.Similarity >= 0.25f ? $"Goals and expertise overlap in part (similarity {s})."
            : $"Goals and expertise have little in common (similarity {s}); the pair rests on language and availability.",
            pair.SharedLanguages.Count == 1
                ? $"Both speak {pair.SharedLanguages[0]}."
                : $"Both speak {string.Join(", ", pair.SharedLanguages)}.",
        };
        if (pair.MenteeUnit is not null && pair.MentorUnit is not null)
            sentences.Add($"Different organisation units ({pair.MenteeUnit} / {pair.MentorUnit}).");
        sentences.Add(pair.MenteeRank == 1
            ? $"The mentee's best candidate of {pair.Candidates}."
            : $"Candidate {pair.MenteeRank} of {pair.Candidates} for the mentee.");
        return string.Join(" ", sentences);
    }

    /// <summary>A problem of the cohort as a whole or of one pair, by the ids the coordinator wrote.</summary>
    public static string Problem(CohortProblem p) => p.Kind switch
    {
        CohortProblemKind.DuplicateId => $"id '{p.MenteeId ?? p.MentorId}' appears twice.",
        CohortProblemKind.UnknownId => $"the pair ({p.MenteeId}, {p.MentorId}) names someone who is not in the files.",
        CohortProblemKind.TooManyLanguages => $"the two files name {p.Count} different languages; at most 64 are supported.",
        CohortProblemKind.EmbeddingSize => "the embedder returned vectors of different sizes.",
        CohortProblemKind.NegativePenalty => "the unmatched penalty must not be negative.",
        CohortProblemKind.PinnedTwice => $"mentee '{p.MenteeId}' is pinned to more than one mentor.",
        CohortProblemKind.PinnedAndForbidden => $"the pair ({p.MenteeId}, {p.MentorId}) is both pinned and forbidden.",
        CohortProblemKind.PinOverCapacity => $"mentor '{p.MentorId}' has more pinned mentees than places.",
        _ => $"the pinned pair ({p.MenteeId}, {p.MentorId}) breaks a hard filter" + p.Exclusion switch
        {
            Exclusion.NoSharedLanguage => ": they share no language.",
            Exclusion.SameOrgUnit => ": they are in the same organisation unit.",
            Exclusion.NoRemainingCapacity => ": the mentor has no places.",
            Exclusion.MissingRequiredLanguage => ": the mentor does not speak every language the mentee must share.",
            Exclusion.NotAheadAndNotOpen => ": the mentor is not ahead of the mentee and not open to peer or reverse mentoring.",
            Exclusion.NotAPeer => ": the mentee asked for a peer open to peer mentoring.",
            Exclusion.NotJunior => ": the mentee asked for someone junior open to reverse mentoring.",
            Exclusion.NoTimeToMeet => ": the mentee requires a shared window and they share less than 30 minutes a week.",
            _ => ".",
        },
    };
}
