using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Infrastructure.Auth;

/// <summary>
/// A signed-in browser or API client. A browser's cookie holds only this row's id and the ticket lives here; an
/// API client's bearer and refresh tokens name this row and its <see cref="RefreshGeneration"/> (see
/// <see cref="ApiSessions"/>). Either way, deleting the row — signing out, changing the password, suspension —
/// ends the session on every node at once.
/// </summary>
public sealed class MemberSession
{
    public Guid Id { get; set; }
    public Guid MemberId { get; set; }
    public byte[] Ticket { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Null for a browser. For an API client, which refresh token of the family is the live one: each
    /// refresh moves it on, and presenting an older one revokes the whole family (the row).</summary>
    public int? RefreshGeneration { get; set; }
}

public sealed class MemberSessionConfiguration : IEntityTypeConfiguration<MemberSession>
{
    public void Configure(EntityTypeBuilder<MemberSession> b)
    {
        b.HasKey(s => s.Id);
        b.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.MemberId);
    }
}

public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, TimeProvider time) : ITicketStore
{
    public const string SessionIdClaim = "trellis:session";

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = Guid.NewGuid();
        var memberId = Guid.Parse(ticket.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        db.MemberSessions.Add(new MemberSession
        {
            Id = id,
            MemberId = memberId,
            Ticket = Serialize(ticket, id),
            CreatedAt = time.GetUtcNow(),
            ExpiresAt = ticket.Properties.ExpiresUtc,
        });
        await db.SaveChangesAsync();
        return id.ToString("N");
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        if (!Guid.TryParse(key, out var id)) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var bytes = Serialize(ticket, id);
        var expires = ticket.Properties.ExpiresUtc;
        await db.MemberSessions.Where(s => s.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresAt, expires));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (!Guid.TryParse(key, out var id)) return null;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var session = await db.MemberSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id);
        if (session is null || session.ExpiresAt < time.GetUtcNow()) return null;
        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    /// <summary>The session's own id travels inside the principal, so signing out (<see cref="ApiSessions.CloseAsync"/>) knows which row is this one.</summary>
    private static byte[] Serialize(AuthenticationTicket ticket, Guid id)
    {
        if (ticket.Principal.Identity is System.Security.Claims.ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SessionIdClaim))
            identity.AddClaim(new System.Security.Claims.Claim(SessionIdClaim, id.ToString("N")));
        return TicketSerializer.Default.Serialize(ticket);
    }

    public async Task RemoveAsync(string key)
    {
        if (!Guid.TryParse(key, out var id)) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        await db.MemberSessions.Where(s => s.Id == id).ExecuteDeleteAsync();
    }
}
