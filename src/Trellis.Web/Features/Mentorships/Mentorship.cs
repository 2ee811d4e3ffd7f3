using Trellis.Web.Features.Mentorships.Agreements;

namespace Trellis.Web.Features.Mentorships;

/// <summary>
/// A mentee and a mentor, from the first proposal to the end. Owns its state machine (docs/mentorships.md):
/// every move checks who makes it and from which state, and refuses an illegal one with a
/// <see cref="MentorshipError"/>. Rules that need other rows (capacity, cool-down, limits) live in
/// <see cref="MentorshipHandlers"/>, which decides them in the database.
/// </summary>
public sealed class Mentorship
{
    private readonly List<AgreementVersion> _versions = [];
    private readonly List<MentorshipQuestion> _questions = [];

    private Mentorship() { }

    private Mentorship(Guid menteeId, Guid mentorId, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        MenteeId = menteeId;
        MentorId = mentorId;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid MenteeId { get; private set; }
    public Guid MentorId { get; private set; }

    /// <summary>The programme it was made in (a mentee's choice there, or a match its coordinators approved); the
    /// programme counts it, it never sees inside it.</summary>
    public Guid? ProgrammeId { get; private set; }

    /// <summary>A match its programme starts directly: the programme's agreement is the offer, nobody negotiates it,
    /// and the mentorship is active once both members have accepted it (either may decline).</summary>
    public bool DirectStart { get; private set; }
    public MentorshipStatus Status { get; private set; }
    public int CurrentVersion { get; private set; }
    public int? AcceptedVersion { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>When an unanswered request expires; null once nobody is waiting for an answer.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }
    public DateTimeOffset? RemindAt { get; private set; }
    public DateTimeOffset? RemindedAt { get; private set; }
    public DateTimeOffset? ActivatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DeclineReason? DeclineReason { get; private set; }
    public string DeclineMessage { get; private set; } = "";

    /// <summary>Changes on every move, so two moves made from the same state cannot both be saved.</summary>
    public Guid Version { get; private set; }

    public IReadOnlyList<AgreementVersion> Versions => _versions;
    public IReadOnlyList<MentorshipQuestion> Questions => _questions;

    public static readonly MentorshipStatus[] OpenStatuses = [MentorshipStatus.Proposed, MentorshipStatus.Negotiating];
    /// <summary>Statuses in which the pair may not start another request (and which a unique index guards).</summary>
    public static readonly MentorshipStatus[] OngoingStatuses = [MentorshipStatus.Proposed, MentorshipStatus.Negotiating, MentorshipStatus.Active, MentorshipStatus.Paused];

    public bool IsOpen => OpenStatuses.Contains(Status);
    public AgreementVersion Current => _versions.Single(v => v.Number == CurrentVersion);
    public AgreementVersion? InForce => AcceptedVersion is { } n ? _versions.Single(v => v.Number == n) : null;

    /// <summary>Whose answer the open request waits for: the side that did not propose the current version (of a
    /// direct match, the one member who has not accepted it yet; null while it waits for both).</summary>
    public Party? Awaiting => !IsOpen ? null
        : !DirectStart ? Other(Current.ProposedBy)
        : Current.AcceptedByMentee == Current.AcceptedByMentor ? null
        : Current.AcceptedByMentee ? Party.Mentor : Party.Mentee;

    /// <summary>Whether the open request waits for <paramref name="party"/>'s answer.</summary>
    public bool Awaits(Party party) => IsOpen && (DirectStart ? !AcceptedBy(party) : Other(Current.ProposedBy) == party);

    private bool AcceptedBy(Party party) => party == Party.Mentee ? Current.AcceptedByMentee : Current.AcceptedByMentor;

    public Party? PartyOf(Guid memberId) =>
        memberId == MenteeId ? Party.Mentee : memberId == MentorId ? Party.Mentor : null;

    public Guid MemberOf(Party party) => party == Party.Mentee ? MenteeId : MentorId;

    public static Party Other(Party party) => party == Party.Mentee ? Party.Mentor : Party.Mentee;

    /// <summary>The mentee's "ideal relationship", sent to the mentor.</summary>
    public static Mentorship Propose(Guid menteeId, Guid mentorId, Agreement terms, DateTimeOffset at, Deadline answerBy,
        Guid? programmeId = null)
    {
        if (menteeId == mentorId) throw new ArgumentException("A member cannot mentor themself.", nameof(mentorId));
        var m = new Mentorship(menteeId, mentorId, at) { Status = MentorshipStatus.Proposed, ProgrammeId = programmeId };
        m.AddVersion(Party.Mentee, terms, at);
        m.WaitForAnswer(answerBy);
        m.Touch(at);
        return m;
    }

    /// <summary>A programme's match that starts directly: its agreement as the terms, accepted by neither member yet.</summary>
    public static Mentorship OfferMatch(Guid menteeId, Guid mentorId, Agreement terms, DateTimeOffset at, Deadline answerBy,
        Guid programmeId)
    {
        if (menteeId == mentorId) throw new ArgumentException("A member cannot mentor themself.", nameof(mentorId));
        var m = new Mentorship(menteeId, mentorId, at) { Status = MentorshipStatus.Proposed, ProgrammeId = programmeId, DirectStart = true };
        m.CurrentVersion = 1;
        m._versions.Add(new AgreementVersion(m.Id, 1, Party.Mentee, terms, at, proposerAccepts: false));
        m.WaitForAnswer(answerBy);
        m.Touch(at);
        return m;
    }

    /// <summary>Accepting the version on the table; of a direct match, the second member's acceptance starts it.</summary>
    public MentorshipError? Accept(Guid by, int version, DateTimeOffset at)
    {
        if (Check(by, out var party) is { } error) return error;
        if (!IsOpen) return MentorshipError.WrongState($"This request is {Describe(Status)}; there is nothing to accept.");
        if (version != CurrentVersion) return MentorshipError.Stale(version, CurrentVersion);
        if (DirectStart && AcceptedBy(party))
            return MentorshipError.NotYourTurn("You accepted this match; it starts when the other member accepts it too.");
        if (!DirectStart && party == Current.ProposedBy)
            return MentorshipError.NotYourTurn("You proposed this version; it waits for the other member's answer.");

        Current.AcceptBy(party);
        if (!Current.AcceptedByBoth)
        {
            Touch(at);
            return null;
        }
        Status = MentorshipStatus.Active;
        AcceptedVersion = CurrentVersion;
        ActivatedAt = at;
        StopWaiting();
        Touch(at);
        return null;
    }

    public MentorshipError? CounterPropose(Guid by, int basedOnVersion, Agreement terms, DateTimeOffset at, Deadline answerBy,
        string changeNote = "")
    {
        if (Check(by, out var party) is { } error) return error;
        if (!IsOpen) return MentorshipError.WrongState($"This request is {Describe(Status)}; it can no longer be changed.");
        if (DirectStart) return MentorshipError.WrongState(DirectTermsStand);
        if (basedOnVersion != CurrentVersion) return MentorshipError.Stale(basedOnVersion, CurrentVersion);
        if (party == Current.ProposedBy) return MentorshipError.NotYourTurn("The current version is yours; change it with an edit instead, or wait for the other member's answer.");

        AddVersion(party, KeepMenteesNote(party, terms), at, changeNote);
        Status = MentorshipStatus.Negotiating;
        WaitForAnswer(answerBy);
        Touch(at);
        return null;
    }

    /// <summary>The proposer changes their own proposal before the other member has answered it. The
    /// deadline stays: editing must not keep a request alive for ever.</summary>
    public MentorshipError? EditBeforeAnswer(Guid by, int basedOnVersion, Agreement terms, DateTimeOffset at, string changeNote = "")
    {
        if (Check(by, out var party) is { } error) return error;
        if (!IsOpen) return MentorshipError.WrongState($"This request is {Describe(Status)}; it can no longer be changed.");
        if (DirectStart) return MentorshipError.WrongState(DirectTermsStand);
        if (basedOnVersion != CurrentVersion) return MentorshipError.Stale(basedOnVersion, CurrentVersion);
        if (party != Current.ProposedBy) return MentorshipError.NotYourTurn("Only the member who proposed the current version can edit it; answer with a counter-proposal instead.");

        AddVersion(party, KeepMenteesNote(party, terms), at, changeNote);
        Touch(at);
        return null;
    }

    /// <summary>The mentor declines a request; either member declines a direct match (its <see cref="ClosedBy"/>).</summary>
    public MentorshipError? Decline(Guid by, DeclineReason? reason, string message, DateTimeOffset at)
    {
        if (Check(by, out var party) is { } error) return error;
        if (party != Party.Mentor && !DirectStart)
            return MentorshipError.NotYourTurn("Only the mentor can decline; as the mentee you can withdraw the request.");
        if (!IsOpen) return MentorshipError.WrongState($"This request is {Describe(Status)}; there is nothing to decline.");

        Close(MentorshipStatus.Declined, at);
        if (DirectStart) ClosedBy = party;
        DeclineReason = reason;
        DeclineMessage = message;
        return null;
    }

    private const string DirectTermsStand = "Your programme offered this match with its agreement as it stands: accept or decline it. "
                                            + "Once it has started, either of you can propose a revision.";

    public MentorshipError? Withdraw(Guid by, DateTimeOffset at)
    {
        if (Check(by, out var party) is { } error) return error;
        if (party != Party.Mentee) return MentorshipError.NotYourTurn("Only the mentee can withdraw a request; as the mentor you can decline it.");
        if (DirectStart) return MentorshipError.NotYourTurn("Your programme offered this match: decline it if you do not want it.");
        if (!IsOpen) return MentorshipError.WrongState($"This request is {Describe(Status)}; there is nothing to withdraw.");

        Close(MentorshipStatus.Withdrawn, at);
        return null;
    }

    public MentorshipError? AskQuestion(Guid by, string text, DateTimeOffset at)
    {
        if (Check(by, out var party) is { } error) return error;
        if (!IsOpen) return MentorshipError.WrongState($"This request is {Describe(Status)}; questions are for open requests.");
        _questions.Add(new MentorshipQuestion(Id, party, CurrentVersion, text, at));
        Touch(at);
        return null;
    }

    public MentorshipError? RecordReminder(DateTimeOffset at)
    {
        if (!IsOpen || RemindAt is null || RemindAt > at || RemindedAt is not null) return MentorshipError.WrongState("No reminder is due.");
        RemindedAt = at;
        Touch(at);
        return null;
    }

    public MentorshipError? Expire(DateTimeOffset at)
    {
        if (!IsOpen || ExpiresAt is null || ExpiresAt > at) return MentorshipError.WrongState("This request is not due to expire.");
        Close(MentorshipStatus.Expired, at);
        return null;
    }

    // ── Pausing, completing, ending (docs/mentorships.md, "Pausing, completing, ending") ──────────────

    public const int MaxExtensionMonths = 24;

    /// <summary>While paused: the day the mentorship resumes by itself (UTC), if the pauser chose one.</summary>
    public DateOnly? ResumeOn { get; private set; }
    /// <summary>Who proposed completing it; the other member confirms (completes) or declines (clears it).</summary>
    public Party? CompletionProposedBy { get; private set; }
    public DateTimeOffset? CompletionProposedAt { get; private set; }
    /// <summary>Months added to the agreement's planned duration by either member.</summary>
    public int ExtendedMonths { get; private set; }
    /// <summary>The stored planned end, so the job finds what is due with an index; <see cref="PlanEnd"/> keeps it
    /// equal to <see cref="PlannedEnd"/>, and <see cref="EndsOnPlannedFrom"/> says from which agreement version.</summary>
    public DateOnly? EndsOn { get; private set; }
    public int? EndsOnPlannedFrom { get; private set; }
    /// <summary>The planned end both were told about a week before; a new end (an extension) gets a new notice.</summary>
    public DateOnly? EndNoticeSentFor { get; private set; }
    /// <summary>Who completed (confirmed) or ended it, or declined a direct match; null when Trellis completed it at the
    /// planned end.</summary>
    public Party? ClosedBy { get; private set; }
    /// <summary>Private to <see cref="ClosedBy"/>: never shown to the other member, never in the timeline.</summary>
    public EndReason? EndReason { get; private set; }
    public string EndNote { get; private set; } = "";

    /// <summary>Set when the programme the pair was made in winds down: the pair ends (completes) on that day at the
    /// latest, whatever the agreement says, and cannot be extended past it.</summary>
    public DateOnly? ProgrammeEndsOn { get; private set; }

    /// <summary>The agreement in force's start plus its duration plus every extension, or the day its programme
    /// ends it, whichever comes first.</summary>
    public DateOnly? PlannedEnd => InForce is { } v
        ? Earliest(v.StartDate.AddMonths(v.DurationMonths + ExtendedMonths), ProgrammeEndsOn)
        : null;

    private static DateOnly Earliest(DateOnly agreed, DateOnly? programme) => programme is { } p && p < agreed ? p : agreed;

    public bool IsRunning => Status is MentorshipStatus.Active or MentorshipStatus.Paused;

    public MentorshipError? Pause(Guid by, DateTimeOffset at, DateOnly? resumeOn = null)
    {
        if (Move(by, at, MentorshipStatus.Paused, MentorshipStatus.Active) is { } error) return error;
        ResumeOn = resumeOn;
        return null;
    }

    public MentorshipError? Resume(Guid by, DateTimeOffset at)
    {
        if (Move(by, at, MentorshipStatus.Active, MentorshipStatus.Paused) is { } error) return error;
        ResumeOn = null;
        return null;
    }

    /// <summary>The job: a pause with a resume date ends on that day.</summary>
    public MentorshipError? ResumeAsPlanned(DateOnly today, DateTimeOffset at)
    {
        if (Status != MentorshipStatus.Paused || ResumeOn is not { } day || day > today) return MentorshipError.WrongState("No resume is due.");
        Status = MentorshipStatus.Active;
        ResumeOn = null;
        Touch(at);
        return null;
    }

    /// <summary>Completing takes both: the first call proposes it, the other member's call confirms it.</summary>
    public MentorshipError? Complete(Guid by, DateTimeOffset at)
    {
        if (Check(by, out var party) is { } error) return error;
        if (!IsRunning) return MentorshipError.WrongState($"This mentorship is {Describe(Status)}; it cannot become completed.");
        if (CompletionProposedBy == party) return MentorshipError.NotYourTurn("You proposed completing the mentorship; it waits for the other member to confirm.");
        if (CompletionProposedBy is null)
        {
            CompletionProposedBy = party;
            CompletionProposedAt = at;
            Touch(at);
            return null;
        }
        Close(MentorshipStatus.Completed, at);
        ClosedBy = party;
        return null;
    }

    /// <summary>The member asked to confirm a completion says "not yet"; the proposal is cleared.</summary>
    public MentorshipError? DeclineCompletion(Guid by, DateTimeOffset at)
    {
        if (Check(by, out var party) is { } error) return error;
        if (!IsRunning || CompletionProposedBy is null) return MentorshipError.WrongState("Nobody has proposed completing this mentorship.");
        if (CompletionProposedBy == party) return MentorshipError.NotYourTurn("You proposed completing it; only the other member can decline the proposal.");
        CompletionProposedBy = null;
        CompletionProposedAt = null;
        Touch(at);
        return null;
    }

    /// <summary>Either member adds months to the planned end at once (no second agreement needed; the other is told).</summary>
    public MentorshipError? Extend(Guid by, int months, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(months, MaxExtensionMonths);
        if (Check(by, out _) is { } error) return error;
        if (!IsRunning) return MentorshipError.WrongState($"This mentorship is {Describe(Status)}; it cannot be extended.");
        if (ProgrammeEndsOn is { } ends)
            return MentorshipError.WrongState($"Its programme is winding down: this mentorship ends on {ends:d MMMM yyyy} and cannot be extended.");
        ExtendedMonths += months;
        PlanEnd();
        Touch(at);
        return null;
    }

    /// <summary>Brings <see cref="EndsOn"/> up to date with the agreement in force (which a revision may have
    /// changed) and the extensions; true if it changed. Not a move: the version stays.</summary>
    public bool PlanEnd()
    {
        var (endsOn, from) = IsRunning ? (PlannedEnd, AcceptedVersion) : (null, null);
        if (endsOn == EndsOn && from == EndsOnPlannedFrom) return false;
        EndsOn = endsOn;
        EndsOnPlannedFrom = from;
        return true;
    }

    /// <summary>Its programme winds down: the pair ends on <paramref name="endsOn"/> at the latest (the lifecycle job
    /// completes it then). Both members are told now, so when that day is within the week's notice the job's own
    /// notice is not sent again.</summary>
    public MentorshipError? EndWithProgramme(DateOnly endsOn, DateOnly today, DateTimeOffset at)
    {
        if (!IsRunning) return MentorshipError.WrongState($"This mentorship is {Describe(Status)}; it is not running.");
        ProgrammeEndsOn = endsOn;
        PlanEnd();
        if (PlannedEnd is { } end && end <= today.AddDays(7)) EndNoticeSentFor = end;
        Touch(at);
        return null;
    }

    /// <summary>The job: both are told once, a week before the planned end.</summary>
    public MentorshipError? RecordEndNotice(DateOnly today, DateTimeOffset at)
    {
        if (!IsRunning || PlannedEnd is not { } end || end <= today || end > today.AddDays(7) || EndNoticeSentFor == end)
            return MentorshipError.WrongState("No notice of the planned end is due.");
        EndNoticeSentFor = end;
        Touch(at);
        return null;
    }

    /// <summary>The job: the planned end has come and nobody extended it.</summary>
    public MentorshipError? CompleteAsPlanned(DateOnly today, DateTimeOffset at)
    {
        if (!IsRunning || PlannedEnd is not { } end || end > today) return MentorshipError.WrongState("The planned end has not come.");
        Close(MentorshipStatus.Completed, at);
        ClosedBy = null;
        return null;
    }

    /// <summary>Ending early, without blame. The reason and note are the ender's own, private to them.</summary>
    public MentorshipError? End(Guid by, DateTimeOffset at, EndReason? reason = null, string note = "")
    {
        if (Move(by, at, MentorshipStatus.Ended, MentorshipStatus.Active, MentorshipStatus.Paused) is { } error) return error;
        ClosedBy = PartyOf(by);
        EndReason = reason;
        EndNote = note;
        return null;
    }

    private MentorshipError? Move(Guid by, DateTimeOffset at, MentorshipStatus to, params MentorshipStatus[] from)
    {
        if (Check(by, out _) is { } error) return error;
        if (!from.Contains(Status)) return MentorshipError.WrongState($"This mentorship is {Describe(Status)}; it cannot become {Describe(to)}.");
        Status = to;
        if (to is MentorshipStatus.Completed or MentorshipStatus.Ended) ClosedAt = at;
        Touch(at);
        return null;
    }

    private MentorshipError? Check(Guid by, out Party party)
    {
        var p = PartyOf(by);
        party = p ?? default;
        return p is null ? MentorshipError.NotAMember() : null;
    }

    private void AddVersion(Party by, Agreement terms, DateTimeOffset at, string changeNote = "")
    {
        CurrentVersion = _versions.Count + 1;
        _versions.Add(new AgreementVersion(Id, CurrentVersion, by, terms, at, changeNote: changeNote.Trim()));
    }

    /// <summary>The personal note is the mentee's own words: the mentor's versions carry it as it was, and give their
    /// reasons in the version's change note instead.</summary>
    private Agreement KeepMenteesNote(Party by, Agreement terms) =>
        by == Party.Mentor ? terms with { PersonalNote = Current.Terms.PersonalNote } : terms;

    private void WaitForAnswer(Deadline answerBy)
    {
        ExpiresAt = answerBy.ExpiresAt;
        RemindAt = answerBy.RemindAt;
        RemindedAt = null;
    }

    private void StopWaiting()
    {
        ExpiresAt = null;
        RemindAt = null;
    }

    private void Close(MentorshipStatus status, DateTimeOffset at)
    {
        Status = status;
        ClosedAt = at;
        StopWaiting();
        Touch(at);
    }

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at;
        Version = Guid.NewGuid();
    }

