using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Goals;

/// <summary>/Goals/{goalId}: the owner edits a goal, its milestones, notes and which mentorships see it.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class DetailsModel(GoalHandlers handlers) : TrellisPageModel
{
    public GoalView Goal { get; private set; } = null!;
    public IReadOnlyList<LinkView> Linkable { get; private set; } = [];

    [BindProperty] public IndexModel.GoalForm Input { get; set; } = new();
    [BindProperty] public MilestoneForm Milestone { get; set; } = new();
    [BindProperty] public string? NoteText { get; set; }
    [BindProperty] public Guid? LinkTo { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid goalId, CancellationToken ct)
    {
        if (!await LoadAsync(goalId, ct)) return NotFound();
        FillForm();
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid goalId, CancellationToken ct) =>
        await After(goalId, (await handlers.UpdateAsync(Me, goalId, new GoalInput(Input.Title, Input.WhyItMatters, Input.TargetDate, Input.MeasurableOutcome, Input.Version), ct)).Error, "Goal saved.", "Input", ct);

    public async Task<IActionResult> OnPostDeleteAsync(Guid goalId, CancellationToken ct)
    {
        if (await handlers.DeleteAsync(Me, goalId, ct) is not null) return NotFound();
        TempData["Status"] = "Goal deleted.";
        return Redirect("/Goals");
    }

    public async Task<IActionResult> OnPostAddMilestoneAsync(Guid goalId, CancellationToken ct) =>
        await After(goalId, (await handlers.AddMilestoneAsync(Me, goalId, new MilestoneInput(Milestone.Title, Milestone.DueDate), ct)).Error, "Milestone added.", "Milestone", ct);

    public async Task<IActionResult> OnPostToggleMilestoneAsync(Guid goalId, Guid milestoneId, CancellationToken ct)
    {
        var goal = await handlers.GetMineAsync(Me, goalId, ct);
        if (goal.Value?.Milestones.SingleOrDefault(m => m.Id == milestoneId) is not { } m) return NotFound();
        return await After(goalId, (await handlers.ChangeMilestoneAsync(Me, goalId, milestoneId, new MilestoneInput(m.Title, m.DueDate, !m.Done), ct)).Error,
            m.Done ? "Milestone reopened." : "Milestone done.", "Milestone", ct);
    }

    public async Task<IActionResult> OnPostRemoveMilestoneAsync(Guid goalId, Guid milestoneId, CancellationToken ct) =>
        await After(goalId, (await handlers.RemoveMilestoneAsync(Me, goalId, milestoneId, ct)).Error, "Milestone removed.", "Milestone", ct);

    public async Task<IActionResult> OnPostAddNoteAsync(Guid goalId, CancellationToken ct) =>
        await After(goalId, (await handlers.AddNoteAsync(Me, goalId, new NoteInput(NoteText), ct)).Error, "Note added.", "", ct, textField: "NoteText");

    public async Task<IActionResult> OnPostLinkAsync(Guid goalId, CancellationToken ct) =>
        await After(goalId, (await handlers.LinkAsync(Me, goalId, new LinkRequest(LinkTo), ct)).Error, "Goal shared.", "", ct, textField: "LinkTo");

    public async Task<IActionResult> OnPostUnlinkAsync(Guid goalId, Guid mentorshipId, CancellationToken ct) =>
        await After(goalId, (await handlers.UnlinkAsync(Me, goalId, mentorshipId, ct)).Error, "The goal is no longer shared with that mentorship.", "", ct);

    private async Task<IActionResult> After(Guid goalId, Error? error, string done, string prefix, CancellationToken ct, string? textField = null)
    {
        if (error is null)
        {
            TempData["Status"] = done;
            return Redirect(GoalHandlers.MineLink(goalId));
        }
        if (error is NotFoundError && textField is null) return NotFound();
        if (error is Invalid invalid && textField is not null)
            foreach (var message in invalid.Errors.Values.SelectMany(m => m)) ModelState.AddModelError(textField, message);
        else AddErrors(error, prefix);
        if (!await LoadAsync(goalId, ct)) return NotFound();
        if (prefix != "Input") FillForm();
        return Page();
    }

    private void FillForm() =>
        Input = new IndexModel.GoalForm { Title = Goal.Title, WhyItMatters = Goal.WhyItMatters, TargetDate = Goal.TargetDate, MeasurableOutcome = Goal.MeasurableOutcome, Version = Goal.Version };

    private async Task<bool> LoadAsync(Guid goalId, CancellationToken ct)
    {
        var goal = await handlers.GetMineAsync(Me, goalId, ct);
        if (!goal.IsSuccess) return false;
        Goal = goal.Value;
        Linkable = (await handlers.LinkableMentorshipsAsync(Me, ct)).Where(l => Goal.Links.All(x => x.MentorshipId != l.MentorshipId)).ToList();
        return true;
    }

    public sealed class MilestoneForm
    {
        public string? Title { get; set; }
        public DateOnly? DueDate { get; set; }
    }
}
