using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships.Requests;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.CheckIns;

/// <summary>/Mentorships/{id}/CheckIns: the mentee asks for guidance, the mentor answers, the mentee resolves.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class IndexModel(CheckInHandlers handlers, TrellisDbContext db) : MentorshipPageModel
{
    public CheckInsView CheckIns { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Checked by its own rules in <see cref="OnPostRaiseAsync"/>, not on every post of the page's forms.</summary>
    [BindProperty] public RaiseCheckIn Input { get; set; } = new(null, null);
    [BindProperty] public string? AnswerText { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRaiseAsync(Guid id, CancellationToken ct)
    {
        var error = await CheckAsync(Input, ct) ?? (await handlers.RaiseAsync(Membership, Input, ct)).Error;
        return await After(id, error, "Your check-in is sent. You'll be told when it is answered.", "Input", ct);
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, Guid checkInId, CancellationToken ct)
    {
        var answer = new AnswerCheckIn(AnswerText);
        var error = await CheckAsync(answer, ct) ?? (await handlers.AnswerAsync(Membership, checkInId, answer, ct)).Error;
        return await After(id, error, "Your answer is sent.", "", ct, answerFor: checkInId);
    }

    public async Task<IActionResult> OnPostResolveAsync(Guid id, Guid checkInId, CancellationToken ct)
    {
        var result = await handlers.ResolveAsync(Membership, checkInId, ct);
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
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!Membership.HasWorkspace) return false;
        (CheckIns, Zone) = (await handlers.ListAsync(Membership, ct), await db.ZoneOfAsync(Me, ct));
        return true;
    }
}
