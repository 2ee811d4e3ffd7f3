namespace Trellis.Web.Features.Notifications;

/// <summary>Each kind of notification in the member's words: the preferences page's rows, the e-mail footer's "why this
/// came" and the unsubscribe page all say the same.</summary>
public static class NotificationKinds
{
    public static string Describe(this NotificationKind kind) => kind switch
    {
        NotificationKind.MentorshipRequest => "Someone asks me to be their mentor",
        NotificationKind.CounterProposal => "A proposal I made gets an answer or a counter-proposal",
        NotificationKind.RequestAnswered => "A request is accepted, declined, withdrawn or expires",
        NotificationKind.MeetingChanged => "A meeting is proposed or changed",
        NotificationKind.MeetingReminder => "Reminders before a meeting",
        NotificationKind.NewMessage => "New messages",
        NotificationKind.CritiqueAnswered => "Work I sent for critique gets an answer",
        NotificationKind.CheckIn => "Check-ins",
        NotificationKind.ReviewDue => "A relationship review is due",
        NotificationKind.MentorshipQuestion => "A question about a request I'm part of",
        NotificationKind.RequestReminder => "A request waiting for my answer is about to expire",
        NotificationKind.MentorshipChanged => "A mentorship is paused, resumed, extended, completed or ended",
        NotificationKind.ReportFiled => "A member reports something (administrators only)",
        NotificationKind.CritiqueRequested => "My mentee sends work for critique or replies about it",
        NotificationKind.ResourceShared => "An article or a book is shared with me",
        NotificationKind.Endorsement => "An endorsement of me is written, or one I wrote is published",
        NotificationKind.Programme => "News from a programme I take part in or coordinate (enrolment, matches)",
        NotificationKind.Guides => "A question under a guide I wrote, or an answer to a question I asked",
        _ => kind.ToString(),
    };
}
