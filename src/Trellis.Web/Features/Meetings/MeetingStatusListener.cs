using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Meetings;

/// <summary>
/// A mentorship that starts (or resumes) gets its first meeting proposed from the agreement; one that is
/// paused, completed or ended has every future meeting cancelled with a note, so both calendars show
/// STATUS:CANCELLED instead of a call nobody will join.
/// </summary>
public sealed class MeetingStatusListener(TrellisDbContext db, MeetingPlanner planner, Notifier notifier) : IMentorshipStatusListener
{
    public async Task OnStatusChangedAsync(MentorshipStatusChange change, CancellationToken ct)
    {
        var m = change.Mentorship;
        if (change.To == MentorshipStatus.Active) await ProposeFirstAsync(m, change.At, resuming: change.From == MentorshipStatus.Paused, ct);
        // A pause cancels only the meetings the member chose (LifecycleHandlers.PauseAsync); closing cancels them all.
        else if (change.To is MentorshipStatus.Completed or MentorshipStatus.Ended) await CancelFutureAsync(change, ct);
    }

    private async Task ProposeFirstAsync(Mentorship m, DateTimeOffset at, bool resuming, CancellationToken ct)
    {
        var terms = m.InForce?.Terms;
        if (terms is null && m.AcceptedVersion is { } n)
            terms = (await db.AgreementVersions.AsNoTracking().SingleAsync(v => v.MentorshipId == m.Id && v.Number == n, ct)).Terms;
        if (terms is null) return;
        if (await db.Meetings.AnyAsync(x => x.MentorshipId == m.Id && x.Status != MeetingStatus.Cancelled && x.StartsAt > at, ct)) return;

        var meeting = await planner.FirstAsync(m, terms, at, ct);
        var link = MeetingHandlers.Link(meeting);
        var which = resuming ? "the next meeting after the pause" : "the first meeting";
        db.AddTimeline(m.Id, at, null, "meeting", $"Trellis proposed {which} ({terms.CadenceText}): {MeetingTimes.Describe(meeting.StartsAt, meeting.Minutes, meeting.TimeZone)}.", link);
        foreach (var member in new[] { m.MentorId, m.MenteeId })
        {
            var zone = await db.Profiles.Where(p => p.MemberId == member).Select(p => p.TimeZone).SingleOrDefaultAsync(ct) ?? "UTC";
            var fit = meeting.FitsBothWorkdays ? "" : " No time fits both your working hours, so it is inside the organiser's.";
            await notifier.PublishAsync(member, NotificationKind.MeetingChanged, resuming ? "Your next meeting is proposed" : "Your first meeting is proposed",
                $"{MeetingTimes.Describe(meeting.StartsAt, meeting.Minutes, zone)}, {(resuming ? "now that the mentorship is active again" : "from your agreement")}, "
                + $"chosen by Trellis.{fit} Accept it or suggest another time.", link, ct);
        }
    }

    private async Task CancelFutureAsync(MentorshipStatusChange change, CancellationToken ct)
    {
        var note = $"The mentorship was {Mentorship.Describe(change.To)}.";
        var future = await db.Meetings.Where(x => x.MentorshipId == change.Mentorship.Id && x.Status != MeetingStatus.Cancelled && x.StartsAt > change.At).ToListAsync(ct);
        foreach (var meeting in future) meeting.Cancel(change.By, note, change.At);
        if (future.Count > 0)
            db.AddTimeline(change.Mentorship.Id, change.At, change.By, "meeting",
                future.Count == 1 ? $"The next meeting was cancelled: {note}" : $"{future.Count} future meetings were cancelled: {note}");
    }
}
