namespace Trellis.Web.Features.Mentorships.Agreements;

/// <summary>
/// The pages' shape of <see cref="AgreementInput"/>: goals are typed one per line. Validation is not
/// repeated here; <see cref="AgreementInput.Validate"/> decides, and its "agreement.x" keys land on
/// "Input.Agreement.X" (see <c>TrellisPageModel.AddErrors</c>).
/// </summary>
public sealed class AgreementForm
{
    public Formality? Formality { get; set; }
    public int? CadenceEvery { get; set; }
    public CadenceUnit? CadenceUnit { get; set; }
    public int? MeetingMinutes { get; set; }
    public MeetingMedium? Medium { get; set; }
    public List<string> Channels { get; set; } = [];
    public int? ResponseWithinDays { get; set; }
    public string? Goals { get; set; }
    public string? Confidentiality { get; set; }
    public DateOnly? StartDate { get; set; }
    public int? DurationMonths { get; set; }
    public int? ReviewEveryMonths { get; set; }
    public string? MenteeCommitments { get; set; }
    public string? PersonalNote { get; set; }

    public static AgreementForm From(Agreement a) => new()
    {
        Formality = a.Formality,
        CadenceEvery = a.CadenceEvery,
        CadenceUnit = a.CadenceUnit,
        MeetingMinutes = a.MeetingMinutes,
        Medium = a.Medium,
        Channels = [.. a.Channels],
        ResponseWithinDays = a.ResponseWithinDays,
        Goals = string.Join("\n", a.Goals),
        Confidentiality = a.Confidentiality,
        StartDate = a.StartDate,
        DurationMonths = a.DurationMonths,
        ReviewEveryMonths = a.ReviewEveryMonths,
        MenteeCommitments = a.MenteeCommitments,
        PersonalNote = a.PersonalNote,
    };

    public AgreementInput ToInput() => new()
    {
        Formality = Formality,
        CadenceEvery = CadenceEvery,
        CadenceUnit = CadenceUnit,
        MeetingMinutes = MeetingMinutes,
        Medium = Medium,
        Channels = Channels,
        ResponseWithinDays = ResponseWithinDays,
        Goals = (Goals ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        Confidentiality = Confidentiality,
        StartDate = StartDate,
        DurationMonths = DurationMonths,
        ReviewEveryMonths = ReviewEveryMonths,
        MenteeCommitments = MenteeCommitments ?? "",
        PersonalNote = PersonalNote ?? "",
    };
}

/// <summary>What the proposal and counter-proposal pages post.</summary>
public sealed class ProposalForm
{
    public AgreementForm Agreement { get; set; } = new();
    public int? BasedOnVersion { get; set; }
    /// <summary>Why these changes (counter-proposals and edits only).</summary>
    public string? Note { get; set; }
}
