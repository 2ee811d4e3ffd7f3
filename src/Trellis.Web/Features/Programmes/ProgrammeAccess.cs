using Microsoft.EntityFrameworkCore;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Programmes;

/// <summary>
/// The one way coordinator features find a programme: by id (or address) and by the caller's coordination at
/// once, so a member who does not coordinate it, a coordinator of another programme included, gets exactly
/// what a wrong address gets (null → 404).
/// </summary>
public sealed class ProgrammeAccess(TrellisDbContext db)
{
    public IQueryable<Programme> Coordinated(Guid me) =>
        db.Programmes.Where(p => db.ProgrammeCoordinators.Any(c => c.ProgrammeId == p.Id && c.MemberId == me));

    public Task<Programme?> FindAsync(Guid me, Guid programmeId, CancellationToken ct, bool tracking = false)
    {
        var query = Coordinated(me).Where(p => p.Id == programmeId);
        return (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
    }

    public Task<Programme?> FindBySlugAsync(Guid me, string slug, CancellationToken ct)
    {
        var s = slug.ToLowerInvariant();
        return Coordinated(me).AsNoTracking().SingleOrDefaultAsync(p => p.Slug == s, ct);
    }

    public Task<bool> IsOwnerAsync(Guid me, Guid programmeId, CancellationToken ct) =>
        db.ProgrammeCoordinators.AnyAsync(c => c.ProgrammeId == programmeId && c.MemberId == me && c.IsOwner, ct);
}
