using Microsoft.EntityFrameworkCore;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Messages;

public static class MessageErasure
{
    /// <summary>Deleting an account erases the text of every message its member wrote (hidden ones too: the
    /// right to be forgotten outweighs keeping evidence). The other member keeps "message deleted" in its place.</summary>
    public static Task<int> EraseAuthoredByAsync(this TrellisDbContext db, Guid memberId, DateTimeOffset at, CancellationToken ct) =>
        db.Messages.Where(m => m.AuthorId == memberId && (m.DeletedAt == null || m.Body != ""))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Body, "")
                .SetProperty(m => m.DeletedAt, m => m.DeletedAt ?? at)
                .SetProperty(m => m.Version, m => m.Version + 1), ct);
}
