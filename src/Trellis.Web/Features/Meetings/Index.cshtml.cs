using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships.Requests;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Meetings;

/// <summary>A mentorship's meetings, every time shown in the viewer's own zone, with the form to propose one.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class IndexModel(MeetingHandlers handlers, MentorshipAccess access) : TrellisPageModel
{
    public MentorshipMembership? Membership { get; private set; }
    public IReadOnlyList<MeetingSummary> Meetings { get; private set; } = [];
    public string MyZone { get; private set; } = "UTC";

    [BindProperty] public ProposeForm Propose { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostProposeAsync(Guid id, CancellationToken ct)
    {
        var result = await handlers.ProposeAsync(Me, id, new ProposeMeetingRequest(Propose.Start, null, Propose.Minutes), ct);
        if (result.IsSuccess)
        {
            TempData["Status"] = "Your proposal is sent; the other member can accept it or suggest another time.";
            return Redirect(MeetingHandlers.Link(id, result.Value.Meeting.Id));
        }
        return await Failed(id, result.Error, ct);
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, Guid meetingId, Guid version, CancellationToken ct)
    {
        var result = await handlers.AcceptAsync(Me, id, meetingId, new AcceptMeetingRequest(version), ct);
        if (result.IsSuccess)
        {
            TempData["Status"] = "The meeting is confirmed.";
            return Redirect($"/Mentorships/{id}/Meetings");
        }
        return await Failed(id, result.Error, ct);
    }

    private async Task<IActionResult> Failed(Guid id, Error error, CancellationToken ct)
    {
        if (error is NotFoundError) return NotFound();
        AddErrors(error, "Propose");
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Membership = await access.FindAsync(Me, id, ct);
        if (Membership is null) return false;
        Meetings = (await handlers.ListAsync(Me, id, ct)).Value ?? [];
        MyZone = await handlers.ZoneOfAsync(Me, ct);
        return true;
    }

    public sealed class ProposeForm
    {
        public string? Start { get; set; }
        public int? Minutes { get; set; }
    }
}
