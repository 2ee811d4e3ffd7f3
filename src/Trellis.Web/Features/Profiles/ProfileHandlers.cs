using Microsoft.EntityFrameworkCore;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Profiles;

/// <summary>Reading and changing profiles, shared by the API and the pages.</summary>
public sealed class ProfileHandlers(TrellisDbContext db, TimeProvider time)
{
    public async Task<ProfileView> GetOwnAsync(Guid me, CancellationToken ct)
    {
        var member = await db.Users.SingleAsync(u => u.Id == me, ct);
        var profile = await OwnProfileAsync(me, ct);
        return profile.ToView(member.DisplayName, member.EmailConfirmed, owner: true);
    }

    public async Task<Result<ProfileView>> UpdateAsync(Guid me, ProfileInput input, CancellationToken ct)
    {
        var errors = input.Validate(time.GetUtcNow().Year);
        if (input.Version is null) errors["version"] = ["Send the version you started editing from (from GET /api/v1/me/profile)."];
        if (errors.Count > 0) return new Invalid(errors);

        var member = await db.Users.SingleAsync(u => u.Id == me, ct);
        var profile = await OwnProfileAsync(me, ct);
        if (profile.Version != input.Version)
            return new ConflictError("Your profile was changed elsewhere (another tab or device) since you opened it. Reload to see the latest version, then apply your changes again.");

        // The database checks the version again on save, so a save from another node in between is caught too.
        db.Entry(profile).Property(p => p.Version).OriginalValue = input.Version.Value;
        member.DisplayName = input.DisplayName.Trim();
        profile.Update(input, time.GetUtcNow());
        if (await db.SaveOrConflictAsync("Your profile was changed elsewhere while you were saving. Reload and try again.", ct) is { } conflict) return conflict;
        return profile.ToView(member.DisplayName, member.EmailConfirmed, owner: true);
    }

    /// <summary>Another member's profile, only if its visibility lets <paramref name="viewer"/> see it.</summary>
    public async Task<Result<ProfileView>> ViewAsync(Guid? viewer, Guid memberId, CancellationToken ct)
    {
        var row = await db.Profiles.WhereVisibleTo(db, viewer).Where(p => p.MemberId == memberId)
            .Join(db.Users, p => p.MemberId, u => u.Id, (p, u) => new { Profile = p, u.DisplayName, u.EmailConfirmed })
            .AsNoTracking()
            .SingleOrDefaultAsync(ct);
        if (row is null) return new NotFoundError("No such member.");
        return row.Profile.ToView(row.DisplayName, row.EmailConfirmed, owner: viewer == memberId);
    }

    internal async Task<Profile> OwnProfileAsync(Guid me, CancellationToken ct)
    {
        var profile = await db.Profiles.SingleOrDefaultAsync(p => p.MemberId == me, ct);
        if (profile is not null) return profile;
        // Every account gets its profile at registration; this covers accounts made through the API.
        profile = new Profile(me, time.GetUtcNow());
        db.Profiles.Add(profile);
        await db.SaveChangesAsync(ct);
        return profile;
    }
}
