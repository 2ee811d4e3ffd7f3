using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Meetings;

/// <summary>
/// Meetings, shared by the API and the pages. Every method starts from <see cref="MentorshipAccess"/>, and
/// every child (meeting, note, action) is looked up inside that mentorship, so a member of another
/// mentorship gets 404 even with a valid child id.
/// </summary>
public sealed partial class MeetingHandlers(TrellisDbContext db, TimeProvider time, Notifier notifier, MentorshipAccess access, MeetingPlanner planner)
{
    private static readonly NotFoundError NoMentorship = new("No such mentorship.");
    private static readonly NotFoundError NoMeeting = new("No such meeting.");

    public async Task<Result<IReadOnlyList<MeetingSummary>>> ListAsync(Guid me, Guid mentorshipId, CancellationToken ct)
    {
        if (await access.FindAsync(me, mentorshipId, ct) is not { } m) return NoMentorship;
        var zone = await ZoneOfAsync(me, ct);
        var now = time.GetUtcNow();
        var meetings = await db.Meetings.AsNoTracking().Where(x => x.MentorshipId == m.MentorshipId).OrderBy(x => x.StartsAt).ToListAsync(ct);
        return meetings.Select(x => Summary(x, me, m.OtherName, zone, now)).ToList();
    }

    /// <summary>My meetings still to come, across all my mentorships, soonest first.</summary>
    public async Task<IReadOnlyList<MeetingSummary>> UpcomingAsync(Guid me, int take, CancellationToken ct)
    {
        var zone = await ZoneOfAsync(me, ct);
        var now = time.GetUtcNow();
        var rows = await db.Meetings.AsNoTracking()
            .Where(x => access.IdsOf(me).Contains(x.MentorshipId) && x.Status != MeetingStatus.Cancelled && x.StartsAt > now)
            .OrderBy(x => x.StartsAt).Take(take)
            .Select(x => new
            {
                Meeting = x,
                WithName = db.Mentorships.Where(s => s.Id == x.MentorshipId)
                    .Select(s => db.Users.Where(u => u.Id == (s.MenteeId == me ? s.MentorId : s.MenteeId)).Select(u => u.DisplayName).First()).First(),
            })
            .ToListAsync(ct);
        return rows.Select(r => Summary(r.Meeting, me, r.WithName, zone, now)).ToList();
    }

    public async Task<Result<MeetingDetails>> GetAsync(Guid me, Guid mentorshipId, Guid meetingId, CancellationToken ct)
    {
        if (await access.FindAsync(me, mentorshipId, ct) is not { } m) return NoMentorship;
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(x => x.Id == meetingId && x.MentorshipId == m.MentorshipId, ct);
        return meeting is null ? NoMeeting : await DetailsAsync(meeting, m, ct);
    }

    public async Task<Result<MeetingDetails>> ProposeAsync(Guid me, Guid mentorshipId, ProposeMeetingRequest request, CancellationToken ct)
    {
        if (await access.FindAsync(me, mentorshipId, ct) is not { } m) return NoMentorship;
        if (m.RequireActive("propose a meeting") is { } refused) return refused;
        var zone = request.TimeZone is { } given ? TimeZones.Resolve(given) ?? given : await ZoneOfAsync(me, ct);
        var errors = new Dictionary<string, string[]>();
        var when = ReadTime(request.Start, request.End, request.Minutes, zone, request.TimeZone is not null, m.InForce?.MeetingMinutes ?? 60, errors);
        if (request.Medium is { } medium && !Enum.IsDefined(medium)) errors["medium"] = [$"Must be one of: {string.Join(", ", Enum.GetNames<MeetingMedium>())}."];
        var (call, callError) = CallDetails.Read(request.CallDetails);
        if (callError is not null) errors["callDetails"] = [callError];
        if (errors.Count > 0) return new Invalid(errors);

        var now = time.GetUtcNow();
        var (start, minutes) = when!.Value;
        var fits = await planner.FitsBothAsync(me, zone, m.OtherId, start, minutes, ct);
        var meeting = new Meeting(m.MentorshipId, me, me, start, zone, minutes, request.Medium ?? m.InForce?.Medium ?? MeetingMedium.Video, fits, now);
        meeting.StartWithCallDetails(call);
        db.Meetings.Add(meeting);
        db.AddTimeline(m.MentorshipId, now, me, "meeting", $"{m.MyName} proposed a meeting for {MeetingTimes.Describe(start, minutes, zone)}.", Link(meeting));
        await TellOtherAsync(m, meeting, $"{m.MyName} proposed a meeting", "Accept it, or suggest another time.", ct);
        return await SaveAsync(meeting, m, ct);
    }

