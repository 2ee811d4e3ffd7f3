using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Moderation;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Messages;

/// <summary>A reported message, for moderation: only the message itself, never the conversation around it.
/// A member sees it only in their own mentorship, and once hidden without its text; a deleted message has no
/// text left to moderate and is not found.</summary>
public sealed class MessageReportTarget(TrellisDbContext db) : IReportTarget
{
    public ReportKind Kind => ReportKind.Message;

    public async Task<ReportedContent?> FindAsync(Guid itemId, Guid? viewer, CancellationToken ct)
    {
        var found = await (
                from m in db.Set<Message>().AsNoTracking()
                join x in db.Mentorships on m.MentorshipId equals x.Id
                where m.Id == itemId && m.DeletedAt == null && (viewer == null || x.MenteeId == viewer || x.MentorId == viewer)
                select new { m.Id, m.AuthorId, m.Body, m.CreatedAt, m.HiddenAt })
            .SingleOrDefaultAsync(ct);
        if (found is null) return null;
        var hidden = found.HiddenAt is not null;
        return new ReportedContent(ReportKind.Message, found.Id, found.AuthorId, hidden && viewer is not null ? "" : found.Body, found.CreatedAt, hidden);
    }

    public async Task<bool> HideAsync(Guid itemId, DateTimeOffset at, CancellationToken ct)
    {
        var message = await db.Set<Message>().SingleOrDefaultAsync(m => m.Id == itemId, ct);
        if (message is null) return false;
        message.Hide(at);
        return true;
    }
}
