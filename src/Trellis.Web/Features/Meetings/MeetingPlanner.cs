using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Meetings;

/// <summary>
/// Proposes meetings from the agreement: the first one when a mentorship starts, and the next one each
/// time a meeting is confirmed (if nothing later is planned yet). The mentor organises the first; the next
/// keeps the organiser, the zone and the local time of the one before, so the cadence stays on the same
/// wall-clock time whatever the clocks do. Only adds rows; the caller saves.
/// </summary>
public sealed class MeetingPlanner(TrellisDbContext db)
{
    /// <summary>Automatic proposals leave at least this long for the two members to answer.</summary>
    public static readonly TimeSpan Notice = TimeSpan.FromDays(1);

    public async Task<Workday> WorkdayOfAsync(Guid memberId, CancellationToken ct, string? zone = null)
    {
        var p = await db.Profiles.Where(x => x.MemberId == memberId)
            .Select(x => new { x.TimeZone, x.WorkdayStartHour, x.WorkdayEndHour }).SingleOrDefaultAsync(ct);
        return p is null ? new Workday(zone ?? "UTC", 9, 17) : new Workday(zone ?? p.TimeZone, p.WorkdayStartHour, p.WorkdayEndHour);
    }

    public async Task<bool> FitsBothAsync(Guid organiserId, string zone, Guid otherId, DateTimeOffset start, int minutes, CancellationToken ct) =>
        (await WorkdayOfAsync(organiserId, ct, zone)).Contains(start, minutes) && (await WorkdayOfAsync(otherId, ct)).Contains(start, minutes);

    public async Task<Meeting> FirstAsync(Mentorship mentorship, Agreement terms, DateTimeOffset now, CancellationToken ct)
    {
        var organiser = await WorkdayOfAsync(mentorship.MentorId, ct);
        var today = organiser.Zone.TodayAt(now);
        var from = terms.StartDate > today ? terms.StartDate : today;
        return await PlanAsync(mentorship.Id, mentorship.MentorId, mentorship.MenteeId, organiser.TimeZone, from, null, terms, now, ct);
    }

    /// <summary>The meeting that follows <paramref name="previous"/> by the agreement's cadence, unless a later one is already planned.</summary>
    public async Task<Meeting?> NextAfterAsync(Meeting previous, Guid otherId, Agreement terms, DateTimeOffset now, CancellationToken ct)
    {
        var later = await db.Meetings.AnyAsync(m => m.MentorshipId == previous.MentorshipId && m.Id != previous.Id
            && m.Status != MeetingStatus.Cancelled && m.StartsAt > previous.StartsAt, ct);
        if (later) return null;
        var local = MeetingTimes.InZone(previous.StartsAt, previous.TimeZone);
        var from = MeetingTimes.Next(DateOnly.FromDateTime(local.DateTime), terms.CadenceEvery, terms.CadenceUnit);
        var next = await PlanAsync(previous.MentorshipId, previous.OrganiserId, otherId, previous.TimeZone, from,
            TimeOnly.FromDateTime(local.DateTime), terms, now, ct);
        // The monthly call usually keeps its link or number.
        next.StartWithCallDetails(previous.CallDetails);
        return next;
    }

    private async Task<Meeting> PlanAsync(Guid mentorshipId, Guid organiserId, Guid otherId, string zone, DateOnly from, TimeOnly? preferred,
        Agreement terms, DateTimeOffset now, CancellationToken ct)
    {
        var minutes = Math.Clamp(terms.MeetingMinutes, Meeting.MinMinutes, Meeting.MaxMinutes);
        var slot = MeetingTimes.Find(await WorkdayOfAsync(organiserId, ct, zone), await WorkdayOfAsync(otherId, ct), from, preferred, minutes, now + Notice);
        var meeting = new Meeting(mentorshipId, organiserId, null, slot.StartsAt, zone, minutes, terms.Medium, slot.FitsBoth, now);
        db.Meetings.Add(meeting);
        return meeting;
    }
}
