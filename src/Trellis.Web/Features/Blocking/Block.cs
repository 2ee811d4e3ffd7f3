using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Blocking;

/// <summary>
/// One member has blocked another. It works both ways (neither can request, message or find the other)
/// but only the blocker knows: the blocked member sees nothing beyond a relationship ending.
/// </summary>
public sealed class Block
{
    private Block() { }

    public Block(Guid blockerId, Guid blockedId, DateTimeOffset at)
    {
        if (blockerId == blockedId) throw new ArgumentException("A member cannot block themself.", nameof(blockedId));
        Id = Guid.CreateVersion7(at);
        BlockerId = blockerId;
        BlockedId = blockedId;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid BlockerId { get; private set; }
    public Guid BlockedId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}

public sealed class BlockConfiguration : IEntityTypeConfiguration<Block>
{
    public void Configure(EntityTypeBuilder<Block> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.BlockerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.BlockedId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.BlockerId, x.BlockedId }).IsUnique();
        // "Who blocked me" is asked on every search, profile view and request.
        b.HasIndex(x => x.BlockedId);
    }
}

/// <summary>The queries other features use to keep a blocked pair apart, in both directions.</summary>
public static class Blocks
{
    /// <summary>Blocks between the two members, whoever made them.</summary>
    public static IQueryable<Block> Between(TrellisDbContext db, Guid a, Guid b) =>
        db.Blocks.Where(x => (x.BlockerId == a && x.BlockedId == b) || (x.BlockerId == b && x.BlockedId == a));

    /// <summary>Members <paramref name="me"/> must not find: those I blocked and those who blocked me.</summary>
    public static IQueryable<Guid> HiddenFrom(TrellisDbContext db, Guid me) =>
        db.Blocks.Where(x => x.BlockerId == me).Select(x => x.BlockedId)
            .Concat(db.Blocks.Where(x => x.BlockedId == me).Select(x => x.BlockerId));

    public static Task<bool> ExistBetweenAsync(TrellisDbContext db, Guid a, Guid b, CancellationToken ct) => Between(db, a, b).AnyAsync(ct);
}
