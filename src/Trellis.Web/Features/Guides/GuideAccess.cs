using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Guides;

/// <summary>
/// The one place that says who reads and who writes a guide, as queries that only find what the caller may see or
/// write: anything else looks like a wrong address (404), so a programme-only guide's existence does not leak.
/// </summary>
public sealed class GuideAccess(TrellisDbContext db)
{
    /// <summary>Public to anyone; members-only to any signed-in member; programme-only to the programme's
    /// participants and coordinators.</summary>
    public IQueryable<Guide> Readable(Guid? viewer)
    {
        if (viewer is not { } me) return db.Guides.Where(g => g.Visibility == GuideVisibility.Public);
        return db.Guides.Where(g => g.Visibility != GuideVisibility.ProgrammeOnly
            || db.ProgrammeCoordinators.Any(c => c.ProgrammeId == g.ProgrammeId && c.MemberId == me)
            || db.Participants.Any(p => p.ProgrammeId == g.ProgrammeId && p.MemberId == me && Participant.ActiveStatuses.Contains(p.Status)));
    }

    /// <summary>A programme guide by that programme's coordinators; a site-wide guide by administrators (who may also
    /// act on any guide's questions when moderating).</summary>
    public async Task<IQueryable<Guide>> WritableAsync(Guid me, CancellationToken ct)
    {
        var admin = await IsAdministratorAsync(me, ct);
        return db.Guides.Where(g => g.ProgrammeId == null
            ? admin
            : admin || db.ProgrammeCoordinators.Any(c => c.ProgrammeId == g.ProgrammeId && c.MemberId == me));
    }

    public Task<bool> IsAdministratorAsync(Guid me, CancellationToken ct) =>
        db.UserRoles.AnyAsync(ur => ur.UserId == me && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator), ct);

    public Task<bool> CoordinatesAsync(Guid me, Guid programmeId, CancellationToken ct) =>
        db.ProgrammeCoordinators.AnyAsync(c => c.ProgrammeId == programmeId && c.MemberId == me, ct);
}
