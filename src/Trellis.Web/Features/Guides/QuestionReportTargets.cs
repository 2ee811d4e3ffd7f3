using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Moderation;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Guides;

/// <summary>A question as moderation sees it: reportable by anyone who reads its guide while it shows; an administrator
/// (null viewer) reads it alone. Hiding takes its whole thread away from members.</summary>
public sealed class QuestionReportTarget(TrellisDbContext db, GuideAccess access) : IReportTarget
{
    public ReportKind Kind => ReportKind.GuideQuestion;

    public Task<ReportedContent?> FindAsync(Guid itemId, Guid? viewer, CancellationToken ct)
    {
        var guides = access.Readable(viewer);
        return db.GuideQuestions.AsNoTracking()
            .Where(q => q.Id == itemId && (viewer == null || (q.HiddenAt == null && guides.Any(g => g.Id == q.GuideId))))
            .Select(q => new ReportedContent(ReportKind.GuideQuestion, q.Id, q.AskerId, q.Text, q.AskedAt, q.HiddenAt != null))
            .SingleOrDefaultAsync(ct);
    }

    public async Task<bool> HideAsync(Guid itemId, DateTimeOffset at, CancellationToken ct)
    {
        var question = await db.GuideQuestions.SingleOrDefaultAsync(q => q.Id == itemId, ct);
        if (question is null) return false;
        question.Hide(at);
        return true;
    }
}

/// <summary>An answer as moderation sees it: reportable while it and its question show to the reporter.</summary>
public sealed class AnswerReportTarget(TrellisDbContext db, GuideAccess access) : IReportTarget
{
    public ReportKind Kind => ReportKind.GuideAnswer;

    public Task<ReportedContent?> FindAsync(Guid itemId, Guid? viewer, CancellationToken ct)
    {
        var guides = access.Readable(viewer);
        return db.GuideAnswers.AsNoTracking()
            .Where(a => a.Id == itemId && (viewer == null || (a.HiddenAt == null
                && db.GuideQuestions.Any(q => q.Id == a.QuestionId && q.HiddenAt == null && guides.Any(g => g.Id == q.GuideId)))))
            .Select(a => new ReportedContent(ReportKind.GuideAnswer, a.Id, a.AuthorId, a.Text, a.AnsweredAt, a.HiddenAt != null))
            .SingleOrDefaultAsync(ct);
    }

    public async Task<bool> HideAsync(Guid itemId, DateTimeOffset at, CancellationToken ct)
    {
        var answer = await db.GuideAnswers.SingleOrDefaultAsync(a => a.Id == itemId, ct);
        if (answer is null) return false;
        answer.Hide(at);
        var question = await db.GuideQuestions.SingleAsync(q => q.Id == answer.QuestionId, ct);
        question.Forget(answer.Id);
        return true;
    }
}
