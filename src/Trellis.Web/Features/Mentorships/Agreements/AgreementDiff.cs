namespace Trellis.Web.Features.Mentorships.Agreements;

/// <summary>One term that differs between two versions, in the words the pages use.</summary>
public sealed record AgreementChange(string Field, string Label, string Before, string After);

public static class AgreementDiff
{
    private static readonly (string Field, string Label, Func<Agreement, string> Text)[] Terms =
    [
        ("formality", "Formality", a => Agreement.FormalityText(a.Formality)),
        ("cadence", "How often we meet", a => a.CadenceText),
        ("meetingMinutes", "Meeting length", a => $"{a.MeetingMinutes} minutes"),
        ("medium", "How we meet", a => Agreement.MediumText(a.Medium)),
        ("channels", "Between meetings", a => a.Channels.Count == 0 ? "nothing agreed" : string.Join(", ", a.Channels.Select(Agreement.ChannelText))),
        ("responseWithinDays", "Expected answer time", a => a.ResponseWithinDays == 1 ? "within a day" : $"within {a.ResponseWithinDays} days"),
        ("goals", "Goals", a => string.Join("; ", a.Goals)),
        ("confidentiality", "Confidentiality", a => a.Confidentiality),
        ("startDate", "Start date", a => a.StartDate.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)),
        ("durationMonths", "Planned duration", a => a.DurationMonths == 1 ? "1 month" : $"{a.DurationMonths} months"),
        ("reviewEveryMonths", "Review the mentorship", a => a.ReviewEveryMonths == 1 ? "every month" : $"every {a.ReviewEveryMonths} months"),
        ("menteeCommitments", "The mentee's commitments", a => a.MenteeCommitments),
        ("personalNote", "Personal note", a => a.PersonalNote),
    ];

    public static IReadOnlyList<(string Label, string Text)> Describe(Agreement a) =>
        Terms.Select(t => (t.Label, t.Text(a))).ToList();

    public static IReadOnlyList<AgreementChange> Between(Agreement before, Agreement after) =>
        Terms.Select(t => new AgreementChange(t.Field, t.Label, t.Text(before), t.Text(after)))
             .Where(c => !string.Equals(c.Before, c.After, StringComparison.Ordinal))
             .ToList();
}
