using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Moderation;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Profiles;

/// <summary>A suspended mentor leaves (and an unsuspended one rejoins) search on every node: the profile counts as changed.</summary>
public sealed class ProfileSuspension(TrellisDbContext db) : ISuspensionListener
{
    public async Task OnSuspensionChangedAsync(Guid memberId, DateTimeOffset at, CancellationToken ct) =>
        (await db.Profiles.SingleOrDefaultAsync(p => p.MemberId == memberId, ct))?.MarkChanged(at);
}
