using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Pages;

/// <summary>The enrolment form's extra questions: add, change, remove.</summary>
public sealed class QuestionsModel(ProgrammeAccess access, ParticipantHandlers handlers) : CoordinatorPage(access)
{
    public IReadOnlyList<QuestionView> Questions { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public Guid? Edit { get; set; }
    [BindProperty] public QuestionInput Input { get; set; } = new() { Kind = QuestionKind.ShortText, Use = QuestionUse.Info };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Questions = (await handlers.QuestionsAsync(Me, Programme.Id, ct)).Value ?? [];
        if (Edit is { } id && Questions.FirstOrDefault(q => q.Id == id) is { } q)
            Input = new QuestionInput
            {
                Key = q.Key, Text = q.Text, Kind = q.Kind, Choices = [string.Join("\n", q.Choices)], Role = q.Role,
                Required = q.Required, Use = q.Use, HardRule = q.HardRule,
            };
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var saved = Edit is { } id
            ? await handlers.ChangeQuestionAsync(Me, Programme.Id, id, Input, ct)
            : await handlers.AddQuestionAsync(Me, Programme.Id, Input, ct);
        if (saved.IsSuccess)
        {
            TempData["Status"] = Edit is null ? "The question is added to the form." : "The question is changed.";
            return Redirect(ManagePath("/Questions"));
        }
        AddErrors(saved.Error);
        Questions = (await handlers.QuestionsAsync(Me, Programme.Id, ct)).Value ?? [];
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid questionId, CancellationToken ct)
    {
        var removed = await handlers.RemoveQuestionAsync(Me, Programme.Id, questionId, ct);
        if (removed.Error is NotFoundError) return NotFound();
        TempData["Status"] = "The question is removed from the form.";
        return Redirect(ManagePath("/Questions"));
    }

    public static string Describe(QuestionView q) => q.Use switch
    {
        QuestionUse.Hard when q.HardRule == HardRule.Same => "Hard: only pair people who share an answer",
        QuestionUse.Hard => "Hard: never pair people who gave the same answer",
        QuestionUse.Soft => "Soft: shared answers make a pair likelier",
        _ => "Information for coordinators",
    };
}
