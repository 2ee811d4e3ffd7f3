using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Programmes.Pages;

/// <summary>A programme's own page: what it is, and for me: enrol, my answers, leave.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class AboutModel(EnrolmentHandlers enrolment) : TrellisPageModel
{
    public ProgrammeAbout About { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var found = await enrolment.AboutAsync(Me, slug, ct);
        if (!found.IsSuccess) return NotFound();
        About = found.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostLeaveAsync(string slug, ProgrammeRole? role, CancellationToken ct)
    {
        var found = await enrolment.AboutAsync(Me, slug, ct);
        if (!found.IsSuccess) return NotFound();
        var left = await enrolment.LeaveAsync(Me, found.Value.Id, new RoleRequest(role), ct);
        if (left.IsSuccess)
        {
            TempData["Status"] = $"You have left {found.Value.Name}. Any mentorship you have goes on; it is yours.";
            return Redirect($"/Programmes/{found.Value.Slug}");
        }
        AddErrors(left.Error, "");
        About = (await enrolment.AboutAsync(Me, slug, ct)).Value!;
        return Page();
    }

    public static string Describe(ParticipantStatus status) => status switch
    {
        ParticipantStatus.Enrolled => "You are enrolled",
        ParticipantStatus.Incomplete => "You are added, but your enrolment form is not complete yet",
        ParticipantStatus.Left => "You left",
        _ => "The coordinators took you out of the programme",
    };
}
