using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Goals;

/// <summary>/Mentorships/{id}/Goals: the mentee's goals shared with this mentorship; the mentor reads them and adds notes.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class SharedModel(GoalHandlers handlers) : MentorshipPageModel
{
    public IReadOnlyList<GoalView> Goals { get; private set; } = [];
    public Guid? NoteFailedFor { get; private set; }

    [BindProperty] public string? NoteText { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostNoteAsync(Guid goalId, CancellationToken ct)
    {
        var result = await handlers.AddNoteInMentorshipAsync(Membership, goalId, new NoteInput(NoteText), ct);
        if (result.IsSuccess)
        {
            TempData["Status"] = "Note added.";
            return Redirect($"{GoalHandlers.MentorshipLink(Membership.MentorshipId)}#goal-{goalId}");
        }
        if (result.Error is NotFoundError) return NotFound();
        if (result.Error is Invalid invalid)
        {
            NoteFailedFor = goalId;
            foreach (var message in invalid.Errors.Values.SelectMany(m => m)) ModelState.AddModelError("NoteText", message);
        }
        else AddErrors(result.Error);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!Membership.HasWorkspace) return false;
        Goals = (await handlers.ListForMentorshipAsync(Membership, ct)).Goals;
        return true;
    }
}
