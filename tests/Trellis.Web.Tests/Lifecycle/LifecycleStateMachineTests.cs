using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Tests.Mentorships;
using static Trellis.Web.Features.Mentorships.MentorshipStatus;

namespace Trellis.Web.Tests.Lifecycle;

/// <summary>Pause, resume, complete (propose, confirm, decline), extend, end and the job's own moves, by every
/// actor from every state: what docs/mentorships.md's table allows moves to the listed state; everything
/// else is refused and changes nothing. Blocking is covered state by state in <see cref="BlockingTests"/>.</summary>
public sealed class LifecycleStateMachineTests
{
    private static readonly Guid Mentee = Guid.NewGuid(), Mentor = Guid.NewGuid(), Stranger = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(T0.UtcDateTime);
    private static readonly Deadline Later = new(T0.AddDays(14), T0.AddDays(11));
    /// <summary>The agreement starts on 1 December 2026 for 12 months.</summary>
    private static readonly DateOnly PlannedEnd = new(2027, 12, 1);

    public enum Actor { Mentee, Mentor, Stranger, Trellis }

    public enum Action { Pause, Resume, Complete, DeclineCompletion, Extend, End, ResumeAsPlanned, CompleteAsPlanned, RecordEndNotice }

    private static readonly Dictionary<string, Func<Mentorship>> States = new()
    {
        ["Proposed"] = NewRequest,
        ["Negotiating"] = () => Ok(NewRequest(), m => m.CounterPropose(Mentor, 1, Terms(), T0, Later)),
        ["Active"] = () => Ok(NewRequest(), m => m.Accept(Mentor, 1, T0)),
        ["Active/completion proposed by mentee"] = () => Ok(States!["Active"](), m => m.Complete(Mentee, T0)),
        ["Paused"] = () => Ok(States!["Active"](), m => m.Pause(Mentor, T0)),
        ["Paused/resume date reached"] = () => Ok(States!["Active"](), m => m.Pause(Mentee, T0, Today)),
        ["Paused/completion proposed by mentor"] = () => Ok(States!["Paused"](), m => m.Complete(Mentor, T0)),
        ["Completed"] = () => Ok(States!["Active/completion proposed by mentee"](), m => m.Complete(Mentor, T0)),
        ["Ended"] = () => Ok(States!["Active"](), m => m.End(Mentee, T0, EndReason.NoTime, "Work got busy.")),
        ["Declined"] = () => Ok(NewRequest(), m => m.Decline(Mentor, DeclineReason.TimingIsWrong, "", T0)),
        ["Withdrawn"] = () => Ok(NewRequest(), m => m.Withdraw(Mentee, T0)),
        ["Expired"] = () => Ok(NewRequest(), m => m.Expire(T0.AddDays(14))),
    };

    /// <summary>(state, actor, action) → status afterwards. Anything missing is refused.</summary>
    private static readonly Dictionary<(string State, Actor Actor, Action Action), MentorshipStatus> Allowed = Build();

    private static Dictionary<(string, Actor, Action), MentorshipStatus> Build()
    {
        var allowed = new Dictionary<(string, Actor, Action), MentorshipStatus>();
        foreach (var who in new[] { Actor.Mentee, Actor.Mentor })
        {
            foreach (var (state, status) in new[] { ("Active", Active), ("Active/completion proposed by mentee", Active) })
            {
                allowed[(state, who, Action.Pause)] = Paused;
                allowed[(state, who, Action.Extend)] = status;
                allowed[(state, who, Action.End)] = Ended;
            }
            foreach (var state in new[] { "Paused", "Paused/resume date reached", "Paused/completion proposed by mentor" })
            {
                allowed[(state, who, Action.Resume)] = Active;
                allowed[(state, who, Action.Extend)] = Paused;
                allowed[(state, who, Action.End)] = Ended;
            }
            // With no proposal on the table, Complete proposes (the status stays).
            allowed[("Active", who, Action.Complete)] = Active;
            allowed[("Paused", who, Action.Complete)] = Paused;
            allowed[("Paused/resume date reached", who, Action.Complete)] = Paused;
        }
        // The other member confirms or declines; the proposer can do neither.
        allowed[("Active/completion proposed by mentee", Actor.Mentor, Action.Complete)] = Completed;
        allowed[("Active/completion proposed by mentee", Actor.Mentor, Action.DeclineCompletion)] = Active;
        allowed[("Paused/completion proposed by mentor", Actor.Mentee, Action.Complete)] = Completed;
        allowed[("Paused/completion proposed by mentor", Actor.Mentee, Action.DeclineCompletion)] = Paused;
        // Trellis itself, by the calendar (the case's clock is at the planned end for CompleteAsPlanned and a week before it for the notice).
        allowed[("Paused/resume date reached", Actor.Trellis, Action.ResumeAsPlanned)] = Active;
        foreach (var state in new[] { "Active", "Active/completion proposed by mentee", "Paused", "Paused/resume date reached", "Paused/completion proposed by mentor" })
        {
            allowed[(state, Actor.Trellis, Action.CompleteAsPlanned)] = Completed;
            allowed[(state, Actor.Trellis, Action.RecordEndNotice)] = States[state]().Status;
        }
        return allowed;
    }

