using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Moderation;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Endorsements;

/// <summary>An endorsement as moderation sees it: its two members can always report it, anyone can once it
/// is on a profile, an administrator (null viewer) reads it alone. Hiding takes it off the profile for good.</summary>
public sealed class EndorsementReportTarget(TrellisDbContext db) : IReportTarget
{
    public ReportKind Kind => ReportKind.Endorsement;

    public Task<ReportedContent?> FindAsync(Guid itemId, Guid? viewer, CancellationToken ct) =>
        db.Endorsements.AsNoTracking()
            .Where(e => e.Id == itemId && (viewer == null || e.MenteeId == viewer || e.MentorId == viewer || (e.PublishedAt != null && e.HiddenAt == null)))
            .Select(e => new ReportedContent(ReportKind.Endorsement, e.Id, e.MenteeId, e.Text, e.WrittenAt, e.HiddenAt != null))
            .SingleOrDefaultAsync(ct);

    public async Task<bool> HideAsync(Guid itemId, DateTimeOffset at, CancellationToken ct)
    {
        var e = await db.Endorsements.SingleOrDefaultAsync(x => x.Id == itemId, ct);
        if (e is null) return false;
        e.Hide(at);
        return true;
    }
}
