using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships.Requests;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Shared;
using Trellis.Web.Features.Timeline;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.CheckIns;

/// <summary>/Mentorships/{id}/CheckIns: the mentee asks for guidance, the mentor answers, the mentee resolves.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class IndexModel(CheckInHandlers handlers, MentorshipAccess access, TrellisDbContext db) : TrellisPageModel
{
    public MentorshipMembership Membership { get; private set; } = null!;
    public CheckInsView CheckIns { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    [BindProperty] public RaiseForm Input { get; set; } = new();
    [BindProperty] public string? AnswerText { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRaiseAsync(Guid id, CancellationToken ct)
    {
        var result = await handlers.RaiseAsync(Me, id, new RaiseCheckIn(Input.Text, Input.Urgency), ct);
        return await After(id, result.Error, "Your check-in is sent. You'll be told when it is answered.", "Input", ct);
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, Guid checkInId, CancellationToken ct)
    {
        var result = await handlers.AnswerAsync(Me, id, checkInId, new AnswerCheckIn(AnswerText), ct);
        return await After(id, result.Error, "Your answer is sent.", "", ct, answerFor: checkInId);
    }

    public async Task<IActionResult> OnPostResolveAsync(Guid id, Guid checkInId, CancellationToken ct)
    {
        var result = await handlers.ResolveAsync(Me, id, checkInId, ct);
        return await After(id, result.Error, "Marked resolved.", "", ct);
    }

    /// <summary>Which check-in's answer form failed, so its error shows under it.</summary>
    public Guid? AnswerFailedFor { get; private set; }

    private async Task<IActionResult> After(Guid id, Error? error, string done, string prefix, CancellationToken ct, Guid? answerFor = null)
    {
        if (error is null)
        {
            TempData["Status"] = done;
            return Redirect(CheckInHandlers.Link(id));
        }
        if (error is NotFoundError) return NotFound();
        if (error is Invalid invalid && answerFor is not null)
        {
            AnswerFailedFor = answerFor;
            foreach (var message in invalid.Errors.Values.SelectMany(m => m)) ModelState.AddModelError("AnswerText", message);
        }
        else AddErrors(error, prefix);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await access.FindAsync(Me, id, ct) is not { HasWorkspace: true } membership) return false;
        var list = await handlers.ListAsync(Me, id, ct);
        if (!list.IsSuccess) return false;
        (Membership, CheckIns, Zone) = (membership, list.Value, await db.ZoneOfAsync(Me, ct));
        return true;
    }

    public sealed class RaiseForm
    {
        public string? Text { get; set; }
        public CheckInUrgency? Urgency { get; set; }
    }
}
