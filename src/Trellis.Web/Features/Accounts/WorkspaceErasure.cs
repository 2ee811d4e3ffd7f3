using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Reviews;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Accounts;

/// <summary>
/// What account deletion removes from the workspace features beyond what the features erase themselves
/// (messages, critique files, goals, reflections, blocks: see <see cref="AccountDeletion"/>). Private to the
/// member, so it goes: their private meeting notes, the free text of their review answers (the score,
/// direction and wish to revise stay, anonymous, for the other member's summary and the impact numbers),
/// the note they left when ending a mentorship (the reason stays, as a statistic), their calendar feed
/// and meeting reminder settings, and the endorsements they wrote. What both members shared stays with
/// "Former member" as its author, as the other member's record of the relationship: meetings, agenda,
/// shared notes and action items, check-ins, critiques and replies, resources, reports they filed.
/// </summary>
internal static class WorkspaceErasure
{
    public static async Task EraseWorkspaceDataOfAsync(this TrellisDbContext db, Guid me, CancellationToken ct)
    {
        await db.MeetingNotes.Where(n => n.AuthorId == me && n.Private).ExecuteDeleteAsync(ct);
        await db.Set<ReviewAnswer>()
            .Where(a => db.Reviews.Any(r => r.Id == a.ReviewId && db.Mentorships.Any(m => m.Id == r.MentorshipId
                && ((a.Party == Party.Mentee && m.MenteeId == me) || (a.Party == Party.Mentor && m.MentorId == me)))))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.GoingWell, "").SetProperty(a => a.ShouldChange, ""), ct);
        await db.Mentorships
            .Where(m => m.EndNote != "" && ((m.ClosedBy == Party.Mentee && m.MenteeId == me) || (m.ClosedBy == Party.Mentor && m.MentorId == me)))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.EndNote, ""), ct);
        await db.CalendarFeeds.Where(f => f.MemberId == me).ExecuteDeleteAsync(ct);
        await db.MeetingReminderPreferences.Where(p => p.MemberId == me).ExecuteDeleteAsync(ct);
        await db.Endorsements.Where(e => e.MenteeId == me).ExecuteDeleteAsync(ct);
    }
}
