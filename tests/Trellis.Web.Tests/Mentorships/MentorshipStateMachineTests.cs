using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Agreements;
using static Trellis.Web.Features.Mentorships.MentorshipStatus;

namespace Trellis.Web.Tests.Mentorships;

/// <summary>Every action by every actor from every state: the allowed ones (the table in
/// docs/mentorships.md) move to the listed state; every other one is refused and changes nothing.</summary>
public sealed class MentorshipStateMachineTests
{
    private static readonly Guid Mentee = Guid.NewGuid(), Mentor = Guid.NewGuid(), Stranger = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly Deadline Later = new(T0.AddDays(14), T0.AddDays(11));

    public enum Actor { Mentee, Mentor, Stranger }

    public enum Action { Accept, CounterPropose, EditBeforeAnswer, Decline, Withdraw, AskQuestion, Pause, Resume, Complete, End }

    /// <summary>Setups by name; "Negotiating/mentor" means the mentor's counter-proposal is on the table.</summary>
    private static readonly Dictionary<string, Func<Mentorship>> States = new()
    {
        ["Proposed"] = NewRequest,
        ["Negotiating/mentor"] = () => Ok(NewRequest(), m => m.CounterPropose(Mentor, 1, Terms(cadence: 2), T0, Later)),
        ["Negotiating/mentee"] = () => Ok(States!["Negotiating/mentor"](), m => m.CounterPropose(Mentee, 2, Terms(cadence: 3), T0, Later)),
        ["Active"] = () => Ok(NewRequest(), m => m.Accept(Mentor, 1, T0)),
        ["Paused"] = () => Ok(States!["Active"](), m => m.Pause(Mentee, T0)),
        // Completing takes both: the mentor proposes, the mentee confirms.
        ["Completed"] = () => Ok(Ok(States!["Active"](), m => m.Complete(Mentor, T0)), m => m.Complete(Mentee, T0)),
        ["Ended"] = () => Ok(States!["Active"](), m => m.End(Mentee, T0)),
        ["Declined"] = () => Ok(NewRequest(), m => m.Decline(Mentor, DeclineReason.TimingIsWrong, "", T0)),
        ["Withdrawn"] = () => Ok(NewRequest(), m => m.Withdraw(Mentee, T0)),
        ["Expired"] = () => Ok(NewRequest(), m => m.Expire(T0.AddDays(14))),
        // A programme's direct match: offered to both, "/mentee" once the mentee has accepted it.
        ["Offered"] = NewOffer,
        ["Offered/mentee"] = () => Ok(NewOffer(), m => m.Accept(Mentee, 1, T0)),
        ["Offered/mentor"] = () => Ok(NewOffer(), m => m.Accept(Mentor, 1, T0)),
    };

