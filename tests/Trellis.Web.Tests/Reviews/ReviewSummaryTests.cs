using Trellis.Web.Features.Reviews;
using static Trellis.Web.Features.Reviews.ReviewDirection;

namespace Trellis.Web.Tests.Reviews;

/// <summary>The "both answered" rules of docs/reviews.md, one by one. The summary never depends on which
/// member gave which answer.</summary>
public sealed class ReviewSummaryTests
{
    private static ReviewSummary Of(int scoreA, ReviewDirection a, int scoreB, ReviewDirection b, bool reviseA = false, bool reviseB = false)
    {
        var one = ReviewSummary.Of((scoreA, a, reviseA), (scoreB, b, reviseB));
        var swapped = ReviewSummary.Of((scoreB, b, reviseB), (scoreA, a, reviseA));
        Assert.Equal(one, swapped);
        return one;
    }

    [Theory]
    [InlineData(5, 4, "It is working well for both of you.")]
    [InlineData(4, 4, "It is working well for both of you.")]
    [InlineData(3, 5, "It is working for both of you, with room to make it better.")]
    [InlineData(3, 3, "It is working for both of you, with room to make it better.")]
    [InlineData(2, 5, "It is working for one of you more than for the other. Worth a conversation at your next meeting.")]
    [InlineData(1, 3, "It is working for one of you more than for the other. Worth a conversation at your next meeting.")]
    [InlineData(2, 1, "It isn't working well for either of you at the moment. That is worth talking about openly; it is not anyone's fault.")]
    public void Rule1_Health_ComesFromBothScoresTogether(int a, int b, string expected) =>
        Assert.Equal(expected, Of(a, KeepGoing, b, KeepGoing).Health);

    [Theory]
    [InlineData(KeepGoing, KeepGoing, "You both want to keep going as you are.")]
    [InlineData(MeetMoreOften, KeepGoing, "You both want to keep going; one of you would like to meet more often.")]
    [InlineData(MeetLessOften, KeepGoing, "You both want to keep going; one of you would like to meet less often.")]
    [InlineData(MeetMoreOften, MeetMoreOften, "You both want to keep going, and you both want to meet more often.")]
    [InlineData(MeetLessOften, MeetLessOften, "You both want to keep going, and you both want to meet less often.")]
    [InlineData(MeetMoreOften, MeetLessOften, "You both want to keep going, but you see the rhythm differently: one of you would like to meet more often, the other less often.")]
    [InlineData(WrapUp, KeepGoing, "One of you feels it may be time to wrap up; the other would like to keep going.")]
    [InlineData(WrapUp, MeetMoreOften, "One of you feels it may be time to wrap up; the other would like to keep going.")]
    [InlineData(WrapUp, WrapUp, "You both feel you have done what you set out to do and could wrap up: a good moment to plan a kind ending.")]
    public void Rule2_Direction_SaysWhereYouBothWantToGo_WithoutSayingWho(ReviewDirection a, ReviewDirection b, string expected) =>
        Assert.Equal(expected, Of(4, a, 4, b).Direction);

    [Fact]
    public void Rule3_NoLowScoreAndNoWish_NoRevision()
    {
        var summary = Of(3, KeepGoing, 5, MeetMoreOften);
        Assert.Null(summary.Revision);
        Assert.False(summary.InviteToRevise);
        Assert.Equal(2, summary.Sentences.Count());
    }

    [Fact]
    public void Rule3_OneWishesToRevise_BothAreInvited()
    {
        var summary = Of(4, KeepGoing, 5, KeepGoing, reviseA: true);
        Assert.Equal("One of you would like to revise your agreement.", summary.Revision);
        Assert.True(summary.InviteToRevise);
    }

    [Fact]
    public void Rule3_BothWishToRevise()
    {
        Assert.Equal("You would both like to revise your agreement.", Of(4, KeepGoing, 2, KeepGoing, true, true).Revision);
    }

    [Theory]
    [InlineData(2, 5)]
    [InlineData(1, 1)]
    public void Rule3_ALowScoreWithoutAWish_StillSuggestsRevising(int a, int b)
    {
        var summary = Of(a, KeepGoing, b, KeepGoing);
        Assert.Equal("Revising your agreement together could help.", summary.Revision);
        Assert.True(summary.InviteToRevise);
    }

    [Fact]
    public void Summary_HasNoScoresInIt()
    {
        var summary = Of(2, MeetMoreOften, 5, KeepGoing, reviseA: true);
        Assert.DoesNotContain(summary.Sentences, s => s.Any(char.IsDigit));
    }
}
