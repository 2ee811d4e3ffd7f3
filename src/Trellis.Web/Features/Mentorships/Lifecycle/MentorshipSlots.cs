using Microsoft.EntityFrameworkCore;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Mentorships.Lifecycle;

/// <summary>
/// The capacity counters on both profiles (ADR 0008). Claimed at acceptance; released here when a
/// mentorship completes or ends, with conditional updates that never go below zero. A pause keeps both
/// slots. Callers run this in the same transaction as saving the move.
/// </summary>
public static class MentorshipSlots
{
    public static async Task ReleaseAsync(TrellisDbContext db, Mentorship m, CancellationToken ct)
    {
        await db.Profiles.Where(p => p.MemberId == m.MentorId && p.ActiveMentees > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ActiveMentees, p => p.ActiveMentees - 1), ct);
        await db.Profiles.Where(p => p.MemberId == m.MenteeId && p.ActiveMentors > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ActiveMentors, p => p.ActiveMentors - 1), ct);
    }
}