    public async Task<Result<MeetingDetails>> AcceptAsync(Guid me, Guid mentorshipId, Guid meetingId, AcceptMeetingRequest request, CancellationToken ct)
    {
        if (await access.FindAsync(me, mentorshipId, ct) is not { } m) return NoMentorship;
        if (await FindAsync(m, meetingId, ct) is not { } meeting) return NoMeeting;
        if (m.RequireActive("accept a meeting") is { } inactive) return inactive;
        if (CheckVersion(meeting, request.Version) is { } stale) return stale;
        var now = time.GetUtcNow();
        if (meeting.Confirm(me, now) is { } refused) return refused;

        var next = m.InForce is { } terms ? await planner.NextAfterAsync(meeting, meeting.OrganiserId == m.MenteeId ? m.MentorId : m.MenteeId, terms, now, ct) : null;
        db.AddTimeline(m.MentorshipId, now, me, "meeting", $"{m.MyName} accepted the meeting of {MeetingTimes.Describe(meeting.StartsAt, meeting.Minutes, meeting.TimeZone)}.", Link(meeting));
        var then = "";
        if (next is not null)
        {
            db.AddTimeline(m.MentorshipId, now, null, "meeting", $"Trellis proposed the next meeting, {m.InForce!.CadenceText}: {MeetingTimes.Describe(next.StartsAt, next.Minutes, next.TimeZone)}.", Link(next));
            then = $" The next one is proposed for {MeetingTimes.Describe(next.StartsAt, next.Minutes, await ZoneOfAsync(m.OtherId, ct))}.";
        }
        await TellOtherAsync(m, meeting, $"{m.MyName} accepted the meeting", "It is confirmed." + then, ct);
        return await SaveAsync(meeting, m, ct);
    }

    public async Task<Result<MeetingDetails>> RescheduleAsync(Guid me, Guid mentorshipId, Guid meetingId, RescheduleMeetingRequest request, CancellationToken ct)
    {
        if (await access.FindAsync(me, mentorshipId, ct) is not { } m) return NoMentorship;
        if (await FindAsync(m, meetingId, ct) is not { } meeting) return NoMeeting;
        var zone = request.TimeZone is { } given ? TimeZones.Resolve(given) ?? given : await ZoneOfAsync(me, ct);
        var errors = new Dictionary<string, string[]>();
        if (request.Version is null) errors["version"] = ["Send the version of the meeting you are changing."];
        var when = ReadTime(request.Start, request.End, request.Minutes, zone, request.TimeZone is not null, meeting.Minutes, errors);
        if (errors.Count > 0) return new Invalid(errors);
        if (m.RequireActive("reschedule a meeting") is { } inactive) return inactive;
        if (CheckVersion(meeting, request.Version) is { } stale) return stale;

        var now = time.GetUtcNow();
        var (start, minutes) = when!.Value;
        var other = meeting.OrganiserId == m.MenteeId ? m.MentorId : m.MenteeId;
        var fits = await planner.FitsBothAsync(meeting.OrganiserId, meeting.TimeZone, other, start, minutes, ct);
        var was = MeetingTimes.Describe(meeting.StartsAt, meeting.Minutes, meeting.TimeZone);
        if (meeting.Reschedule(me, start, minutes, fits, now) is { } refused) return refused;
        db.AddTimeline(m.MentorshipId, now, me, "meeting", $"{m.MyName} moved the meeting of {was} to {MeetingTimes.Describe(start, minutes, meeting.TimeZone)}.", Link(meeting));
        await TellOtherAsync(m, meeting, $"{m.MyName} suggests a new time for your meeting", "Accept it, or suggest another time.", ct);
        return await SaveAsync(meeting, m, ct);
    }

