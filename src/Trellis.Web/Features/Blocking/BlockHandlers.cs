using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Lifecycle;
using Trellis.Web.Features.Mentorships.Requests;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Blocking;

public sealed record BlockView(Guid MemberId, string DisplayName, DateTimeOffset BlockedAt);

/// <summary>
/// Blocking and unblocking, for the API, the block confirmation page and Settings. Blocking ends what the
/// pair has going in one transaction: a running mentorship ends exactly as if the blocker had ended it
/// without a reason, an open request is withdrawn or declined as usual. The blocked member is told only
/// that (the same words as any other ending), never that they were blocked.
/// </summary>
public sealed class BlockHandlers(TrellisDbContext db, TimeProvider time, MentorshipHandlers mentorships, LifecycleHandlers lifecycle)
{
    public async Task<IReadOnlyList<BlockView>> ListAsync(Guid me, CancellationToken ct) =>
        await db.Blocks.Where(b => b.BlockerId == me)
            .OrderByDescending(b => b.CreatedAt)
            .Join(db.Users, b => b.BlockedId, u => u.Id, (b, u) => new BlockView(b.BlockedId, u.DisplayName, b.CreatedAt))
            .ToListAsync(ct);

    /// <summary>Someone I could block: any other member whose account still exists. Null → 404.</summary>
    public Task<string?> NameOfAsync(Guid me, Guid memberId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == memberId && u.Id != me && u.DeletedAt == null).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);

    public Task<bool> HaveBlockedAsync(Guid me, Guid memberId, CancellationToken ct) =>
        db.Blocks.AnyAsync(b => b.BlockerId == me && b.BlockedId == memberId, ct);

    public async Task<Result<BlockView>> BlockAsync(Guid me, Guid memberId, CancellationToken ct)
    {
        if (memberId == me) return new Invalid("id", "You cannot block yourself.");
        if (await NameOfAsync(me, memberId, ct) is not { } name) return new NotFoundError("No such member.");
        var existing = await db.Blocks.AsNoTracking().SingleOrDefaultAsync(b => b.BlockerId == me && b.BlockedId == memberId, ct);
        if (existing is not null) return new BlockView(memberId, name, existing.CreatedAt);

        var now = time.GetUtcNow();
        var block = new Block(me, memberId, now);
        db.Blocks.Add(block);
        var ongoing = await db.Mentorships
            .Where(m => ((m.MenteeId == me && m.MentorId == memberId) || (m.MentorId == me && m.MenteeId == memberId))
                        && Mentorship.OngoingStatuses.Contains(m.Status))
            .Include(m => m.Versions)
            .ToListAsync(ct);
        var ended = new List<Mentorship>();
        foreach (var m in ongoing)
        {
            var refused = m.IsOpen
                ? await mentorships.CloseRequestAsync(m, me, now, ct)
                : await lifecycle.EndForBlockAsync(m, me, now, ct);
            if (refused is not null) return MentorshipHandlers.ToError(refused);
            // Only a mentorship that was running holds slots; a closed request never claimed any.
            if (m.Status == MentorshipStatus.Ended) ended.Add(m);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConflictError("Your mentorship with this member changed at the same moment. Reload and try again.");
        }
        catch (DbUpdateException)
        {
            return new ConflictError("You have just blocked this member from somewhere else.");
        }
        foreach (var m in ended) await MentorshipSlots.ReleaseAsync(db, m, ct);
        await tx.CommitAsync(ct);
        return new BlockView(memberId, name, now);
    }

    /// <summary>Unblocking only lifts the block: nothing that ended comes back.</summary>
    public async Task<Result<bool>> UnblockAsync(Guid me, Guid memberId, CancellationToken ct)
    {
        var removed = await db.Blocks.Where(b => b.BlockerId == me && b.BlockedId == memberId).ExecuteDeleteAsync(ct);
        return removed == 0 ? new NotFoundError("You have not blocked this member.") : true;
    }
}
