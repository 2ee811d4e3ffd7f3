using Microsoft.EntityFrameworkCore;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Infrastructure.Auth;

/// <summary>Ends a member's browser sessions on every node at once (their tickets live in the database).</summary>
public sealed class SessionRevocation(TrellisDbContext db)
{
    public Task<int> RevokeAllAsync(Guid memberId, CancellationToken ct) =>
        db.MemberSessions.Where(s => s.MemberId == memberId).ExecuteDeleteAsync(ct);

}