    public async Task<Result<MeetingDetails>> CancelAsync(Guid me, Guid mentorshipId, Guid meetingId, CancelMeetingRequest request, CancellationToken ct)
    {
        if (await access.FindAsync(me, mentorshipId, ct) is not { } m) return NoMentorship;
        if (await FindAsync(m, meetingId, ct) is not { } meeting) return NoMeeting;
        var note = request.Note?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (request.Version is null) errors["version"] = ["Send the version of the meeting you are cancelling."];
        if (note.Length == 0) errors["note"] = ["Say in a few words why, for the other member."];
        else if (note.Length > Meeting.NoteMax) errors["note"] = [$"Must be at most {Meeting.NoteMax} characters."];
        if (errors.Count > 0) return new Invalid(errors);
        if (CheckVersion(meeting, request.Version) is { } stale) return stale;

        var now = time.GetUtcNow();
        if (meeting.Cancel(me, note, now) is { } refused) return refused;
        db.AddTimeline(m.MentorshipId, now, me, "meeting", $"{m.MyName} cancelled the meeting of {MeetingTimes.Describe(meeting.StartsAt, meeting.Minutes, meeting.TimeZone)}.", Link(meeting));
        await TellOtherAsync(m, meeting, $"{m.MyName} cancelled your meeting", $"“{Truncate(note, 1500)}”", ct);
        return await SaveAsync(meeting, m, ct);
    }

    /// <summary>The video link or phone number of the call; the other member is told (with the details, by e-mail too).</summary>
    public async Task<Result<MeetingDetails>> SetCallDetailsAsync(Guid me, Guid mentorshipId, Guid meetingId, CallDetailsRequest request, CancellationToken ct)
    {
        if (await access.FindAsync(me, mentorshipId, ct) is not { } m) return NoMentorship;
        if (await FindAsync(m, meetingId, ct) is not { } meeting) return NoMeeting;
        var errors = new Dictionary<string, string[]>();
        if (request.Version is null) errors["version"] = ["Send the version of the meeting you are changing."];
        var (call, callError) = CallDetails.Read(request.CallDetails);
        if (callError is not null) errors["callDetails"] = [callError];
        if (errors.Count > 0) return new Invalid(errors);
        if (m.RequireActive("change the call details") is { } inactive) return inactive;
        if (CheckVersion(meeting, request.Version) is { } stale) return stale;
        var now = time.GetUtcNow();
        var before = meeting.CallDetails;
        if (meeting.SetCallDetails(call, now) is { } refused) return refused;
        if (before != call)
        {
            db.AddTimeline(m.MentorshipId, now, me, "meeting", call is null
                ? $"{m.MyName} removed the call details of a meeting."
                : $"{m.MyName} added the call details of a meeting.", Link(meeting));
            await TellOtherAsync(m, meeting, call is null ? $"{m.MyName} removed the call details" : $"{m.MyName} added how to join your meeting", "", ct);
        }
        return await SaveAsync(meeting, m, ct);
    }

    public async Task<Result<MeetingDetails>> AddAgendaItemAsync(Guid me, Guid mentorshipId, Guid meetingId, AgendaItemRequest request, CancellationToken ct)
    {
        if (await access.FindAsync(me, mentorshipId, ct) is not { } m) return NoMentorship;
        if (await FindAsync(m, meetingId, ct) is not { } meeting) return NoMeeting;
        var text = request.Text?.Trim() ?? "";
        if (text.Length == 0) return new Invalid("text", "Write what you want to talk about.");
        if (text.Length > AgendaItem.TextMax) return new Invalid("text", $"Must be at most {AgendaItem.TextMax} characters.");
        if (m.RequireActive("add to the agenda") is { } inactive) return inactive;
        var now = time.GetUtcNow();
        if (meeting.Status == MeetingStatus.Cancelled) return new ConflictError("This meeting was cancelled.");
        if (meeting.HasStarted(now)) return new ConflictError("The agenda is for before the meeting; add a note instead.");
        db.AgendaItems.Add(new AgendaItem(meeting.Id, me, text, now));
        return await SaveAsync(meeting, m, ct);
    }

