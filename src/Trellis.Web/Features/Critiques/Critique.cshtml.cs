using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Critiques;

/// <summary>One piece of work: what was asked for, the critique, and the replies under it.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class CritiqueModel(MentorshipAccess access, CritiqueHandlers handlers) : TrellisPageModel
{
    public MentorshipMembership? Membership { get; private set; }
    public CritiqueView? Critique { get; private set; }

    [BindProperty] public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid cid, CancellationToken ct) => await LoadAsync(id, cid, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAnswerAsync(Guid id, Guid cid, CancellationToken ct) =>
        Act(id, cid, handlers.AnswerAsync(Me, id, cid, new CritiqueText(Text), ct), "Your critique is sent.", ct);

    public Task<IActionResult> OnPostReplyAsync(Guid id, Guid cid, CancellationToken ct) =>
        Act(id, cid, handlers.ReplyAsync(Me, id, cid, new CritiqueText(Text), ct), "Your reply is sent.", ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, Guid cid, CancellationToken ct) =>
        Act(id, cid, handlers.CloseAsync(Me, id, cid, ct), "The request is closed.", ct);

    public Task<IActionResult> OnPostReopenAsync(Guid id, Guid cid, CancellationToken ct) =>
        Act(id, cid, handlers.ReopenAsync(Me, id, cid, ct), "The request is open again.", ct);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid cid, CancellationToken ct)
    {
        var result = await handlers.DeleteAsync(Me, id, cid, ct);
        if (result.IsSuccess)
        {
            TempData["Status"] = "The request and its file are deleted.";
            return Redirect($"/Mentorships/{id}/Critiques");
        }
        return await Failed(id, cid, result.Error, ct);
    }

    private async Task<IActionResult> Act(Guid id, Guid cid, Task<Result<CritiqueView>> action, string done, CancellationToken ct)
    {
        var result = await action;
        if (result.IsSuccess)
        {
            TempData["Status"] = done;
            return Redirect($"/Mentorships/{id}/Critiques/{cid}");
        }
        return await Failed(id, cid, result.Error, ct);
    }

    private async Task<IActionResult> Failed(Guid id, Guid cid, Error error, CancellationToken ct)
    {
        if (error is NotFoundError) return NotFound();
        if (error is Invalid invalid)
            foreach (var message in invalid.Errors.Values.SelectMany(m => m)) ModelState.AddModelError(nameof(Text), message);
        else AddErrors(error);
        return await LoadAsync(id, cid, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, Guid cid, CancellationToken ct)
    {
        Membership = await access.FindAsync(Me, id, ct);
        if (Membership is null) return false;
        Critique = (await handlers.GetAsync(Me, id, cid, ct)).Value;
        return Critique is not null;
    }
}
