using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Meetings;

/// <summary>
/// Meetings as iCalendar (RFC 5545). Each VEVENT keeps the meeting's UID and SEQUENCE, so a calendar app
/// that already has the meeting updates it (a new time, CONFIRMED, CANCELLED) instead of adding another.
/// Times are written in the organiser's zone with a TZID and a matching VTIMEZONE, which is what keeps a
/// 14:00 call at 14:00 for the organiser and lets every app show it in its own user's zone. The text says
/// who meets and how, never agenda, notes or the reason for a cancellation: a feed address can leak.
/// </summary>
public static class MeetingCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>The alarms a member's calendar gets: the same choices as Trellis's own reminders.</summary>
    public sealed record Alarms(bool DayBefore, bool HourBefore)
    {
        public static readonly Alarms Default = new(true, true);
    }

    public static async Task<Alarms> AlarmsOfAsync(TrellisDbContext db, Guid memberId, CancellationToken ct) =>
        await db.MeetingReminderPreferences.AsNoTracking().Where(p => p.MemberId == memberId)
            .Select(p => new Alarms(p.DayBefore, p.HourBefore)).SingleOrDefaultAsync(ct) ?? Alarms.Default;

    /// <param name="alarms">The reader's reminder settings: a feed and a download are always one member's.</param>
    public static CalendarEvent Event(Meeting meeting, string menteeName, string mentorName, Alarms alarms)
    {
        var zone = meeting.TimeZone;
        var utc = zone is "UTC" or "Etc/UTC";
        CalDateTime At(DateTimeOffset instant) => utc
            ? new CalDateTime(instant.UtcDateTime, "UTC")
            : new CalDateTime(DateTime.SpecifyKind(MeetingTimes.InZone(instant, zone).DateTime, DateTimeKind.Unspecified), zone);
        var e = new CalendarEvent
        {
            Uid = meeting.Uid,
            Sequence = meeting.Sequence,
            Summary = $"Mentoring: {mentorName} and {menteeName}",
            Description = $"{meeting.Minutes} minutes, by {Agreement.MediumText(meeting.Medium)}. Details, agenda and notes are in Trellis.",
            DtStart = At(meeting.StartsAt),
            DtEnd = At(meeting.EndsAt),
            DtStamp = new CalDateTime(meeting.UpdatedAt.UtcDateTime, "UTC"),
            Created = new CalDateTime(meeting.CreatedAt.UtcDateTime, "UTC"),
            LastModified = new CalDateTime(meeting.UpdatedAt.UtcDateTime, "UTC"),
            Status = meeting.Status switch
            {
                MeetingStatus.Confirmed => EventStatus.Confirmed,
                MeetingStatus.Cancelled => EventStatus.Cancelled,
                _ => EventStatus.Tentative,
            },
        };
        if (meeting.CallDetails is { } call && meeting.Status != MeetingStatus.Cancelled)
        {
            // A feed is one member's, behind their own token, so the pair's call details may go in it.
            e.Location = call;
            if (CallDetails.AsLink(call) is { } link) e.Url = link;
        }
        if (meeting.Status == MeetingStatus.Cancelled) return e;
        var title = $"Mentoring: {mentorName} and {menteeName},";
        if (alarms.DayBefore) e.Alarms.Add(AlarmBefore(MeetingReminders.DayBefore, $"{title} tomorrow"));
        if (alarms.HourBefore) e.Alarms.Add(AlarmBefore(MeetingReminders.HourBefore, $"{title} in an hour"));
        return e;
    }

    /// <summary>A display alarm this long before the start (exact hours, as Trellis's own reminders are).</summary>
    private static Alarm AlarmBefore(TimeSpan before, string description) => new()
    {
        Action = AlarmAction.Display,
        Description = description,
        Trigger = new Trigger(Duration.FromTimeSpanExact(-before)),
    };

    public static string Write(IEnumerable<CalendarEvent> events, string name)
    {
        var calendar = new Calendar { ProductId = "-//Trellis//Meetings//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var e in events) calendar.Events.Add(e);
        // Zones are described from the earliest meeting on; an empty feed needs none (and no clock).
        if (calendar.Events.Count > 0)
        {
            var earliest = calendar.Events.Min(e => e.DtStart!.Value);
            foreach (var zone in calendar.Events.Select(e => e.DtStart!.TzId).Where(z => z is not null and not "UTC").Distinct().Order())
                calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone!, earliest, includeHistoricalData: false));
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