    public async Task<Result<MeetingDetails>> AddNoteAsync(Guid me, Guid mentorshipId, Guid meetingId, NoteRequest request, CancellationToken ct)
    {
        if (await access.FindAsync(me, mentorshipId, ct) is not { } m) return NoMentorship;
        if (await FindAsync(m, meetingId, ct) is not { } meeting) return NoMeeting;
        if (NoteText(request.Text) is not { } text) return InvalidNote(request.Text);
        if (m.RequireActive("add notes") is { } inactive) return inactive;
        var now = time.GetUtcNow();
        db.MeetingNotes.Add(new MeetingNote(meeting.Id, me, request.Private, text, now));
        // Private notes leave no trace the other member could see: no timeline entry, no notification.
        if (!request.Private) db.AddTimeline(m.MentorshipId, now, me, "meeting", $"{m.MyName} added shared notes to a meeting.", Link(meeting));
        return await SaveAsync(meeting, m, ct);
    }

    /// <summary>Only the author finds their note (so another member's private note is a 404, as if it did not exist).</summary>
    public async Task<Result<MeetingDetails>> EditNoteAsync(Guid me, Guid mentorshipId, Guid meetingId, Guid noteId, NoteRequest request, CancellationToken ct)
    {
        if (await access.FindAsync(me, mentorshipId, ct) is not { } m) return NoMentorship;
        if (await FindAsync(m, meetingId, ct) is not { } meeting) return NoMeeting;
        var note = await db.MeetingNotes.SingleOrDefaultAsync(n => n.Id == noteId && n.MeetingId == meeting.Id && n.AuthorId == me, ct);
        if (note is null) return new NotFoundError("No such note.");
        if (NoteText(request.Text) is not { } text) return InvalidNote(request.Text);
        note.Edit(text, time.GetUtcNow());
        return await SaveAsync(meeting, m, ct);
    }

    public async Task<Result<MeetingDetails>> AddActionItemAsync(Guid me, Guid mentorshipId, Guid meetingId, ActionItemRequest request, CancellationToken ct)
    {
        if (await access.FindAsync(me, mentorshipId, ct) is not { } m) return NoMentorship;
        if (await FindAsync(m, meetingId, ct) is not { } meeting) return NoMeeting;
        var text = request.Text?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (text.Length == 0) errors["text"] = ["Write what is to be done."];
        else if (text.Length > ActionItem.TextMax) errors["text"] = [$"Must be at most {ActionItem.TextMax} characters."];
        if (request.OwnerId is not { } owner || (owner != m.MenteeId && owner != m.MentorId)) errors["ownerId"] = ["Must be one of the two members of this mentorship."];
        if (errors.Count > 0) return new Invalid(errors);
        if (m.RequireActive("add action items") is { } inactive) return inactive;
        var now = time.GetUtcNow();
        db.ActionItems.Add(new ActionItem(meeting.Id, me, request.OwnerId!.Value, text, request.DueOn, now));
        db.AddTimeline(m.MentorshipId, now, me, "meeting", $"{m.MyName} added an action item for {(request.OwnerId == me ? m.MyName : m.OtherName)}.", Link(meeting));
        return await SaveAsync(meeting, m, ct);
    }

    /// <summary>Marking done is tidying, so it works in a paused or closed mentorship too.</summary>
    public async Task<Result<MeetingDetails>> SetActionDoneAsync(Guid me, Guid mentorshipId, Guid meetingId, Guid actionId, ActionDoneRequest request, CancellationToken ct)
    {
        if (await access.FindAsync(me, mentorshipId, ct) is not { } m) return NoMentorship;
        if (await FindAsync(m, meetingId, ct) is not { } meeting) return NoMeeting;
        var item = await db.ActionItems.SingleOrDefaultAsync(a => a.Id == actionId && a.MeetingId == meeting.Id, ct);
        if (item is null) return new NotFoundError("No such action item.");
        item.MarkDone(request.Done, time.GetUtcNow());
        return await SaveAsync(meeting, m, ct);
    }