    public static TheoryData<string, Actor, Action> EveryCase()
    {
        var data = new TheoryData<string, Actor, Action>();
        foreach (var state in States.Keys)
            foreach (var actor in Enum.GetValues<Actor>())
                foreach (var action in Enum.GetValues<Action>())
                    if ((actor == Actor.Trellis) == action is Action.ResumeAsPlanned or Action.CompleteAsPlanned or Action.RecordEndNotice)
                        data.Add(state, actor, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCase))]
    public void EveryMoveByEveryActorFromEveryState_FollowsTheTable(string state, Actor actor, Action action)
    {
        var m = States[state]();
        var before = Snapshot(m);

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
            Assert.Equal(before, Snapshot(m));
        }
    }

    [Fact]
    public void Complete_TakesBoth_AndRecordsWhoConfirmed()
    {
        var m = States["Active"]();
        Assert.Null(m.Complete(Mentee, T0));
        Assert.Equal((Active, Party.Mentee), (m.Status, m.CompletionProposedBy));
        Assert.Equal(MentorshipErrorKind.NotYourTurn, m.Complete(Mentee, T0)?.Kind);
        Assert.Null(m.Complete(Mentor, T0.AddDays(1)));
        Assert.Equal((Completed, Party.Mentor, T0.AddDays(1)), (m.Status, m.ClosedBy, m.ClosedAt));
    }

    [Fact]
    public void DeclineCompletion_ClearsTheProposal_SoItCanBeProposedAgain()
    {
        var m = States["Active/completion proposed by mentee"]();
        Assert.Null(m.DeclineCompletion(Mentor, T0));
        Assert.Null(m.CompletionProposedBy);
        Assert.Null(m.Complete(Mentor, T0));
        Assert.Equal(Party.Mentor, m.CompletionProposedBy);
    }

    [Fact]
    public void Pause_KeepsTheResumeDate_AndResumingByHandClearsIt()
    {
        var m = States["Active"]();
        Assert.Null(m.Pause(Mentee, T0, Today.AddDays(30)));
        Assert.Equal(Today.AddDays(30), m.ResumeOn);
        Assert.NotNull(m.ResumeAsPlanned(Today.AddDays(29), T0));
        Assert.Null(m.Resume(Mentor, T0));
        Assert.Null(m.ResumeOn);
    }

    [Fact]
    public void Extend_MovesThePlannedEnd_AndTheStoredPlanWithIt()
    {
        var m = States["Active"]();
        Assert.Equal(PlannedEnd, m.PlannedEnd);
        Assert.True(m.PlanEnd());
        Assert.False(m.PlanEnd());
        Assert.Null(m.Extend(Mentor, 3, T0));
        Assert.Equal((PlannedEnd.AddMonths(3), PlannedEnd.AddMonths(3), 3), (m.PlannedEnd, m.EndsOn, m.ExtendedMonths));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Extend(Mentor, 0, T0));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Extend(Mentor, Mentorship.MaxExtensionMonths + 1, T0));
    }

    [Fact]
    public void EndNotice_OnlyInTheLastWeek_OncePerPlannedEnd()
    {
        var m = States["Active"]();
        Assert.NotNull(m.RecordEndNotice(PlannedEnd.AddDays(-8), T0));
        Assert.Null(m.RecordEndNotice(PlannedEnd.AddDays(-7), T0));
        Assert.NotNull(m.RecordEndNotice(PlannedEnd.AddDays(-3), T0));
        Assert.NotNull(m.RecordEndNotice(PlannedEnd, T0));
        Assert.Null(m.Extend(Mentee, 1, T0));
        Assert.Null(m.RecordEndNotice(PlannedEnd.AddMonths(1).AddDays(-2), T0));
    }

    [Fact]
    public void End_KeepsThePrivateReasonWithTheMemberWhoEnded()
    {
        var m = States["Paused"]();
        Assert.Null(m.End(Mentor, T0, EndReason.GoalsChanged, "Moving on to management."));
        Assert.Equal((Ended, Party.Mentor, EndReason.GoalsChanged, "Moving on to management."), (m.Status, m.ClosedBy, m.EndReason, m.EndNote));
    }

    private static (MentorshipStatus Status, Guid Version, Party?, DateOnly?, int, DateOnly?, DateOnly?, Party?, EndReason?) Snapshot(Mentorship m) =>
        (m.Status, m.Version, m.CompletionProposedBy, m.ResumeOn, m.ExtendedMonths, m.EndsOn, m.EndNoticeSentFor, m.ClosedBy, m.EndReason);

    private static MentorshipError? Do(Mentorship m, Actor actor, Action action)
    {
        var by = actor switch { Actor.Mentee => Mentee, Actor.Mentor => Mentor, _ => Stranger };
        return action switch
        {
            Action.Pause => m.Pause(by, T0, Today.AddDays(10)),
            Action.Resume => m.Resume(by, T0),
            Action.Complete => m.Complete(by, T0),
            Action.DeclineCompletion => m.DeclineCompletion(by, T0),
            Action.Extend => m.Extend(by, 2, T0),
            Action.End => m.End(by, T0, EndReason.NotWorking, "private"),
            Action.ResumeAsPlanned => m.ResumeAsPlanned(Today, T0),
            Action.CompleteAsPlanned => m.CompleteAsPlanned(PlannedEnd, T0),
            Action.RecordEndNotice => m.RecordEndNotice(PlannedEnd.AddDays(-5), T0),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }

    private static Mentorship NewRequest() => Mentorship.Propose(Mentee, Mentor, Terms(), T0, Later);

    private static Agreement Terms() => MentorshipStateMachineTests.Terms();

    private static Mentorship Ok(Mentorship m, Func<Mentorship, MentorshipError?> move)
    {
        Assert.Null(move(m));
        return m;
    }
}
