using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Guides;

/// <summary>One guide and the questions under it. A guide the visitor may not read is the 404 page, whether it exists or
/// not. Reading needs no account for a public guide; asking, answering and moderating do.</summary>
[AllowAnonymous]
public sealed class GuideModel(GuideHandlers guides, QuestionHandlers questions) : TrellisPageModel
{
    public GuideView Guide { get; private set; } = null!;
    public ThreadView Thread { get; private set; } = null!;

    [BindProperty] public AskQuestion Question { get; set; } = new(null);
    [BindProperty] public AnswerQuestion Answer { get; set; } = new(null);

    /// <summary>The question whose answer form failed, so its error shows under it and nowhere else.</summary>
    public Guid? FailedQuestionId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadAsync(slug, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAskAsync(string slug, CancellationToken ct) =>
        ActAsync(slug, "Question", Question, (me, id) => questions.AskAsync(me, id, Question, ct).Done(q => q.Id), "Your question is posted.", null, ct);

    public Task<IActionResult> OnPostAnswerAsync(string slug, Guid qid, CancellationToken ct) =>
        ActAsync(slug, "Answer", Answer, (me, id) => questions.AnswerAsync(me, id, qid, Answer, ct).Done(q => q.Id), "Your answer is posted.", qid, ct);

    public Task<IActionResult> OnPostMarkAsync(string slug, Guid qid, Guid aid, CancellationToken ct) =>
        ActAsync(slug, "", null, (me, id) => questions.MarkAsync(me, id, qid, new MarkAnswer(aid), ct).Done(q => q.Id), "The answer is marked.", qid, ct);

    public Task<IActionResult> OnPostHideQuestionAsync(string slug, Guid qid, CancellationToken ct) =>
        ActAsync(slug, "", null, (me, id) => questions.HideQuestionAsync(me, id, qid, ct).Done(qid), "The question and its answers are hidden from members.", qid, ct);

    public Task<IActionResult> OnPostDeleteQuestionAsync(string slug, Guid qid, CancellationToken ct) =>
        ActAsync(slug, "", null, (me, id) => questions.DeleteQuestionAsync(me, id, qid, ct).Done(null), "The question and its answers are deleted.", qid, ct);

    public Task<IActionResult> OnPostHideAnswerAsync(string slug, Guid qid, Guid aid, CancellationToken ct) =>
        ActAsync(slug, "", null, (me, id) => questions.HideAnswerAsync(me, id, aid, ct).Done(qid), "The answer is hidden from members.", qid, ct);

    public Task<IActionResult> OnPostDeleteAnswerAsync(string slug, Guid qid, Guid aid, CancellationToken ct) =>
        ActAsync(slug, "", null, (me, id) => questions.DeleteAnswerAsync(me, id, aid, ct).Done(qid), "The answer is deleted.", qid, ct);

    private async Task<IActionResult> ActAsync(string slug, string prefix, object? request, Func<Guid, Guid, Task<Result<Guid?>>> act,
        string done, Guid? questionId, CancellationToken ct)
    {
        if (User.MemberIdOrNull() is not { } me) return Challenge();
        if (!await LoadAsync(slug, ct)) return NotFound();
        if (request is not null && !await ValidAsync(request, ct, prefix))
        {
            FailedQuestionId = questionId;
            return Page();
        }
        var result = await act(me, Guide.Id);
        if (!result.IsSuccess)
        {
            if (result.Error is NotFoundError) return NotFound();
            FailedQuestionId = questionId;
            AddErrors(result.Error, prefix);
            return Page();
        }
        TempData["Status"] = done;
        return Redirect($"/Guides/{Guide.Slug}{(result.Value is { } anchor ? $"#question-{anchor}" : "")}");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var viewer = User.MemberIdOrNull();
        var found = await guides.GetBySlugAsync(viewer, slug, ct);
        if (!found.IsSuccess) return false;
        Guide = found.Value;
        Thread = (await questions.ThreadAsync(viewer, Guide.Id, ct)).Value!;
        return true;
    }
}

internal static class GuidePageResults
{
    /// <summary>Where the page returns after an action: the question's place on the page, or the top.</summary>
    public static async Task<Result<Guid?>> Done<T>(this Task<Result<T>> result, Func<T, Guid> anchor)
    {
        var r = await result;
        return r.IsSuccess ? anchor(r.Value) : r.Error;
    }

    public static async Task<Result<Guid?>> Done(this Task<Error?> result, Guid? anchor) =>
        await result is { } error ? error : anchor;
}
