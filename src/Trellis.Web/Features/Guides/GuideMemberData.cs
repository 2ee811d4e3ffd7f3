using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Guides;

/// <summary>A member's questions and answers under guides, and the guides they wrote, in their export and their erasure.</summary>
public sealed class GuideMemberData(TrellisDbContext db) : IMemberDataPart
{
    /// <summary>What stands in a thread where a deleted account's words were.</summary>
    public const string Erased = "[Removed: its author deleted their account.]";

    public string Name => "guides";

    public async Task<object> ExportAsync(Guid memberId, CancellationToken ct)
    {
        var questions = await db.GuideQuestions.AsNoTracking().Where(q => q.AskerId == memberId)
            .Join(db.Guides, q => q.GuideId, g => g.Id, (q, g) => new { Guide = g.Title, q.Text, q.AskedAt, Hidden = q.HiddenAt != null })
            .OrderBy(q => q.AskedAt).ToListAsync(ct);
        var answers = await db.GuideAnswers.AsNoTracking().Where(a => a.AuthorId == memberId)
            .Join(db.GuideQuestions, a => a.QuestionId, q => q.Id, (a, q) => new { a, q.GuideId })
            .Join(db.Guides, x => x.GuideId, g => g.Id, (x, g) => new { Guide = g.Title, x.a.Text, x.a.AnsweredAt, Hidden = x.a.HiddenAt != null })
            .OrderBy(a => a.AnsweredAt).ToListAsync(ct);
        var written = await db.Guides.AsNoTracking().Where(g => g.AuthorId == memberId)
            .OrderBy(g => g.CreatedAt).Select(g => new { g.Title, g.Slug, g.Body, g.CreatedAt, g.UpdatedAt }).ToListAsync(ct);
        return new { questions, answers, written };
    }

    /// <summary>Questions and answers keep their place in the thread (others answered them) with their words removed;
    /// guides the member wrote stay as their programme's or the site's, with no author.</summary>
    public async Task EraseAsync(Guid memberId, DateTimeOffset at, CancellationToken ct)
    {
        await db.GuideQuestions.Where(q => q.AskerId == memberId).ExecuteUpdateAsync(s => s.SetProperty(q => q.Text, Erased), ct);
        await db.GuideAnswers.Where(a => a.AuthorId == memberId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Text, Erased), ct);
        await db.Guides.Where(g => g.AuthorId == memberId).ExecuteUpdateAsync(s => s.SetProperty(g => g.AuthorId, (Guid?)null), ct);
    }
}