    public static string Describe(MentorshipStatus status) => status switch
    {
        MentorshipStatus.Proposed => "waiting for an answer",
        MentorshipStatus.Negotiating => "being negotiated",
        _ => status.ToString().ToLowerInvariant(),
    };

    // Revising the agreement in force (docs/reviews.md). While the mentorship runs, CurrentVersion is the
    // version on the table; it equals AcceptedVersion when no revision is open. The agreement in force and
    // the status never change until the other member accepts the revised version.

    public static readonly MentorshipStatus[] RevisableStatuses = [MentorshipStatus.Active, MentorshipStatus.Paused];

    public bool HasRevisionOnTable => RevisableStatuses.Contains(Status) && AcceptedVersion is { } n && CurrentVersion != n;

    public MentorshipError? ProposeRevision(Guid by, int basedOnVersion, Agreement terms, DateTimeOffset at)
    {
        if (Check(by, out var party) is { } error) return error;
        if (!RevisableStatuses.Contains(Status)) return MentorshipError.WrongState($"This mentorship is {Describe(Status)}; its agreement can be revised only while it is active or paused.");
        if (HasRevisionOnTable) return MentorshipError.WrongState("A revision is already on the table: answer it, or withdraw yours, before proposing another.");
        if (basedOnVersion != CurrentVersion) return MentorshipError.Stale(basedOnVersion, CurrentVersion);
        AddVersion(party, terms, at);
        Touch(at);
        return null;
    }

