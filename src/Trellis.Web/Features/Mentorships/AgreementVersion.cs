using Trellis.Web.Features.Mentorships.Agreements;

namespace Trellis.Web.Features.Mentorships;

/// <summary>
/// One proposal or counter-proposal. Its terms never change; only the two acceptance flags do. The
/// relationship is active when both flags are set on the same version.
/// </summary>
public sealed class AgreementVersion
{
    private AgreementVersion() { }

    internal AgreementVersion(Guid mentorshipId, int number, Party proposedBy, Agreement terms, DateTimeOffset at,
        bool proposerAccepts = true, string changeNote = "")
    {
        ChangeNote = changeNote;
        MentorshipId = mentorshipId;
        Number = number;
        ProposedBy = proposedBy;
        ProposedAt = at;
        Formality = terms.Formality;
        CadenceEvery = terms.CadenceEvery;
        CadenceUnit = terms.CadenceUnit;
        MeetingMinutes = terms.MeetingMinutes;
        Medium = terms.Medium;
        Channels = [.. terms.Channels];
        ResponseWithinDays = terms.ResponseWithinDays;
        Goals = [.. terms.Goals];
        Confidentiality = terms.Confidentiality;
        StartDate = terms.StartDate;
        DurationMonths = terms.DurationMonths;
        ReviewEveryMonths = terms.ReviewEveryMonths;
        MenteeCommitments = terms.MenteeCommitments;
        PersonalNote = terms.PersonalNote;
        // Proposing a version means agreeing to it; a programme's direct match is offered to both, accepted by neither.
        AcceptedByMentee = proposerAccepts && proposedBy == Party.Mentee;
        AcceptedByMentor = proposerAccepts && proposedBy == Party.Mentor;
    }

    public Guid MentorshipId { get; private set; }
    public int Number { get; private set; }
    public Party ProposedBy { get; private set; }
    public DateTimeOffset ProposedAt { get; private set; }

    public Formality Formality { get; private set; }
    public int CadenceEvery { get; private set; }
    public CadenceUnit CadenceUnit { get; private set; }
    public int MeetingMinutes { get; private set; }
    public MeetingMedium Medium { get; private set; }
    public List<string> Channels { get; private set; } = [];
    public int ResponseWithinDays { get; private set; }
    public List<string> Goals { get; private set; } = [];
    public string Confidentiality { get; private set; } = "";
    public DateOnly StartDate { get; private set; }
    public int DurationMonths { get; private set; }
    public int ReviewEveryMonths { get; private set; }
    public string MenteeCommitments { get; private set; } = "";
    public string PersonalNote { get; private set; } = "";

    /// <summary>The proposer's reason for this version's changes ("Fortnightly is all I can promise"), apart from
    /// the mentee's personal note, which a counter-proposal never overwrites.</summary>
    public string ChangeNote { get; private set; } = "";

    public const int ChangeNoteMax = 1000;

    /// <summary>The change note as readers see it (hidden with the rest of the free text after a report).</summary>
    public string VisibleChangeNote => TextHiddenAt is null ? ChangeNote : (ChangeNote.Length == 0 ? "" : HiddenText);

    public bool AcceptedByMentee { get; private set; }
    public bool AcceptedByMentor { get; private set; }

    /// <summary>Set when an administrator hides a reported request: the free text is replaced for everyone.</summary>
    public DateTimeOffset? TextHiddenAt { get; private set; }

    public const string HiddenText = "[Hidden by the site's administrators after a report.]";

    public bool AcceptedByBoth => AcceptedByMentee && AcceptedByMentor;

    /// <summary>When a proposed revision was withdrawn or declined without being agreed; null otherwise.</summary>
    public DateTimeOffset? SetAsideAt { get; private set; }

    public Agreement Terms => new(Formality, CadenceEvery, CadenceUnit, MeetingMinutes, Medium, Channels, ResponseWithinDays,
        Goals, Confidentiality, StartDate, DurationMonths, ReviewEveryMonths,
        TextHiddenAt is null ? MenteeCommitments : HiddenText, TextHiddenAt is null ? PersonalNote : HiddenText);

    internal void HideText(DateTimeOffset at) => TextHiddenAt ??= at;

    internal void AcceptBy(Party party)
    {
        if (party == Party.Mentee) AcceptedByMentee = true;
        else AcceptedByMentor = true;
    }

    internal void SetAside(DateTimeOffset at) => SetAsideAt = at;
}

/// <summary>"Ask for more information" without accepting or declining; either member, while the request is open.</summary>
public sealed class MentorshipQuestion
{
    public const int TextMax = 1000;

    private MentorshipQuestion() { }

    internal MentorshipQuestion(Guid mentorshipId, Party askedBy, int aboutVersion, string text, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        MentorshipId = mentorshipId;
        AskedBy = askedBy;
        AboutVersion = aboutVersion;
        Text = text;
        AskedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid MentorshipId { get; private set; }
    public Party AskedBy { get; private set; }
    public int AboutVersion { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset AskedAt { get; private set; }
}

public enum Party
{
    Mentee,
    Mentor,
}
