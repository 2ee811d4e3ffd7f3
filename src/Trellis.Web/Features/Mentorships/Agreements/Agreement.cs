namespace Trellis.Web.Features.Mentorships.Agreements;

/// <summary>
/// How two people agree to work together: the seed's "ideal relationship", drafted by the mentee and
/// shaped by both. Immutable; every proposal or counter-proposal is a new <see cref="AgreementVersion"/>.
/// </summary>
public sealed record Agreement(
    Formality Formality,
    int CadenceEvery,
    CadenceUnit CadenceUnit,
    int MeetingMinutes,
    MeetingMedium Medium,
    IReadOnlyList<string> Channels,
    int ResponseWithinDays,
    IReadOnlyList<string> Goals,
    string Confidentiality,
    DateOnly StartDate,
    int DurationMonths,
    int ReviewEveryMonths,
    string MenteeCommitments,
    string PersonalNote)
{
    /// <summary>The seed: "be sure to clarify your expectations (specifically around things like confidentiality)".</summary>
    public const string DefaultConfidentiality =
        "What we talk about stays between us. Neither of us shares the other's work, plans or personal matters " +
        "without asking first. If something comes up that one of us could not keep to ourselves (for example a " +
        "risk to someone's safety), we say so before sharing it.";

    public string CadenceText => (CadenceEvery, CadenceUnit) switch
    {
        (1, CadenceUnit.Weeks) => "every week",
        (1, CadenceUnit.Months) => "every month",
        (var n, var unit) => $"every {n} {unit.ToString().ToLowerInvariant()}",
    };

    public string MeetingText => $"{CadenceText}, {MeetingMinutes} minutes, by {MediumText(Medium)}";

    public static string MediumText(MeetingMedium medium) => medium switch
    {
        MeetingMedium.Phone => "phone",
        MeetingMedium.Video => "video call",
        MeetingMedium.InPerson => "meeting in person",
        _ => medium.ToString(),
    };

    public static string FormalityText(Formality formality) => formality switch
    {
        Formality.InBetween => "in between",
        _ => formality.ToString().ToLowerInvariant(),
    };

    public static string ChannelText(string channel) => channel == "email" ? "e-mail" : channel;
}

public enum Formality
{
    Formal,
    Informal,
    InBetween,
}

public enum CadenceUnit
{
    Weeks,
    Months,
}

public enum MeetingMedium
{
    Phone,
    Video,
    InPerson,
}