    /// <summary>The whole machine: (state, actor, action) → new state. Anything missing is refused.</summary>
    public static readonly Dictionary<(string State, Actor Actor, Action Action), MentorshipStatus> Allowed = new()
    {
        [("Proposed", Actor.Mentor, Action.Accept)] = Active,
        [("Proposed", Actor.Mentor, Action.CounterPropose)] = Negotiating,
        [("Proposed", Actor.Mentee, Action.EditBeforeAnswer)] = Proposed,
        [("Proposed", Actor.Mentor, Action.Decline)] = Declined,
        [("Proposed", Actor.Mentee, Action.Withdraw)] = Withdrawn,
        [("Proposed", Actor.Mentee, Action.AskQuestion)] = Proposed,
        [("Proposed", Actor.Mentor, Action.AskQuestion)] = Proposed,

        [("Negotiating/mentor", Actor.Mentee, Action.Accept)] = Active,
        [("Negotiating/mentor", Actor.Mentee, Action.CounterPropose)] = Negotiating,
        [("Negotiating/mentor", Actor.Mentor, Action.EditBeforeAnswer)] = Negotiating,
        [("Negotiating/mentor", Actor.Mentor, Action.Decline)] = Declined,
        [("Negotiating/mentor", Actor.Mentee, Action.Withdraw)] = Withdrawn,
        [("Negotiating/mentor", Actor.Mentee, Action.AskQuestion)] = Negotiating,
        [("Negotiating/mentor", Actor.Mentor, Action.AskQuestion)] = Negotiating,

        [("Negotiating/mentee", Actor.Mentor, Action.Accept)] = Active,
        [("Negotiating/mentee", Actor.Mentor, Action.CounterPropose)] = Negotiating,
        [("Negotiating/mentee", Actor.Mentee, Action.EditBeforeAnswer)] = Negotiating,
        [("Negotiating/mentee", Actor.Mentor, Action.Decline)] = Declined,
        [("Negotiating/mentee", Actor.Mentee, Action.Withdraw)] = Withdrawn,
        [("Negotiating/mentee", Actor.Mentee, Action.AskQuestion)] = Negotiating,
        [("Negotiating/mentee", Actor.Mentor, Action.AskQuestion)] = Negotiating,

        // A direct match is accepted by each member, or declined by either; nobody counter-proposes, edits or withdraws it.
        [("Offered", Actor.Mentee, Action.Accept)] = Proposed,
        [("Offered", Actor.Mentor, Action.Accept)] = Proposed,
        [("Offered", Actor.Mentee, Action.Decline)] = Declined,
        [("Offered", Actor.Mentor, Action.Decline)] = Declined,
        [("Offered", Actor.Mentee, Action.AskQuestion)] = Proposed,
        [("Offered", Actor.Mentor, Action.AskQuestion)] = Proposed,

        [("Offered/mentee", Actor.Mentor, Action.Accept)] = Active,
        [("Offered/mentee", Actor.Mentee, Action.Decline)] = Declined,
        [("Offered/mentee", Actor.Mentor, Action.Decline)] = Declined,
        [("Offered/mentee", Actor.Mentee, Action.AskQuestion)] = Proposed,
        [("Offered/mentee", Actor.Mentor, Action.AskQuestion)] = Proposed,

        [("Offered/mentor", Actor.Mentee, Action.Accept)] = Active,
        [("Offered/mentor", Actor.Mentee, Action.Decline)] = Declined,
        [("Offered/mentor", Actor.Mentor, Action.Decline)] = Declined,
        [("Offered/mentor", Actor.Mentee, Action.AskQuestion)] = Proposed,
        [("Offered/mentor", Actor.Mentor, Action.AskQuestion)] = Proposed,

        [("Active", Actor.Mentee, Action.Pause)] = Paused,
        [("Active", Actor.Mentor, Action.Pause)] = Paused,
        // The first Complete is a proposal; the other member's confirms it (Trellis.Web.Tests.Lifecycle).
        [("Active", Actor.Mentee, Action.Complete)] = Active,
        [("Active", Actor.Mentor, Action.Complete)] = Active,
        [("Active", Actor.Mentee, Action.End)] = Ended,
        [("Active", Actor.Mentor, Action.End)] = Ended,

        [("Paused", Actor.Mentee, Action.Resume)] = Active,
        [("Paused", Actor.Mentor, Action.Resume)] = Active,
        [("Paused", Actor.Mentee, Action.Complete)] = Paused,
        [("Paused", Actor.Mentor, Action.Complete)] = Paused,
        [("Paused", Actor.Mentee, Action.End)] = Ended,
        [("Paused", Actor.Mentor, Action.End)] = Ended,
    };

