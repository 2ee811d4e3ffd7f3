namespace Trellis.Web.Features.Reviews;

/// <summary>What both members see once both have answered: a few kind sentences, never either member's
/// words or score. The rules are written down in docs/reviews.md and tested one by one.</summary>
public sealed record ReviewSummary(string Health, string Direction, string? Revision, bool InviteToRevise)
{
    public IEnumerable<string> Sentences => new[] { Health, Direction, Revision }.OfType<string>();

    public static ReviewSummary Of(ReviewAnswer a, ReviewAnswer b) =>
        Of((a.Score, a.Direction, a.WantsRevision), (b.Score, b.Direction, b.WantsRevision));

    public static ReviewSummary Of((int Score, ReviewDirection Direction, bool WantsRevision) a, (int Score, ReviewDirection Direction, bool WantsRevision) b)
    {
        var low = (a.Score <= 2 ? 1 : 0) + (b.Score <= 2 ? 1 : 0);
        // Rule 1: how it is working, from the two scores taken together.
        var health = low switch
        {
            2 => "It isn't working well for either of you at the moment. That is worth talking about openly; it is not anyone's fault.",
            1 => "It is working for one of you more than for the other. Worth a conversation at your next meeting.",
            _ when a.Score >= 4 && b.Score >= 4 => "It is working well for both of you.",
            _ => "It is working for both of you, with room to make it better.",
        };
        var revisers = (a.WantsRevision ? 1 : 0) + (b.WantsRevision ? 1 : 0);
        // Rule 3: a revision is suggested when either asked for one or either scored 1–2.
        var revision = revisers switch
        {
            2 => "You would both like to revise your agreement.",
            1 => "One of you would like to revise your agreement.",
            _ when low > 0 => "Revising your agreement together could help.",
            _ => null,
        };
        return new ReviewSummary(health, DirectionOf(a.Direction, b.Direction), revision, revision is not null);
    }

    /// <summary>Rule 2: where you both want to go; "one of you" never says which one.</summary>
    private static string DirectionOf(ReviewDirection a, ReviewDirection b)
    {
        var wrapUp = (a == ReviewDirection.WrapUp ? 1 : 0) + (b == ReviewDirection.WrapUp ? 1 : 0);
        if (wrapUp == 2) return "You both feel you have done what you set out to do and could wrap up: a good moment to plan a kind ending.";
        if (wrapUp == 1) return "One of you feels it may be time to wrap up; the other would like to keep going.";

        var more = (a == ReviewDirection.MeetMoreOften ? 1 : 0) + (b == ReviewDirection.MeetMoreOften ? 1 : 0);
        var less = (a == ReviewDirection.MeetLessOften ? 1 : 0) + (b == ReviewDirection.MeetLessOften ? 1 : 0);
        return (more, less) switch
        {
            (2, _) => "You both want to keep going, and you both want to meet more often.",
            (_, 2) => "You both want to keep going, and you both want to meet less often.",
            (1, 1) => "You both want to keep going, but you see the rhythm differently: one of you would like to meet more often, the other less often.",
            (1, _) => "You both want to keep going; one of you would like to meet more often.",
            (_, 1) => "You both want to keep going; one of you would like to meet less often.",
            _ => "You both want to keep going as you are.",
        };
    }
}