    /// <summary>One meeting as an iCalendar file, with the same UID and SEQUENCE as in the feed.</summary>
    public async Task<Result<string>> IcsAsync(Guid me, Guid mentorshipId, Guid meetingId, CancellationToken ct)
    {
        if (await access.FindAsync(me, mentorshipId, ct) is not { } m) return NoMentorship;
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(x => x.Id == meetingId && x.MentorshipId == m.MentorshipId, ct);
        if (meeting is null) return NoMeeting;
        var alarms = await MeetingCalendar.AlarmsOfAsync(db, me, ct);
        return MeetingCalendar.Write([MeetingCalendar.Event(meeting, m.MenteeName, m.MentorName, alarms)], $"Meeting with {m.OtherName}");
    }

    private async Task<Meeting?> FindAsync(MentorshipMembership m, Guid meetingId, CancellationToken ct) =>
        await db.Meetings.SingleOrDefaultAsync(x => x.Id == meetingId && x.MentorshipId == m.MentorshipId, ct);

    private static ConflictError? CheckVersion(Meeting meeting, Guid? version) =>
        version is { } v && v != meeting.Version
            ? new ConflictError("The meeting changed since you loaded it (the other member may have moved or answered it). Reload it to see the latest.")
            : null;

    private async Task<Result<MeetingDetails>> SaveAsync(Meeting meeting, MentorshipMembership m, CancellationToken ct)
    {
        if (await db.SaveOrConflictAsync("The other member changed this meeting at the same moment. Reload it to see the latest.", ct) is { } conflict) return conflict;
        return await DetailsAsync(meeting, m, ct);
    }