    public MentorshipError? CounterRevision(Guid by, int basedOnVersion, Agreement terms, DateTimeOffset at)
    {
        if (RevisionTurn(by, basedOnVersion, out var party) is { } error) return error;
        if (party == Current.ProposedBy) return MentorshipError.NotYourTurn("The revision on the table is yours; withdraw it and propose another instead.");
        AddVersion(party, terms, at);
        Touch(at);
        return null;
    }

    public MentorshipError? AcceptRevision(Guid by, int version, DateTimeOffset at)
    {
        if (RevisionTurn(by, version, out var party) is { } error) return error;
        if (party == Current.ProposedBy) return MentorshipError.NotYourTurn("You proposed this version; it waits for the other member's answer.");
        Current.AcceptBy(party);
        AcceptedVersion = CurrentVersion;
        Touch(at);
        return null;
    }

    /// <summary>The member whose version is on the table takes it back; the agreement in force stays.</summary>
    public MentorshipError? WithdrawRevision(Guid by, DateTimeOffset at)
    {
        if (RevisionTurn(by, CurrentVersion, out var party) is { } error) return error;
        if (party != Current.ProposedBy) return MentorshipError.NotYourTurn("This revision is the other member's; you can decline it.");
        SetAsideRevision(at);
        return null;
    }

