namespace Trellis.Web.Features.Meetings;

/// <summary>Something either member wants to talk about, added before the meeting.</summary>
public sealed class AgendaItem
{
    public const int TextMax = 500;

    private AgendaItem() { }

    public AgendaItem(Guid meetingId, Guid authorId, string text, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        MeetingId = meetingId;
        AuthorId = authorId;
        Text = text;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid AuthorId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>
/// A note in Markdown. A shared note is seen by both members; a private one only ever by its author: every
/// query that reads notes filters on <c>!Private || AuthorId == me</c>, and nothing private reaches the
/// timeline, notifications or calendar files.
/// </summary>
public sealed class MeetingNote
{
    public const int TextMax = 10_000;

    private MeetingNote() { }

    public MeetingNote(Guid meetingId, Guid authorId, bool isPrivate, string text, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        MeetingId = meetingId;
        AuthorId = authorId;
        Private = isPrivate;
        Text = text;
        CreatedAt = at;
        UpdatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid AuthorId { get; private set; }
    public bool Private { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Edit(string text, DateTimeOffset at)
    {
        Text = text;
        UpdatedAt = at;
    }
}

/// <summary>Something one of the two members agreed to do, by a date.</summary>
public sealed class ActionItem
{
    public const int TextMax = 500;

    private ActionItem() { }

    public ActionItem(Guid meetingId, Guid createdById, Guid ownerId, string text, DateOnly? dueOn, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        MeetingId = meetingId;
        CreatedById = createdById;
        OwnerId = ownerId;
        Text = text;
        DueOn = dueOn;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid CreatedById { get; private set; }
    public Guid OwnerId { get; private set; }
    public string Text { get; private set; } = "";
    public DateOnly? DueOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }

    public void MarkDone(bool done, DateTimeOffset at) => DoneAt = done ? DoneAt ?? at : null;
}

/// <summary>Which meeting reminders a member wants; members without a row get both.</summary>
public sealed class MeetingReminderPreference
{
    private MeetingReminderPreference() { }

    public MeetingReminderPreference(Guid memberId, bool dayBefore, bool hourBefore)
    {
        MemberId = memberId;
        DayBefore = dayBefore;
        HourBefore = hourBefore;
    }

    public Guid MemberId { get; private set; }
    public bool DayBefore { get; set; } = true;
    public bool HourBefore { get; set; } = true;
}

/// <summary>
/// A member's private calendar feed. Only the SHA-256 of the token is stored, so a copy of the database
/// cannot be used to read anyone's calendar; the token itself is shown once, when it is made.
/// Regenerating replaces the hash, which revokes the old address.
/// </summary>
public sealed class CalendarFeed
{
    private CalendarFeed() { }

    public CalendarFeed(Guid memberId, string tokenHash, DateTimeOffset at)
    {
        MemberId = memberId;
        TokenHash = tokenHash;
        CreatedAt = at;
    }

    public Guid MemberId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public void Replace(string tokenHash, DateTimeOffset at)
    {
        TokenHash = tokenHash;
        CreatedAt = at;
    }
}
