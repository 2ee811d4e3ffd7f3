using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Moderation;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Mentorships.Requests;

/// <summary>
/// A request (the item id is the mentorship's) as a reportable item: the personal note and commitments of
/// the latest version the <em>other</em> member proposed, so either side can report what was sent to them.
/// Only the two members can report it; hiding it replaces that free text in every version for both.
/// </summary>
public sealed class RequestReportTarget(TrellisDbContext db) : IReportTarget
{
    public ReportKind Kind => ReportKind.Request;

    public async Task<ReportedContent?> FindAsync(Guid itemId, Guid? viewer, CancellationToken ct)
    {
        var m = await db.Mentorships.AsNoTracking().Include(x => x.Versions)
            .Where(x => x.Id == itemId && (viewer == null || x.MenteeId == viewer || x.MentorId == viewer))
            .SingleOrDefaultAsync(ct);
        if (m is null) return null;
        var from = viewer is { } me ? Mentorship.Other(m.PartyOf(me)!.Value) : (Party?)null;
        var version = m.Versions.Where(v => from == null || v.ProposedBy == from).MaxBy(v => v.Number);
        if (version is null) return null;
        // A mentor's version carries the mentee's note unchanged: only what its proposer wrote is theirs to answer for.
        var byMentee = version.ProposedBy == Party.Mentee;
        var text = string.Join("\n\n", new[] { ("Personal note", byMentee ? version.PersonalNote : ""), ("Commitments", byMentee ? version.MenteeCommitments : ""), ("Note on the changes", version.ChangeNote) }
            .Where(part => part.Item2.Length > 0).Select(part => $"{part.Item1}: {part.Item2}"));
        return new ReportedContent(Kind, itemId, m.MemberOf(version.ProposedBy), text, version.ProposedAt, version.TextHiddenAt is not null);
    }

    public async Task<bool> HideAsync(Guid itemId, DateTimeOffset at, CancellationToken ct)
    {
        var versions = await db.AgreementVersions.Where(v => v.MentorshipId == itemId).ToListAsync(ct);
        foreach (var version in versions) version.HideText(at);
        return versions.Count > 0;
    }
}
