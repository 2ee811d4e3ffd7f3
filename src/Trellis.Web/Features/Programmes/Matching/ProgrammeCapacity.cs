using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Matching;

/// <summary>
/// A mentor's places in one programme: the capacity they gave for it, less the programme's mentorships with them
/// that are under way (requested, negotiating, active or paused). Their profile's own capacity is checked too, by the
/// normal acceptance rules.
/// </summary>
public static class ProgrammeCapacity
{
    public static async Task<Error?> RefusesAsync(TrellisDbContext db, Programme programme, Guid mentorId, CancellationToken ct)
    {
        var capacity = await db.Participants
            .Where(x => x.ProgrammeId == programme.Id && x.MemberId == mentorId && x.Role == ProgrammeRole.Mentor
                        && x.Status == ParticipantStatus.Enrolled)
            .Select(x => (int?)x.Capacity).SingleOrDefaultAsync(ct);
        if (capacity is null) return new ConflictError($"This member is not one of {programme.Name}'s enrolled {programme.MentorWord}s.");
        var taken = await db.Mentorships.CountAsync(m => m.MentorId == mentorId && m.ProgrammeId == programme.Id
                                                         && Mentorship.OngoingStatuses.Contains(m.Status), ct);
        return taken >= capacity
            ? new ConflictError($"This {programme.MentorWord} has no place left in {programme.Name} ({capacity} taken).")
            : null;
    }
}