    private async Task<MeetingDetails> DetailsAsync(Meeting meeting, MentorshipMembership m, CancellationToken ct)
    {
        var me = m.Me;
        var names = new Dictionary<Guid, string> { [m.MenteeId] = m.MenteeName, [m.MentorId] = m.MentorName };
        string Name(Guid id) => names.GetValueOrDefault(id, "A former member");
        var agenda = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == meeting.Id).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        var notes = await db.MeetingNotes.AsNoTracking()
            .Where(n => n.MeetingId == meeting.Id && (!n.Private || n.AuthorId == me))
            .OrderBy(n => n.CreatedAt).ToListAsync(ct);
        var actions = await db.ActionItems.AsNoTracking().Where(a => a.MeetingId == meeting.Id).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        return new MeetingDetails(
            Summary(meeting, me, m.OtherName, await ZoneOfAsync(me, ct), time.GetUtcNow()),
            agenda.Select(a => new AgendaItemView(a.Id, a.AuthorId, Name(a.AuthorId), a.Text, a.CreatedAt)).ToList(),
            notes.Select(n => new NoteView(n.Id, n.AuthorId, Name(n.AuthorId), n.Private, n.Text, n.CreatedAt, n.UpdatedAt)).ToList(),
            actions.Select(a => new ActionItemView(a.Id, a.OwnerId, Name(a.OwnerId), a.Text, a.DueOn, a.DoneAt is not null, a.DoneAt)).ToList());
    }

    public static MeetingSummary Summary(Meeting x, Guid me, string withName, string viewerZone, DateTimeOffset now) => new(
        x.Id, x.MentorshipId, withName, x.Status, x.IsHeld(now), x.StartsAt, x.EndsAt, x.Minutes, x.Medium,
        MeetingTimes.InZone(x.StartsAt, viewerZone), viewerZone, MeetingTimes.InZone(x.StartsAt, x.TimeZone), x.TimeZone, x.OrganiserId,
        x.Status == MeetingStatus.Proposed && x.ProposedById != me, x.HasStarted(now), x.FitsBothWorkdays, x.CancellationNote, x.Uid, x.Sequence, x.Version,
        x.CallDetails, x.ProposedById is null);

    /// <summary>The other member hears about it in their own time zone.</summary>
    private async Task TellOtherAsync(MentorshipMembership m, Meeting meeting, string title, string then, CancellationToken ct)
    {
        var when = MeetingTimes.Describe(meeting.StartsAt, meeting.Minutes, await ZoneOfAsync(m.OtherId, ct));
        var fit = meeting.FitsBothWorkdays || meeting.Status == MeetingStatus.Cancelled ? "" : " It is outside your working hours.";
        await notifier.PublishAsync(m.OtherId, NotificationKind.MeetingChanged, title,
            $"{when}, {meeting.Minutes} minutes by {Agreement.MediumText(meeting.Medium)}.{fit} {then}".TrimEnd() + JoinText(meeting), Link(meeting), ct);
    }

    /// <summary>A last paragraph "Join: …" for the pair's own notifications and e-mails; nothing for a cancelled meeting.</summary>
    public static string JoinText(Meeting meeting) =>
        meeting.CallDetails is { } call && meeting.Status != MeetingStatus.Cancelled ? $"\n\nJoin: {call}" : "";

    public async Task<string> ZoneOfAsync(Guid memberId, CancellationToken ct) =>
        await db.Profiles.Where(p => p.MemberId == memberId).Select(p => p.TimeZone).SingleOrDefaultAsync(ct) ?? "UTC";

    public static string Link(Meeting meeting) => Link(meeting.MentorshipId, meeting.Id);

    public static string Link(Guid mentorshipId, Guid meetingId) => $"/Mentorships/{mentorshipId}/Meetings/{meetingId}";

    /// <summary>Reads start and end (or length) and checks them, adding errors that name the field.</summary>
    private (DateTimeOffset Start, int Minutes)? ReadTime(string? start, string? end, int? minutes, string zone, bool zoneGiven, int defaultMinutes, Dictionary<string, string[]> errors)
    {
        if (!TimeZones.IsValidIana(zone))
        {
            errors[zoneGiven ? "timeZone" : "start"] = ["Pick a time zone from the list, or type a city, such as London or Europe/London."];
            return null;
        }
        var from = ReadInstant(start, zone, "start", errors);
        var to = end is null ? null : ReadInstant(end, zone, "end", errors);
        if (from is null) return null;
        var length = minutes ?? defaultMinutes;
        var lengthField = "minutes";
        if (end is not null)
        {
            if (to is null) return null;
            if (to <= from) { errors["end"] = ["Must be after the start."]; return null; }
            length = (int)Math.Round((to.Value - from.Value).TotalMinutes);
            lengthField = "end";
        }
        if (length < Meeting.MinMinutes || length > Meeting.MaxMinutes)
            errors[lengthField] = [$"A meeting lasts between {Meeting.MinMinutes} and {Meeting.MaxMinutes} minutes."];
        if (from <= time.GetUtcNow()) errors["start"] = ["Must be in the future."];
        return errors.Count > 0 ? null : (from.Value, length);
    }

    private static DateTimeOffset? ReadInstant(string? text, string zone, string field, Dictionary<string, string[]> errors)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text)) { errors[field] = ["This field is required."]; return null; }
        if (HasOffset().IsMatch(text))
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)) return instant.ToUniversalTime();
        }
        else if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            if (MeetingTimes.ToInstant(local, MeetingTimes.Zone(zone)) is { } at) return at;
            errors[field] = [$"{local:HH:mm} does not exist on {local:d MMMM yyyy} in {zone}: the clocks go forward then."];
            return null;
        }
        errors[field] = ["Must be a date and time such as 2027-03-10T14:00."];
        return null;
    }

    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    [GeneratedRegex(@"(Z|[+-]\d\d:?\d\d)$", RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();

    private static string? NoteText(string? text)
    {
        var t = text?.Trim() ?? "";
        return t.Length is > 0 and <= MeetingNote.TextMax ? t : null;
    }

    private static Invalid InvalidNote(string? text) => string.IsNullOrWhiteSpace(text)
        ? new Invalid("text", "Write the note.")
        : new Invalid("text", $"Must be at most {MeetingNote.TextMax} characters.");

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
