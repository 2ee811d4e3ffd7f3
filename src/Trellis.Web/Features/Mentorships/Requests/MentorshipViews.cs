using Trellis.Web.Features.Mentorships.Agreements;

namespace Trellis.Web.Features.Mentorships.Requests;

public sealed record MentorshipSummary(
    Guid Id, Party MyRole, Guid OtherMemberId, string OtherName, MentorshipStatus Status, int CurrentVersion,
    bool MyTurn, DateTimeOffset UpdatedAt, DateTimeOffset? ExpiresAt);

/// <param name="ChangeNote">The proposer's reason for this version's changes; the mentee's personal note is in the terms.</param>
public sealed record VersionView(
    int Number, Party ProposedBy, DateTimeOffset ProposedAt, bool AcceptedByMentee, bool AcceptedByMentor, Agreement Terms,
    DateTimeOffset? SetAsideAt = null, string ChangeNote = "");

public sealed record QuestionView(Guid Id, Party AskedBy, int AboutVersion, string Text, DateTimeOffset AskedAt);

/// <param name="DirectStart">A match its programme starts directly: each member accepts or declines it as it stands
/// (<see cref="VersionView.AcceptedByMentee"/>, <see cref="VersionView.AcceptedByMentor"/> say who has).</param>
public sealed record MentorshipView(
    Guid Id, Guid MenteeId, string MenteeName, Guid MentorId, string MentorName, Party MyRole, MentorshipStatus Status,
    int CurrentVersion, int? AcceptedVersion, Party? Awaiting, bool MyTurn, bool CanEdit,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? ActivatedAt, DateTimeOffset? ClosedAt,
    DeclineReason? DeclineReason, string DeclineMessage,
    Agreement? AgreementInForce, IReadOnlyList<VersionView> Versions, IReadOnlyList<QuestionView> Questions,
    bool DirectStart = false, string? ProgrammeName = null)
{
    public VersionView Current => Versions.Single(v => v.Number == CurrentVersion);

    /// <summary>A revised agreement proposed while the mentorship runs, not yet accepted by both.</summary>
    public bool RevisionOnTable => AcceptedVersion is { } n && CurrentVersion != n && Mentorship.RevisableStatuses.Contains(Status);

    /// <summary>The version <paramref name="v"/> answered: the one before it, skipping revisions that had been
    /// withdrawn or declined by then (a new revision starts from the agreement in force).</summary>
    public VersionView? BaseOf(VersionView v) =>
        Versions.Where(x => x.Number < v.Number && !(x.SetAsideAt <= v.ProposedAt)).MaxBy(x => x.Number);

    internal static MentorshipView From(Mentorship m, Guid me, string menteeName, string mentorName, string? programmeName = null)
    {
        var role = m.PartyOf(me) ?? throw new InvalidOperationException("The query only finds mentorships of the caller.");
        return new MentorshipView(m.Id, m.MenteeId, menteeName, m.MentorId, mentorName, role, m.Status,
            m.CurrentVersion, m.AcceptedVersion, m.Awaiting, m.Awaits(role), m.IsOpen && !m.DirectStart && m.Current.ProposedBy == role,
            m.CreatedAt, m.UpdatedAt, m.ExpiresAt, m.ActivatedAt, m.ClosedAt, m.DeclineReason, m.DeclineMessage,
            m.InForce?.Terms,
            m.Versions.OrderBy(v => v.Number).Select(v => new VersionView(v.Number, v.ProposedBy, v.ProposedAt, v.AcceptedByMentee, v.AcceptedByMentor, v.Terms, v.SetAsideAt, v.VisibleChangeNote)).ToList(),
            m.Questions.OrderBy(q => q.AskedAt).Select(q => new QuestionView(q.Id, q.AskedBy, q.AboutVersion, q.Text, q.AskedAt)).ToList(),
            m.DirectStart, programmeName);
    }
}

public sealed record DiffView(int From, int To, IReadOnlyList<AgreementChange> Changes);

public sealed record TemplateView(string Key, string Name, string Description, Agreement Agreement);

/// <param name="ProgrammeId">When asking inside a mentee-choice programme: its rules apply and the mentorship belongs to it.</param>
public sealed record ProposeRequest(Guid? MentorId, AgreementInput? Agreement, Guid? ProgrammeId = null);

/// <param name="Note">Optional: why these changes, shown with the version (at most 1,000 characters).</param>
public sealed record ChangeRequest(int? BasedOnVersion, AgreementInput? Agreement, string? Note = null);

public sealed record AcceptRequest(int? Version);

public sealed record DeclineRequest(DeclineReason? Reason, string? Message);

public sealed record QuestionRequest(string? Text);
