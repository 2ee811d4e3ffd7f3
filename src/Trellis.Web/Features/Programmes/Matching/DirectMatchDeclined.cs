using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Programmes.Matching;

/// <summary>
/// A match the programme started directly was declined by one of its members: its coordinators are told that the
/// pair closed — which pair, never who declined or why (that stays between the two) — and its mentee is back among
/// the unmatched on the board.
/// </summary>
public sealed class DirectMatchDeclined(TrellisDbContext db, Notifier notifier) : IMentorshipStatusListener
{
    public async Task OnStatusChangedAsync(MentorshipStatusChange change, CancellationToken ct)
    {
        var m = change.Mentorship;
        if (change.To != MentorshipStatus.Declined || !m.DirectStart || m.ProgrammeId is not { } programmeId) return;
        var programme = await db.Programmes.AsNoTracking().Where(p => p.Id == programmeId)
            .Select(p => new { p.Name, p.Slug }).SingleAsync(ct);
        var names = await db.Users.AsNoTracking().Where(u => u.Id == m.MenteeId || u.Id == m.MentorId)
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var coordinators = await db.ProgrammeCoordinators.AsNoTracking().Where(c => c.ProgrammeId == programmeId)
            .Select(c => c.MemberId).ToListAsync(ct);
        foreach (var coordinator in coordinators)
            await notifier.PublishAsync(coordinator, NotificationKind.Programme, $"{programme.Name}: a match was declined",
                $"The match of {names[m.MenteeId]} with {names[m.MentorId]} was declined and has closed; "
                + $"{names[m.MenteeId]} is back among the unmatched.", $"/Programmes/{programme.Slug}/Manage/Matching", ct);
    }
}
