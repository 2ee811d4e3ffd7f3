using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Programmes.Pages;

/// <summary>The link in an invitation e-mail: signed in (the sign-in page brings people back here), it leads to
/// the enrolment form, or says plainly why it no longer works.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class InvitationModel(InvitationHandlers invitations) : TrellisPageModel
{
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var opened = await invitations.OpenAsync(Me, token, ct);
        if (opened.IsSuccess) return Redirect($"/Programmes/{opened.Value.Slug}/Enrol?role={opened.Value.Role}");
        Problem = opened.Error.Detail;
        Response.StatusCode = opened.Error is Trellis.Web.Domain.NotFoundError ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
        return Page();
    }
}
