namespace Trellis.Web.Features.Mentorships.Agreements;

/// <summary>Starting points for a proposal. The mentee adds goals and a note; everything else can be changed.</summary>
public static class AgreementTemplates
{
    public const string LightAndInformal = "light-and-informal";
    public const string StructuredProgramme = "structured-programme";
    public const string PeerExchange = "peer-exchange";

    public sealed record Template(string Key, string Name, string Description, Func<DateOnly, Agreement> Build);

    public static readonly IReadOnlyList<Template> All =
    [
        // The seed's own first mentorship: a monthly phone call of about an hour, e-mail in between.
        new(LightAndInformal, "Light and informal", "A phone call about once a month, an hour long; e-mail and messages in between.",
            start => new Agreement(Formality.Informal, 1, CadenceUnit.Months, 60, MeetingMedium.Phone, ["email", "messages"], 3, [],
                Agreement.DefaultConfidentiality, start, 12, 3,
                "I'll come to each call with a question or two, and send work for a quick critique when I need one.", "")),
        new(StructuredProgramme, "Structured programme", "A video meeting every two weeks with an agenda, notes and action items.",
            start => new Agreement(Formality.Formal, 2, CadenceUnit.Weeks, 45, MeetingMedium.Video, ["messages"], 2, [],
                Agreement.DefaultConfidentiality, start, 6, 2,
                "I'll send an agenda two days before each meeting and write up notes and action items afterwards.", "")),
        new(PeerExchange, "Peer exchange", "Two people at a similar stage who take turns: every three weeks, by video.",
            start => new Agreement(Formality.InBetween, 3, CadenceUnit.Weeks, 45, MeetingMedium.Video, ["messages"], 5, [],
                Agreement.DefaultConfidentiality, start, 6, 3,
                "We each bring one topic to every meeting and swap who mentors whom.", "")),
    ];

    public static Template Find(string? key) => All.FirstOrDefault(t => t.Key == key) ?? All[0];
}
