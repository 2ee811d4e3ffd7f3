using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Features.Mentorships.Requests;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Mentorships.Revisions;

/// <summary>Revising the agreement of a running mentorship: a form prefilled with the agreement in force
/// (or with the revision on the table, to suggest changes to it), and the answers to a revision.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class ReviseModel(MentorshipHandlers mentorships, RevisionHandlers revisions) : TrellisPageModel
{
    [BindProperty] public ProposalForm Input { get; set; } = new();

    public MentorshipView? Mentorship { get; private set; }
    public bool CanRevise => Mentorship is { } m && Mentorships.Mentorship.RevisableStatuses.Contains(m.Status);
    public IReadOnlyList<AgreementChange> Changes => Mentorship is { RevisionOnTable: true } m ? AgreementDiff.Between(m.AgreementInForce!, m.Current.Terms) : [];
    public bool MyRevision => Mentorship is { RevisionOnTable: true } m && m.Current.ProposedBy == m.MyRole;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var request = new ChangeRequest(Input.BasedOnVersion, Input.Agreement.ToInput());
        var result = Mentorship!.RevisionOnTable ? await revisions.CounterAsync(Me, id, request, ct) : await revisions.ProposeAsync(Me, id, request, ct);
        return await DoneAsync(id, result, "Your revised agreement is sent. Your current agreement stays in force until you both accept.", ct);
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, int version, CancellationToken ct) =>
        await DoneAsync(id, await revisions.AcceptAsync(Me, id, new AcceptRequest(version), ct), "You accepted: the revised agreement is now in force.", ct);

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct) =>
        await DoneAsync(id, await revisions.DeclineAsync(Me, id, ct), "You declined the revision; your agreement stays as it was.", ct);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) =>
        await DoneAsync(id, await revisions.WithdrawAsync(Me, id, ct), "You withdrew your revision; your agreement stays as it was.", ct);

    private async Task<IActionResult> DoneAsync(Guid id, Result<MentorshipView> result, string done, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            TempData["Status"] = done;
            return Redirect($"/Mentorships/{id}");
        }
        if (result.Error is NotFoundError) return NotFound();
        AddErrors(result.Error);
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await mentorships.GetAsync(Me, id, ct);
        Mentorship = result.Value;
        if (!result.IsSuccess || Mentorship!.AgreementInForce is not { } inForce) return false;
        if (Input.BasedOnVersion is null)
        {
            // Not a posted form: start from what is on the table, or from the agreement in force.
            Input.Agreement = AgreementForm.From(Mentorship.RevisionOnTable ? Mentorship.Current.Terms : inForce);
            Input.BasedOnVersion = Mentorship.CurrentVersion;
        }
        return true;
    }
}
