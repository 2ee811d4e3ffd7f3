using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Goals;

/// <summary>/Mentorships/{id}/Goals: the mentee's goals shared with this mentorship; the mentor reads them and adds notes.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class SharedModel(GoalHandlers handlers, MentorshipAccess access) : TrellisPageModel
{
    public MentorshipMembership Membership { get; private set; } = null!;
    public IReadOnlyList<GoalView> Goals { get; private set; } = [];
    public Guid? NoteFailedFor { get; private set; }

    [BindProperty] public string? NoteText { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostNoteAsync(Guid id, Guid goalId, CancellationToken ct)
    {
        var result = await handlers.AddNoteInMentorshipAsync(Me, id, goalId, new NoteInput(NoteText), ct);
        if (result.IsSuccess)
        {
            TempData["Status"] = "Note added.";
            return Redirect($"{GoalHandlers.MentorshipLink(id)}#goal-{goalId}");
        }
        if (result.Error is NotFoundError) return NotFound();
        if (result.Error is Invalid invalid)
        {
            NoteFailedFor = goalId;
            foreach (var message in invalid.Errors.Values.SelectMany(m => m)) ModelState.AddModelError("NoteText", message);
        }
        else AddErrors(result.Error);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await access.FindAsync(Me, id, ct) is not { HasWorkspace: true } membership) return false;
        var goals = await handlers.ListForMentorshipAsync(Me, id, ct);
        if (!goals.IsSuccess) return false;
        (Membership, Goals) = (membership, goals.Value.Goals);
        return true;
    }
}
