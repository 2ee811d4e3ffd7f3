using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Programmes.Pages;

/// <summary>The enrolment form for one role: the profile fields the programme needs, its questions, a mentor's capacity.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class EnrolModel(EnrolmentHandlers enrolment) : TrellisPageModel
{
    public ProgrammeAbout About { get; private set; } = null!;
    public RoleStanding Standing { get; private set; } = null!;
    public IReadOnlyList<QuestionView> Questions { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public ProgrammeRole? Role { get; set; }
    [BindProperty] public Dictionary<string, List<string>> Answers { get; set; } = [];
    [BindProperty] public int? Capacity { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        var mine = Standing.Mine;
        foreach (var answer in mine?.Answers ?? []) Answers[answer.QuestionId.ToString()] = [.. answer.Values];
        Capacity = mine is { Capacity: > 0 } ? mine.Capacity : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        var answers = Answers.Where(a => Guid.TryParse(a.Key, out _))
            .Select(a => new AnswerInput(Guid.Parse(a.Key), a.Value)).ToList();
        var result = await enrolment.EnrolAsync(Me, About.Id, new EnrolRequest(Role, answers, Capacity), ct);
        if (result.IsSuccess)
        {
            TempData["Status"] = $"You are enrolled in {About.Name} as a {Standing.Word}.";
            return Redirect($"/Programmes/{About.Slug}");
        }
        AddErrors(result.Error, "");
        return Page();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var found = await enrolment.AboutAsync(Me, slug, ct);
        if (!found.IsSuccess || Role is not { } role || !Enum.IsDefined(role)) return false;
        About = found.Value;
        Standing = About.Roles.Single(r => r.Role == role);
        Questions = await enrolment.QuestionsForAsync(About.Id, role, ct);
        return true;
    }

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0 ? string.Join(" ", e.Errors.Select(x => x.ErrorMessage)) : null;

    public IReadOnlyList<string> ValuesFor(QuestionView q) => Answers.TryGetValue(q.Id.ToString(), out var v) ? v : [];
}