    public static TheoryData<string, Actor, Action> EveryCase()
    {
        var data = new TheoryData<string, Actor, Action>();
        foreach (var state in States.Keys)
            foreach (var actor in Enum.GetValues<Actor>())
                foreach (var action in Enum.GetValues<Action>())
                    data.Add(state, actor, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCase))]
    public void EveryActionByEveryActorFromEveryState_FollowsTheTable(string state, Actor actor, Action action)
    {
        var m = States[state]();
        var before = (m.Status, m.Version, m.CurrentVersion, m.Questions.Count);

        var error = Do(m, actor, action);

        if (Allowed.TryGetValue((state, actor, action), out var expected))
        {
            Assert.Null(error);
            Assert.Equal(expected, m.Status);
            Assert.NotEqual(before.Version, m.Version);
        }
        else
        {
            Assert.NotNull(error);
            if (actor == Actor.Stranger) Assert.Equal(MentorshipErrorKind.NotAMember, error.Kind);
            else Assert.NotEqual(MentorshipErrorKind.NotAMember, error.Kind);
            Assert.Equal(before, (m.Status, m.Version, m.CurrentVersion, m.Questions.Count));
        }
    }

    [Fact]
    public void Propose_MakesVersionOne_AcceptedByTheMenteeOnly_AndWaitsForTheMentor()
    {
        var m = NewRequest();
        Assert.Equal(Proposed, m.Status);
        Assert.Equal(1, m.CurrentVersion);
        Assert.True(m.Current.AcceptedByMentee);
        Assert.False(m.Current.AcceptedByMentor);
        Assert.Equal(Party.Mentor, m.Awaiting);
        Assert.Null(m.InForce);
        Assert.Equal(Later.ExpiresAt, m.ExpiresAt);
    }

    [Fact]
    public void Accept_OfTheCounter_MakesThatVersionTheAgreementInForce()
    {
        var m = States["Negotiating/mentor"]();
        Assert.Null(m.Accept(Mentee, 2, T0));
        Assert.Equal(Active, m.Status);
        Assert.Equal(2, m.AcceptedVersion);
        Assert.True(m.InForce!.AcceptedByBoth);
        Assert.Equal(2, m.InForce.Terms.CadenceEvery);
        Assert.False(m.Versions.Single(v => v.Number == 1).AcceptedByBoth);
        Assert.Null(m.ExpiresAt);
    }

    [Theory]
    [InlineData("Negotiating/mentor", Actor.Mentee, 1)]
    [InlineData("Negotiating/mentee", Actor.Mentor, 2)]
    public void Accept_OfAnOlderVersion_IsStale(string state, Actor actor, int olderVersion)
    {
        var m = States[state]();
        var error = m.Accept(Id(actor), olderVersion, T0);
        Assert.Equal(MentorshipErrorKind.Stale, error?.Kind);
        Assert.Equal(Negotiating, m.Status);
    }

    [Fact]
    public void CounterPropose_OnAnOlderVersion_IsStale()
    {
        var m = States["Negotiating/mentor"]();
        Assert.Equal(MentorshipErrorKind.Stale, m.CounterPropose(Mentee, 1, Terms(cadence: 4), T0, Later)?.Kind);
        Assert.Equal(2, m.CurrentVersion);
    }

    [Fact]
    public void EditBeforeAnswer_AddsAVersion_KeepsTheDeadline_AndMakesTheOldOneStale()
    {
        var m = NewRequest();
        Assert.Null(m.EditBeforeAnswer(Mentee, 1, Terms(cadence: 2), T0.AddDays(1)));
        Assert.Equal(2, m.CurrentVersion);
        Assert.Equal(Later.ExpiresAt, m.ExpiresAt);
        Assert.Equal(MentorshipErrorKind.Stale, m.Accept(Mentor, 1, T0)?.Kind);
        Assert.Null(m.Accept(Mentor, 2, T0));
    }

    [Fact]
    public void CounterPropose_RestartsTheDeadline_ForTheOtherMember()
    {
        var m = NewRequest();
        var later = new Deadline(T0.AddDays(20), T0.AddDays(17));
        Assert.Null(m.CounterPropose(Mentor, 1, Terms(cadence: 2), T0.AddDays(6), later));
        Assert.Equal(later.ExpiresAt, m.ExpiresAt);
        Assert.Equal(Party.Mentee, m.Awaiting);
        Assert.Null(m.RemindedAt);
    }

    [Theory]
    [InlineData("Proposed")]
    [InlineData("Negotiating/mentor")]
    [InlineData("Negotiating/mentee")]
    public void Expire_OnlyOnceTheDeadlineHasPassed(string state)
    {
        var m = States[state]();
        Assert.Equal(MentorshipErrorKind.WrongState, m.Expire(Later.ExpiresAt.AddTicks(-1))?.Kind);
        Assert.Null(m.Expire(Later.ExpiresAt));
        Assert.Equal(Expired, m.Status);
    }

    [Theory]
    [InlineData("Active")]
    [InlineData("Paused")]
    [InlineData("Completed")]
    [InlineData("Ended")]
    [InlineData("Declined")]
    [InlineData("Withdrawn")]
    [InlineData("Expired")]
    public void Expire_NeverTouchesARequestThatIsNoLongerOpen(string state)
    {
        var m = States[state]();
        var status = m.Status;
        Assert.NotNull(m.Expire(T0.AddYears(1)));
        Assert.Equal(status, m.Status);
    }

    [Fact]
    public void RecordReminder_OnceOnly_AndNotBeforeItIsDue()
    {
        var m = NewRequest();
        Assert.NotNull(m.RecordReminder(Later.RemindAt.AddTicks(-1)));
        Assert.Null(m.RecordReminder(Later.RemindAt));
        Assert.NotNull(m.RecordReminder(Later.RemindAt.AddHours(1)));
    }

    [Fact]
    public void Decline_KeepsTheKindReason()
    {
        var m = NewRequest();
        Assert.Null(m.Decline(Mentor, DeclineReason.OutsideMyExperience, "Try Ana, she knows this well.", T0));
        Assert.Equal(DeclineReason.OutsideMyExperience, m.DeclineReason);
        Assert.Equal("Try Ana, she knows this well.", m.DeclineMessage);
        Assert.Equal(T0, m.ClosedAt);
    }

    [Fact]
    public void Diff_NamesEachChangedTermInPlainWords()
    {
        var changes = AgreementDiff.Between(Terms(cadence: 1), Terms(cadence: 2) with { MeetingMinutes = 45 });
        Assert.Equal(["cadence", "meetingMinutes"], changes.Select(c => c.Field));
        Assert.Equal(("every month", "every 2 months"), (changes[0].Before, changes[0].After));
        Assert.Equal(("60 minutes", "45 minutes"), (changes[1].Before, changes[1].After));
        Assert.Empty(AgreementDiff.Between(Terms(), Terms()));
    }

    private static MentorshipError? Do(Mentorship m, Actor actor, Action action)
    {
        var by = Id(actor);
        var v = m.CurrentVersion;
        return action switch
        {
            Action.Accept => m.Accept(by, v, T0),
            Action.CounterPropose => m.CounterPropose(by, v, Terms(cadence: 6), T0, Later),
            Action.EditBeforeAnswer => m.EditBeforeAnswer(by, v, Terms(cadence: 5), T0),
            Action.Decline => m.Decline(by, DeclineReason.NotTheRightFit, "", T0),
            Action.Withdraw => m.Withdraw(by, T0),
            Action.AskQuestion => m.AskQuestion(by, "How much time could you give?", T0),
            Action.Pause => m.Pause(by, T0),
            Action.Resume => m.Resume(by, T0),
            Action.Complete => m.Complete(by, T0),
            Action.End => m.End(by, T0),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }

    private static Guid Id(Actor actor) => actor switch { Actor.Mentee => Mentee, Actor.Mentor => Mentor, _ => Stranger };

    private static Mentorship NewRequest() => Mentorship.Propose(Mentee, Mentor, Terms(), T0, Later);

    private static Mentorship NewOffer() => Mentorship.OfferMatch(Mentee, Mentor, Terms(), T0, Later, Guid.NewGuid());

    private static Mentorship Ok(Mentorship m, Func<Mentorship, MentorshipError?> move)
    {
        var error = move(m);
        Assert.Null(error);
        return m;
    }

    internal static Agreement Terms(int cadence = 1) =>
        AgreementTemplates.Find(AgreementTemplates.LightAndInformal).Build(new DateOnly(2026, 12, 1)) with
        {
            CadenceEvery = cadence,
            Goals = ["Move from engineering into product management"],
        };
}