    /// <summary>The member the revision waits for says no; the agreement in force stays.</summary>
    public MentorshipError? DeclineRevision(Guid by, DateTimeOffset at)
    {
        if (RevisionTurn(by, CurrentVersion, out var party) is { } error) return error;
        if (party == Current.ProposedBy) return MentorshipError.NotYourTurn("This revision is yours; you can withdraw it.");
        SetAsideRevision(at);
        return null;
    }

    private MentorshipError? RevisionTurn(Guid by, int version, out Party party)
    {
        if (Check(by, out party) is { } error) return error;
        if (!HasRevisionOnTable) return MentorshipError.WrongState("No revision of the agreement is on the table.");
        return version != CurrentVersion ? MentorshipError.Stale(version, CurrentVersion) : null;
    }

    private void SetAsideRevision(DateTimeOffset at)
    {
        foreach (var v in _versions.Where(v => v.Number > AcceptedVersion!.Value && v.SetAsideAt is null)) v.SetAside(at);
        CurrentVersion = AcceptedVersion!.Value;
        Touch(at);
    }
}

/// <summary>When an unanswered request expires, and when to remind the member who owes the answer.</summary>
public readonly record struct Deadline(DateTimeOffset ExpiresAt, DateTimeOffset RemindAt);

public enum MentorshipStatus
{
    Proposed,
    Negotiating,
    Active,
    Paused,
    Completed,
    Ended,
    Declined,
    Withdrawn,
    Expired,
}

