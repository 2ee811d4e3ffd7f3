using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Moderation;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Profiles;

/// <summary>A profile's own words (headline, bio, goals) as a reportable item. Whoever may see the profile
/// (<see cref="ProfileHandlers.ViewAsync"/>) may report it.</summary>
public sealed class ProfileReportTarget(TrellisDbContext db, ProfileHandlers profiles) : IReportTarget
{
    public ReportKind Kind => ReportKind.Profile;

    public async Task<ReportedContent?> FindAsync(Guid itemId, Guid? viewer, CancellationToken ct)
    {
        if (viewer is not null && !(await profiles.ViewAsync(viewer, itemId, ct)).IsSuccess) return null;
        var row = await db.Profiles.AsNoTracking()
            .Where(p => p.MemberId == itemId && db.Users.Any(u => u.Id == p.MemberId && u.DeletedAt == null))
            .Select(p => new { p.Headline, p.Bio, p.MenteeGoals, p.UpdatedAt, p.HiddenAt })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var text = string.Join("\n\n", new[] { ("Headline", row.Headline), ("Bio", row.Bio), ("Goals", row.MenteeGoals) }
            .Where(part => part.Item2.Length > 0).Select(part => $"{part.Item1}: {part.Item2}"));
        return new ReportedContent(Kind, itemId, itemId, text, row.UpdatedAt, row.HiddenAt is not null);
    }

    public async Task<bool> HideAsync(Guid itemId, DateTimeOffset at, CancellationToken ct)
    {
        var profile = await db.Profiles.SingleOrDefaultAsync(p => p.MemberId == itemId, ct);
        profile?.Hide(at);
        return profile is not null;
    }
}
