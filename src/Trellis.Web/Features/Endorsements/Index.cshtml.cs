using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Endorsements;

/// <summary>The endorsement of one mentorship: the mentee writes it, the mentor decides whether it is shown,
/// either can withdraw it.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class EndorsementModel(EndorsementHandlers handlers, MentorshipAccess access) : TrellisPageModel
{
    public MentorshipMembership? Membership { get; private set; }
    public MentorshipEndorsementView? View { get; private set; }

    [BindProperty] public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostWriteAsync(Guid id, CancellationToken ct) =>
        await DoneAsync(id, await handlers.WriteAsync(Me, id, new EndorsementRequest(Text), ct), "Thank you. Your mentor decides whether it appears on their profile.", ct);

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) =>
        await DoneAsync(id, await handlers.PublishAsync(Me, id, ct), "The endorsement is on your profile.", ct);

    public async Task<IActionResult> OnPostUnpublishAsync(Guid id, CancellationToken ct) =>
        await DoneAsync(id, await handlers.UnpublishAsync(Me, id, ct), "The endorsement is off your profile.", ct);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) =>
        await DoneAsync(id, await handlers.WithdrawAsync(Me, id, ct), "The endorsement is withdrawn.", ct);

    private async Task<IActionResult> DoneAsync(Guid id, Result<MentorshipEndorsementView> result, string done, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            TempData["Status"] = done;
            return Redirect($"/Mentorships/{id}/Endorsement");
        }
        if (result.Error is NotFoundError) return NotFound();
        AddErrors(result.Error, prefix: "");
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Membership = await access.FindAsync(Me, id, ct);
        if (Membership is null) return false;
        View = (await handlers.GetAsync(Me, id, ct)).Value;
        return true;
    }
}
