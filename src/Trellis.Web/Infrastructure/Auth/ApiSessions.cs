using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Infrastructure.Auth;

/// <summary>
/// An API client's sign-in is a <see cref="MemberSession"/> row too (a token family). Identity's bearer and refresh
/// tokens stay self-contained, but both carry the row's id and its refresh generation, and every request checks them
/// against the row (<see cref="BearerTokenRevocation"/>). So signing out deletes the row and both tokens stop at once;
/// a refresh moves the generation on (the earlier access and refresh tokens stop); and presenting a refresh token
/// that was already used means two parties hold the family, so the whole family ends (ADR 0020).
/// </summary>
public sealed class ApiSessions(TrellisDbContext db, TimeProvider time, IOptionsMonitor<BearerTokenOptions> bearer)
{
    public const string GenerationClaim = "trellis:generation";

    private TimeSpan RefreshLifetime => bearer.Get(IdentityConstants.BearerScheme).RefreshTokenExpiration;

    /// <summary>A new family for a member who just proved who they are; the claims go into both tokens.</summary>
    public async Task<Claim[]> OpenAsync(Guid memberId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var session = new MemberSession
        {
            Id = Guid.NewGuid(),
            MemberId = memberId,
            CreatedAt = now,
            ExpiresAt = now + RefreshLifetime,
            RefreshGeneration = 0,
        };
        db.MemberSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return Claims(session.Id, 0);
    }

    /// <summary>
    /// Moves the family named by a refresh token's principal on by one generation and returns the new claims; null
    /// when the family is gone or expired, or when the token is an earlier generation — then the family is ended.
    /// One conditional update, so of two simultaneous refreshes with the same token exactly one wins.
    /// </summary>
    public async Task<Claim[]?> RotateAsync(ClaimsPrincipal refreshed, CancellationToken ct)
    {
        if (Read(refreshed) is not var (id, generation, memberId)) return null;
        var now = time.GetUtcNow();
        var expires = now + RefreshLifetime;
        var moved = await db.MemberSessions
            .Where(s => s.Id == id && s.MemberId == memberId && s.RefreshGeneration == generation && s.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RefreshGeneration, generation + 1).SetProperty(x => x.ExpiresAt, expires), ct);
        if (moved == 1) return Claims(id, generation + 1);
        // Used before (or expired): whoever else holds this family loses it too.
        await db.MemberSessions.Where(s => s.Id == id && s.MemberId == memberId && s.RefreshGeneration != null).ExecuteDeleteAsync(ct);
        return null;
    }

    /// <summary>Signs out the session the caller is using, bearer (a token family) or cookie alike.</summary>
    public Task<int> CloseAsync(ClaimsPrincipal caller, CancellationToken ct)
    {
        var memberId = Http.ClaimsExtensions.MemberId(caller);
        if (!Guid.TryParse(caller.FindFirstValue(DatabaseTicketStore.SessionIdClaim), out var id)) return Task.FromResult(0);
        return db.MemberSessions.Where(s => s.Id == id && s.MemberId == memberId).ExecuteDeleteAsync(ct);
    }

    /// <summary>Whether an access token's family is live at the token's generation, and its member may still use it.</summary>
    public Task<bool> IsLiveAsync(ClaimsPrincipal token, string? securityStamp, CancellationToken ct)
    {
        if (Read(token) is not var (id, generation, memberId)) return Task.FromResult(false);
        var now = time.GetUtcNow();
        return db.MemberSessions.AnyAsync(s => s.Id == id && s.MemberId == memberId && s.RefreshGeneration == generation && s.ExpiresAt > now
            && db.Users.Any(u => u.Id == memberId && u.SuspendedAt == null && u.DeletedAt == null && u.SecurityStamp == securityStamp), ct);
    }

    private static Claim[] Claims(Guid id, int generation) =>
    [
        new(DatabaseTicketStore.SessionIdClaim, id.ToString("N")),
        new(GenerationClaim, generation.ToString(CultureInfo.InvariantCulture)),
    ];

    private static (Guid Id, int Generation, Guid MemberId)? Read(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(DatabaseTicketStore.SessionIdClaim), out var id)
        && int.TryParse(principal.FindFirstValue(GenerationClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var generation)
        && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var memberId)
            ? (id, generation, memberId)
            : null;
}
