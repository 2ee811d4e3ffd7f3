using Microsoft.EntityFrameworkCore;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Infrastructure.Auth;

/// <summary>Ends a member's browser sessions on every node at once (their tickets live in the database).</summary>
public sealed class SessionRevocation(TrellisDbContext db)
{
    public Task<int> RevokeAllAsync(Guid memberId, CancellationToken ct) =>
        db.MemberSessions.Where(s => s.MemberId == memberId).ExecuteDeleteAsync(ct);


    /// <summary>Every session but the one making the request (its id is a claim the ticket store adds).</summary>
    public Task<int> RevokeOthersAsync(System.Security.Claims.ClaimsPrincipal current, CancellationToken ct)
    {
        var memberId = Http.ClaimsExtensions.MemberId(current);
        var keep = Guid.TryParse(current.FindFirst(DatabaseTicketStore.SessionIdClaim)?.Value, out var id) ? id : Guid.Empty;
        return db.MemberSessions.Where(s => s.MemberId == memberId && s.Id != keep).ExecuteDeleteAsync(ct);
    }
}
