using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Features.Programmes.MenteeChoice;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Mentorships.Requests;

/// <summary>"Ask to be my mentor": the mentee drafts their ideal relationship from a template,
/// previews it as the mentor will read it, then sends it.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class AskModel(MentorshipHandlers handlers, ProfileHandlers profiles, MenteeChoiceRules programmes) : TrellisPageModel
{
    /// <summary>Asking inside a mentee-choice programme: its agreement is the starting point and its rules apply.</summary>
    [BindProperty(SupportsGet = true, Name = "programme")]
    public Guid? ProgrammeId { get; set; }

    public string? ProgrammeName { get; private set; }

    [BindProperty]
    public ProposalForm Input { get; set; } = new();

    public ProfileView? Mentor { get; private set; }
    public string Template { get; private set; } = AgreementTemplates.LightAndInformal;
    public Agreement? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid mentorId, string? template, CancellationToken ct)
    {
        if (!await LoadMentorAsync(mentorId, ct)) return NotFound();
        Template = AgreementTemplates.Find(template).Key;
        var start = (await handlers.TodayForAsync(Me, ct)).AddDays(7);
        Input.Agreement = AgreementForm.From(AgreementTemplates.Find(template).Build(start));
        if (ProgrammeId is { } programmeId)
        {
            if (await programmes.TemplateAsync(Me, programmeId, ct) is not { } programme) return NotFound();
            ProgrammeName = programme.Name;
            Input.Agreement = AgreementForm.From(programme.Template.Build([], start, ""));
        }
        // The mentee's own goals from their profile are the natural first draft.
        var mine = await profiles.GetOwnAsync(Me, ct);
        if (mine.AsMentee?.Goals is { Length: > 0 } goals) Input.Agreement.Goals = goals;
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(Guid mentorId, CancellationToken ct)
    {
        if (!await LoadMentorAsync(mentorId, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var input = Input.Agreement.ToInput();
        var errors = input.Validate(await handlers.TodayForAsync(Me, ct), "agreement.");
        if (errors.Count > 0)
        {
            AddErrors(new Trellis.Web.Domain.Invalid(errors));
            return Page();
        }
        Preview = input.ToAgreement();
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(Guid mentorId, CancellationToken ct)
    {
        if (!await LoadMentorAsync(mentorId, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await handlers.ProposeAsync(Me, new ProposeRequest(mentorId, Input.Agreement.ToInput(), ProgrammeId), ct);
        if (!result.IsSuccess)
        {
            AddErrors(result.Error);
            return Page();
        }
        TempData["Status"] = $"Your request is on its way to {Mentor!.DisplayName}.";
        return Redirect($"/Mentorships/{result.Value.Id}");
    }

    private async Task<bool> LoadMentorAsync(Guid mentorId, CancellationToken ct)
    {
        if (mentorId == Me) return false;
        var result = await profiles.ViewAsync(Me, mentorId, ct);
        if (!result.IsSuccess || result.Value.AsMentor?.OpenToMentoring != true) return false;
        Mentor = result.Value;
        return true;
    }
}
