using Trellis.Web.Features.Mentorships.Agreements;

namespace Trellis.Web.Features.Meetings;

public enum MeetingStatus
{
    Proposed,
    Confirmed,
    Cancelled,
}

/// <summary>
/// One call between the two members of a mentorship. The start is a UTC instant; <see cref="TimeZone"/> is
/// the organiser's IANA zone, which keeps the wall-clock time of the cadence steady across daylight-saving
/// changes and is what calendar files are written in. <see cref="Uid"/> never changes and
/// <see cref="Sequence"/> grows on every change of time or status, so calendar apps update their copy
/// instead of adding a second one.
/// </summary>
public sealed class Meeting
{
    public const int MinMinutes = 15;
    public const int MaxMinutes = 240;
    public const int NoteMax = 1000;

    private Meeting() { }

    public Meeting(Guid mentorshipId, Guid organiserId, Guid? proposedBy, DateTimeOffset startsAt, string timeZone, int minutes,
        MeetingMedium medium, bool fitsBothWorkdays, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        MentorshipId = mentorshipId;
        OrganiserId = organiserId;
        ProposedById = proposedBy;
        StartsAt = startsAt.ToUniversalTime();
        TimeZone = timeZone;
        Minutes = minutes;
        Medium = medium;
        FitsBothWorkdays = fitsBothWorkdays;
        Status = MeetingStatus.Proposed;
        Uid = $"{Id:N}@trellis";
        CreatedAt = at;
        Touch(at);
    }

    public Guid Id { get; private set; }
    public Guid MentorshipId { get; private set; }
    public Guid OrganiserId { get; private set; }
    /// <summary>Who proposed the current time; the other member confirms it. Null when Trellis proposed it
    /// from the agreement's cadence: then either member can confirm.</summary>
    public Guid? ProposedById { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public string TimeZone { get; private set; } = "UTC";
    public int Minutes { get; private set; }
    public MeetingMedium Medium { get; private set; }
    public MeetingStatus Status { get; private set; }
    /// <summary>False when no time inside both members' working hours was found and the organiser's were used.</summary>
    public bool FitsBothWorkdays { get; private set; }
    /// <summary>How to join: a video link (https) or a phone number, checked by <see cref="CallDetails"/>. Only the
    /// pair ever sees it (pages, API, their e-mails and their own calendar feeds).</summary>
    public string? CallDetails { get; private set; }
    public string CancellationNote { get; private set; } = "";
    public Guid? CancelledById { get; private set; }
    public string Uid { get; private set; } = "";
    public int Sequence { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>The start the day-before reminder was sent for; a reschedule makes it stale, so the new time gets its own.</summary>
    public DateTimeOffset? DayReminderFor { get; private set; }
    public DateTimeOffset? HourReminderFor { get; private set; }
    /// <summary>Changes on every move: two members rescheduling at once cannot both win.</summary>
    public Guid Version { get; private set; }

    public DateTimeOffset EndsAt => StartsAt.AddMinutes(Minutes);

    /// <summary>"Held": confirmed and already over.</summary>
    public bool IsHeld(DateTimeOffset now) => Status == MeetingStatus.Confirmed && EndsAt <= now;

    public bool HasStarted(DateTimeOffset now) => StartsAt <= now;

    public Error? Confirm(Guid by, DateTimeOffset at)
    {
        if (Status != MeetingStatus.Proposed) return new ConflictError(Status == MeetingStatus.Cancelled ? "This meeting was cancelled." : "This meeting is already confirmed.");
        if (ProposedById == by) return new ConflictError("You proposed this time; it waits for the other member to accept it.");
        if (HasStarted(at)) return new ConflictError("This meeting's time has passed; propose a new time instead.");
        Status = MeetingStatus.Confirmed;
        Change(at);
        return null;
    }

    /// <summary>A new time goes back to Proposed, waiting for the other member.</summary>
    public Error? Reschedule(Guid by, DateTimeOffset startsAt, int minutes, bool fitsBothWorkdays, DateTimeOffset at)
    {
        if (Status == MeetingStatus.Cancelled) return new ConflictError("This meeting was cancelled; propose a new one instead.");
        if (IsHeld(at)) return new ConflictError("This meeting has already taken place.");
        StartsAt = startsAt.ToUniversalTime();
        Minutes = minutes;
        Status = MeetingStatus.Proposed;
        ProposedById = by;
        FitsBothWorkdays = fitsBothWorkdays;
        Change(at);
        return null;
    }

    /// <summary>A calendar app keeps the old LOCATION unless SEQUENCE grows, so new call details count as a change.</summary>
    public Error? SetCallDetails(string? details, DateTimeOffset at)
    {
        if (Status == MeetingStatus.Cancelled) return new ConflictError("This meeting was cancelled.");
        if (IsHeld(at)) return new ConflictError("This meeting has already taken place.");
        if (details == CallDetails) return null;
        CallDetails = details;
        Change(at);
        return null;
    }

    /// <summary>Call details a new meeting starts with (given when proposed, or kept from the one before); not a change.</summary>
    internal void StartWithCallDetails(string? details) => CallDetails = details;

    /// <param name="by">Null when Trellis cancels it (the mentorship was paused or ended).</param>
    public Error? Cancel(Guid? by, string note, DateTimeOffset at)
    {
        if (Status == MeetingStatus.Cancelled) return new ConflictError("This meeting is already cancelled.");
        if (IsHeld(at)) return new ConflictError("This meeting has already taken place.");
        Status = MeetingStatus.Cancelled;
        CancellationNote = note;
        CancelledById = by;
        Change(at);
        return null;
    }

    private void Change(DateTimeOffset at)
    {
        Sequence++;
        Touch(at);
    }

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at;
        Version = Guid.NewGuid();
    }
}
