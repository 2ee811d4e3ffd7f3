using Trellis.Web.Features.Mentorships.Agreements;

namespace Trellis.Web.Features.Meetings;

/// <param name="Start">A local date and time ("2027-03-10T14:00") in <paramref name="TimeZone"/>, or an instant with an offset.</param>
/// <param name="End">Optional; instead of <paramref name="Minutes"/>.</param>
/// <param name="TimeZone">The IANA zone <paramref name="Start"/> is written in; defaults to my profile's zone.</param>
/// <param name="Medium">Defaults to the agreement's.</param>
/// <param name="CallDetails">How to join: an https video link or a phone number.</param>
public sealed record ProposeMeetingRequest(string? Start, string? End = null, int? Minutes = null, string? TimeZone = null, MeetingMedium? Medium = null,
    string? CallDetails = null);

/// <param name="Version">The version of the meeting I saw; a stale one is refused (409).</param>
public sealed record RescheduleMeetingRequest(Guid? Version, string? Start, string? End = null, int? Minutes = null, string? TimeZone = null);

public sealed record AcceptMeetingRequest(Guid? Version);

/// <param name="CallDetails">An https video link or a phone number; empty clears them.</param>
public sealed record CallDetailsRequest(Guid? Version, string? CallDetails);

public sealed record CancelMeetingRequest(Guid? Version, string? Note);

public sealed record AgendaItemRequest(string? Text);

public sealed record NoteRequest(string? Text, bool Private = false);

public sealed record ActionItemRequest(string? Text, Guid? OwnerId, DateOnly? DueOn);

public sealed record ActionDoneRequest(bool Done);

public sealed record ReminderSettingsRequest(bool DayBefore, bool HourBefore);

/// <summary>A meeting as one member sees it: <see cref="LocalStart"/> is in the viewer's own zone,
/// <see cref="OrganiserStart"/> in the organiser's.</summary>
public sealed record MeetingSummary(
    Guid Id, Guid MentorshipId, string WithName, MeetingStatus Status, bool Held, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Minutes,
    MeetingMedium Medium, DateTimeOffset LocalStart, string ViewerTimeZone, DateTimeOffset OrganiserStart, string TimeZone, Guid OrganiserId,
    bool AwaitingMe, bool Started, bool FitsBothWorkdays, string CancellationNote, string Uid, int Sequence, Guid Version,
    string? CallDetails, bool ProposedByTrellis)
{
    /// <summary>The call details as a link to follow: the video address, or tel: for a phone number.</summary>
    public string? CallHref => Meetings.CallDetails.AsLink(CallDetails)?.AbsoluteUri ?? Meetings.CallDetails.AsTel(CallDetails);

    public string When => MeetingTimes.Describe(StartsAt, Minutes, ViewerTimeZone);
    public string StatusText => Held ? "held" : Status switch
    {
        MeetingStatus.Proposed => AwaitingMe ? "proposed, waiting for you" : "proposed",
        MeetingStatus.Confirmed => "confirmed",
        _ => "cancelled",
    };
}

public sealed record AgendaItemView(Guid Id, Guid AuthorId, string AuthorName, string Text, DateTimeOffset CreatedAt);

public sealed record NoteView(Guid Id, Guid AuthorId, string AuthorName, bool Private, string Text, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public string Html => Shared.Markdown.ToSafeHtml(Text);
}

public sealed record ActionItemView(Guid Id, Guid OwnerId, string OwnerName, string Text, DateOnly? DueOn, bool Done, DateTimeOffset? DoneAt);

public sealed record MeetingDetails(MeetingSummary Meeting, IReadOnlyList<AgendaItemView> Agenda, IReadOnlyList<NoteView> Notes, IReadOnlyList<ActionItemView> Actions);

/// <param name="Url">Only when the address was just made: Trellis keeps a hash, never the address itself.</param>
public sealed record CalendarFeedView(bool Active, DateTimeOffset? CreatedAt, string? Url, bool DayBefore, bool HourBefore);
