using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Mentorships.Requests;

/// <summary>A counter-proposal (or an edit of one's own proposal), prefilled with the current version.
/// The version it was based on travels with the form: if another arrived meanwhile, the answer is 409.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class ChangeModel(MentorshipHandlers handlers) : TrellisPageModel
{
    [BindProperty]
    public ProposalForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string Mode { get; set; } = "counter";

    public MentorshipView? Mentorship { get; private set; }
    public bool IsEdit => Mode == "edit";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await handlers.GetAsync(Me, id, ct);
        if (!result.IsSuccess) return NotFound();
        Mentorship = result.Value;
        Input.Agreement = AgreementForm.From(Mentorship.Current.Terms);
        Input.BasedOnVersion = Mentorship.CurrentVersion;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var current = await handlers.GetAsync(Me, id, ct);
        if (!current.IsSuccess) return NotFound();
        Mentorship = current.Value;
        if (!ModelState.IsValid) return Page();
        var request = new ChangeRequest(Input.BasedOnVersion, Input.Agreement.ToInput(), Input.Note);
        var result = IsEdit ? await handlers.EditAsync(Me, id, request, ct) : await handlers.CounterAsync(Me, id, request, ct);
        if (!result.IsSuccess)
        {
            if (result.Error is NotFoundError) return NotFound();
            AddErrors(result.Error);
            return Page();
        }
        TempData["Status"] = IsEdit ? "Your proposal is updated." : "Your suggested changes are sent.";
        return Redirect($"/Mentorships/{id}");
    }
}
