using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Endorsements;

/// <summary>The endorsement of one mentorship: the mentee writes it, the mentor decides whether it is shown,
/// either can withdraw it.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class EndorsementModel(EndorsementHandlers handlers) : MentorshipPageModel
{
    public MentorshipEndorsementView? View { get; private set; }

    [BindProperty] public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await handlers.GetAsync(Membership, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWriteAsync(CancellationToken ct)
    {
        var request = new EndorsementRequest(Text);
        if (!await ValidAsync(request, ct, prefix: "")) return await OnGetAsync(ct);
        return await DoneAsync(await handlers.WriteAsync(Membership, request, ct),
            "Thank you. Your mentor decides whether it appears on their profile.", ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct) =>
        await DoneAsync(await handlers.PublishAsync(Membership, ct), "The endorsement is on your profile.", ct);

    public async Task<IActionResult> OnPostUnpublishAsync(CancellationToken ct) =>
        await DoneAsync(await handlers.UnpublishAsync(Membership, ct), "The endorsement is off your profile.", ct);

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) =>
        await DoneAsync(await handlers.WithdrawAsync(Membership, ct), "The endorsement is withdrawn.", ct);

    private async Task<IActionResult> DoneAsync(Result<MentorshipEndorsementView> result, string done, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            TempData["Status"] = done;
            return Redirect($"/Mentorships/{Membership.MentorshipId}/Endorsement");
        }
        if (result.Error is NotFoundError) return NotFound();
        AddErrors(result.Error, prefix: "");
        return await OnGetAsync(ct);
    }
}
