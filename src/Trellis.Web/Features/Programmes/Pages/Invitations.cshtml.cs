using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Pages;

/// <summary>Invite people by e-mail; see, resend and withdraw invitations.</summary>
public sealed class InvitationsModel(ProgrammeAccess access, InvitationHandlers handlers) : CoordinatorPage(access)
{
    public const int PageSize = 50;

    public IReadOnlyList<InvitationView> Invitations { get; private set; } = [];

    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1; // "page" alone would bind the Razor page's route value
    [BindProperty] public string? Emails { get; set; }
    [BindProperty] public ProgrammeRole? Role { get; set; } = ProgrammeRole.Mentee;

    public async Task OnGetAsync(CancellationToken ct) =>
        Invitations = (await handlers.ListAsync(Me, Programme.Id, Math.Max(1, PageNumber), PageSize, ct)).Value ?? [];

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var sent = await handlers.InviteAsync(Me, Programme.Id, new InviteRequest([Emails ?? ""], Role), ct);
        if (sent.IsSuccess)
        {
            var r = sent.Value;
            TempData["Status"] = $"{r.Invited} invitation{(r.Invited == 1 ? "" : "s")} sent" +
                (r.AlreadyInvited > 0 ? $"; {r.AlreadyInvited} already invited (resend them below)" : "") +
                (r.AlreadyEnrolled > 0 ? $"; {r.AlreadyEnrolled} already in the programme" : "") + ".";
            return Redirect(ManagePath("/Invitations"));
        }
        AddErrors(sent.Error, "");
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(Guid invitationId, CancellationToken ct) =>
        After(await handlers.ResendAsync(Me, Programme.Id, invitationId, ct), "The invitation is sent again, with a new link.");

    public async Task<IActionResult> OnPostRevokeAsync(Guid invitationId, CancellationToken ct) =>
        After(await handlers.RevokeAsync(Me, Programme.Id, invitationId, ct), "The invitation is withdrawn; its link no longer works.");

    private IActionResult After(Result<InvitationView> result, string done)
    {
        if (result.Error is NotFoundError) return NotFound();
        TempData["Status"] = result.IsSuccess ? done : result.Error!.Detail;
        return Redirect(ManagePath("/Invitations"));
    }
}
