using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Guides;

/// <summary>
/// Questions and answers under a guide, for the API and the page. Anyone who reads the guide reads its thread; a signed-in
/// reader asks and answers. The guide's author and its writers mark the answer; its writers and administrators hide or
/// delete. Every notification is added to this unit of work and commits with the change (the outbox).
/// </summary>
public sealed class QuestionHandlers(TrellisDbContext db, GuideAccess access, Notifier notifier, TimeProvider time)
{
    private sealed record Place(Guide Guide, Guid? Viewer, bool Marks, bool Moderates);

    public async Task<Result<ThreadView>> ThreadAsync(Guid? viewer, Guid guideId, CancellationToken ct)
    {
        if (await PlaceAsync(viewer, guideId, ct) is not { } place) return NoSuchGuide;
        var seeAll = place.Moderates;
        var questions = await db.GuideQuestions.AsNoTracking()
            .Where(q => q.GuideId == guideId && (seeAll || q.HiddenAt == null))
            .OrderBy(q => q.AskedAt)
            .Select(q => new { Question = q, Name = db.Users.Where(u => u.Id == q.AskerId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        var ids = questions.Select(q => q.Question.Id).ToList();
        var answers = await db.GuideAnswers.AsNoTracking()
            .Where(a => ids.Contains(a.QuestionId) && (seeAll || a.HiddenAt == null))
            .OrderBy(a => a.AnsweredAt)
            .Select(a => new { Answer = a, Name = db.Users.Where(u => u.Id == a.AuthorId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        var views = questions.Select(row =>
        {
            var q = row.Question;
            var under = answers.Where(a => a.Answer.QuestionId == q.Id).Select(a => new AnswerView(a.Answer.Id, a.Answer.AuthorId,
                a.Name ?? "", a.Answer.Text, Markdown.ToSafeHtml(a.Answer.Text), a.Answer.AnsweredAt, a.Answer.IsHidden,
                a.Answer.Id == q.AcceptedAnswerId)).ToList();
            return new QuestionView(q.Id, q.AskerId, row.Name ?? "", q.Text, Markdown.ToSafeHtml(q.Text), q.AskedAt, q.IsHidden,
                q.AcceptedAnswerId, under);
        }).ToList();
        return new ThreadView(guideId, viewer is not null, place.Marks, place.Moderates, views);
    }

    public async Task<Result<QuestionView>> AskAsync(Guid me, Guid guideId, AskQuestion input, CancellationToken ct)
    {
        if (await PlaceAsync(me, guideId, ct) is not { } place) return NoSuchGuide;
        var now = time.GetUtcNow();
        var question = new GuideQuestion(guideId, me, input.Text!.Trim(), now);
        db.GuideQuestions.Add(question);
        var guide = place.Guide;
        var asker = await NameAsync(me, ct);
        var told = guide.AuthorId is { } author ? [author] : await AdministratorsAsync(ct);
        foreach (var who in told.Where(id => id != me))
            await notifier.PublishAsync(who, NotificationKind.Guides, $"A question under “{guide.Title}”",
                $"{asker} asked: {QuestionWords.Excerpt(question.Text)}", Link(guide, question.Id), ct);
        await db.SaveChangesAsync(ct);
        return await QuestionAsync(me, guideId, question.Id, ct);
    }

    public async Task<Result<QuestionView>> AnswerAsync(Guid me, Guid guideId, Guid questionId, AnswerQuestion input, CancellationToken ct)
    {
        if (await PlaceAsync(me, guideId, ct) is not { } place) return NoSuchGuide;
        var question = await VisibleQuestionAsync(place, questionId, ct);
        if (question is null) return new NotFoundError(QuestionWords.NoSuchQuestion);
        var answer = new GuideAnswer(question.Id, me, input.Text!.Trim(), time.GetUtcNow());
        db.GuideAnswers.Add(answer);
        if (question.AskerId != me)
            await notifier.PublishAsync(question.AskerId, NotificationKind.Guides, $"An answer to your question under “{place.Guide.Title}”",
                $"{await NameAsync(me, ct)} answered: {QuestionWords.Excerpt(answer.Text)}", Link(place.Guide, question.Id), ct);
        await db.SaveChangesAsync(ct);
        return await QuestionAsync(me, guideId, questionId, ct);
    }

    /// <summary>At most one answer per question is the answer; marking another replaces it.</summary>
    public async Task<Result<QuestionView>> MarkAsync(Guid me, Guid guideId, Guid questionId, MarkAnswer input, CancellationToken ct)
    {
        if (await PlaceAsync(me, guideId, ct) is not { } place) return NoSuchGuide;
        var question = await VisibleQuestionAsync(place, questionId, ct);
        if (question is null) return new NotFoundError(QuestionWords.NoSuchQuestion);
        if (!place.Marks) return new ForbiddenError("Only the guide's author and its programme's coordinators mark the answer.");
        var answer = await db.GuideAnswers.SingleOrDefaultAsync(a => a.Id == input.AnswerId && a.QuestionId == questionId, ct);
        if (answer is null) return new Invalid("answerId", "That answer is not under this question.");
        if (question.Accept(answer) is { } refused) return refused.ToError();
        var title = place.Guide.Title;
        if (question.AskerId != me)
            await notifier.PublishAsync(question.AskerId, NotificationKind.Guides, $"Your question under “{title}” has its answer",
                $"An answer to your question was marked as the answer: {QuestionWords.Excerpt(answer.Text)}", Link(place.Guide, question.Id), ct);
        if (answer.AuthorId != me && answer.AuthorId != question.AskerId)
            await notifier.PublishAsync(answer.AuthorId, NotificationKind.Guides, $"Your answer under “{title}” was marked as the answer",
                "Thank you for helping.", Link(place.Guide, question.Id), ct);
        await db.SaveChangesAsync(ct);
        return await QuestionAsync(me, guideId, questionId, ct);
    }

    /// <summary>Hiding a question hides its whole thread from members; its moderators still see it, flagged.</summary>
    public Task<Error?> HideQuestionAsync(Guid me, Guid guideId, Guid questionId, CancellationToken ct) =>
        ModerateQuestionAsync(me, guideId, questionId, q => q.Hide(time.GetUtcNow()), ct);

    public Task<Error?> DeleteQuestionAsync(Guid me, Guid guideId, Guid questionId, CancellationToken ct) =>
        ModerateQuestionAsync(me, guideId, questionId, q => db.GuideQuestions.Remove(q), ct);

    public Task<Error?> HideAnswerAsync(Guid me, Guid guideId, Guid answerId, CancellationToken ct) =>
        ModerateAnswerAsync(me, guideId, answerId, a => a.Hide(time.GetUtcNow()), ct);

    public Task<Error?> DeleteAnswerAsync(Guid me, Guid guideId, Guid answerId, CancellationToken ct) =>
        ModerateAnswerAsync(me, guideId, answerId, a => db.GuideAnswers.Remove(a), ct);

    private async Task<Error?> ModerateQuestionAsync(Guid me, Guid guideId, Guid questionId, Action<GuideQuestion> act, CancellationToken ct)
    {
        if (await PlaceAsync(me, guideId, ct) is not { } place) return NoSuchGuide;
        var question = await VisibleQuestionAsync(place, questionId, ct);
        if (question is null) return new NotFoundError(QuestionWords.NoSuchQuestion);
        if (!place.Moderates) return NotAModerator;
        act(question);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task<Error?> ModerateAnswerAsync(Guid me, Guid guideId, Guid answerId, Action<GuideAnswer> act, CancellationToken ct)
    {
        if (await PlaceAsync(me, guideId, ct) is not { } place) return NoSuchGuide;
        var answer = await db.GuideAnswers.SingleOrDefaultAsync(a => a.Id == answerId
            && db.GuideQuestions.Any(q => q.Id == a.QuestionId && q.GuideId == guideId), ct);
        if (answer is null || (!place.Moderates && answer.IsHidden)) return new NotFoundError(QuestionWords.NoSuchAnswer);
        var question = await VisibleQuestionAsync(place, answer.QuestionId, ct);
        if (question is null) return new NotFoundError(QuestionWords.NoSuchAnswer);
        if (!place.Moderates) return NotAModerator;
        act(answer);
        question.Forget(answer.Id);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private static ForbiddenError NotAModerator => new("Only the guide's coordinators and the site's administrators hide or delete questions and answers; report it instead.");

    private static NotFoundError NoSuchGuide => new(GuideWords.NoSuchGuide);

    private async Task<Place?> PlaceAsync(Guid? viewer, Guid guideId, CancellationToken ct)
    {
        var guide = await access.Readable(viewer).AsNoTracking().SingleOrDefaultAsync(g => g.Id == guideId, ct);
        if (guide is null) return null;
        if (viewer is not { } me) return new Place(guide, null, false, false);
        var writes = await (await access.WritableAsync(me, ct)).AnyAsync(g => g.Id == guideId, ct);
        var moderates = writes || await access.IsAdministratorAsync(me, ct);
        return new Place(guide, me, writes || guide.AuthorId == me, moderates);
    }

    private Task<GuideQuestion?> VisibleQuestionAsync(Place place, Guid questionId, CancellationToken ct) =>
        db.GuideQuestions.SingleOrDefaultAsync(q => q.Id == questionId && q.GuideId == place.Guide.Id && (place.Moderates || q.HiddenAt == null), ct);

    private async Task<Result<QuestionView>> QuestionAsync(Guid me, Guid guideId, Guid questionId, CancellationToken ct)
    {
        var thread = await ThreadAsync(me, guideId, ct);
        return thread.Value!.Questions.Single(q => q.Id == questionId);
    }

    public static string Link(Guide guide, Guid questionId) => $"/Guides/{guide.Slug}#question-{questionId}";

    private async Task<string> NameAsync(Guid id, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "A member";

    private Task<List<Guid>> AdministratorsAsync(CancellationToken ct) =>
        db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator))
            .Where(ur => db.Users.Any(u => u.Id == ur.UserId && u.DeletedAt == null && u.SuspendedAt == null))
            .Select(ur => ur.UserId).ToListAsync(ct);
}