/// <summary>A kind reason from a short list; the mentor may add their own words.</summary>
public enum DeclineReason
{
    NoRoomRightNow,
    NotTheRightFit,
    OutsideMyExperience,
    TimingIsWrong,
    Other,
}

/// <summary>Why a member ended a mentorship early: private to them, for their own reflection.</summary>
public enum EndReason
{
    NotWorking,
    NoTime,
    GoalsChanged,
    LifeChanged,
    Other,
}

public enum MentorshipErrorKind
{
    NotAMember,
    NotYourTurn,
    WrongState,
    Stale,
}

/// <summary>Why the aggregate refused a move. <see cref="MentorshipHandlers"/> maps it to HTTP.</summary>
public sealed record MentorshipError(MentorshipErrorKind Kind, string Detail)
{
    public static MentorshipError NotAMember() => new(MentorshipErrorKind.NotAMember, "No such mentorship.");
    public static MentorshipError NotYourTurn(string detail) => new(MentorshipErrorKind.NotYourTurn, detail);
    public static MentorshipError WrongState(string detail) => new(MentorshipErrorKind.WrongState, detail);
    public static MentorshipError Stale(int actedOn, int current) => new(MentorshipErrorKind.Stale,
        $"You acted on version {actedOn}, but version {current} has been proposed since. Read it, then answer that one.");
}
