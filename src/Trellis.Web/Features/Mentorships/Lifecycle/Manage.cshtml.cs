using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Mentorships.Lifecycle;

/// <summary>Pause, resume, complete, extend or end a mentorship, and write one's reflection afterwards.
/// Ending asks for confirmation first (?confirm=end). Only its two members get anything but 404.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class ManageModel(LifecycleHandlers lifecycle, MentorshipAccess access) : TrellisPageModel
{
    /// <summary>Meetings still to come, for "which to cancel" when pausing.</summary>
    public IReadOnlyList<Workspace.UpcomingMeeting> Upcoming { get; private set; } = [];

    public LifecycleView? Lifecycle { get; private set; }
    public MentorshipMembership? Membership { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Confirm { get; set; }
    [BindProperty] public PauseForm Pause { get; set; } = new();
    [BindProperty] public ExtendForm Extend { get; set; } = new();
    [BindProperty] public EndForm End { get; set; } = new();
    [BindProperty] public ReflectionForm Reflection { get; set; } = new();

    public bool ConfirmingEnd => Confirm == "end" && Lifecycle?.IsRunning == true;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Lifecycle!.MyReflection is { } r) Reflection = new ReflectionForm { Learned = r.Learned, HelpedMost = r.HelpedMost };
        return Page();
    }

    public Task<IActionResult> OnPostPauseAsync(Guid id, CancellationToken ct) =>
        Act(id, lifecycle.PauseAsync(Me, id, new PauseRequest(Pause.ResumeOn, Pause.Asked ? Pause.CancelMeetings : null), ct),
            "The mentorship is paused.", "Pause", ct);

    public Task<IActionResult> OnPostResumeAsync(Guid id, CancellationToken ct) =>
        Act(id, lifecycle.ResumeAsync(Me, id, ct), "The mentorship is active again.", "", ct);

    public Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct) =>
        Act(id, lifecycle.CompleteAsync(Me, id, ct), null, "", ct);

    public Task<IActionResult> OnPostDeclineCompletionAsync(Guid id, CancellationToken ct) =>
        Act(id, lifecycle.DeclineCompletionAsync(Me, id, ct), "The mentorship continues.", "", ct);

    public Task<IActionResult> OnPostExtendAsync(Guid id, CancellationToken ct) =>
        Act(id, lifecycle.ExtendAsync(Me, id, new ExtendRequest(Extend.Months), ct), "The mentorship is extended.", "Extend", ct);

    public Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken ct) =>
        Act(id, lifecycle.EndAsync(Me, id, new EndRequest(End.Reason, End.Note), ct), "The mentorship has ended. Thank you for the care you gave it.", "End", ct);

    public Task<IActionResult> OnPostReflectAsync(Guid id, CancellationToken ct) =>
        Act(id, lifecycle.ReflectAsync(Me, id, new ReflectionRequest(Reflection.Learned, Reflection.HelpedMost), ct), "Your reflection is saved. Only you can read it.", "Reflection", ct);

    private async Task<IActionResult> Act(Guid id, Task<Result<LifecycleView>> action, string? done, string prefix, CancellationToken ct)
    {
        var result = await action;
        if (result.IsSuccess)
        {
            TempData["Status"] = done ?? (result.Value.Status == MentorshipStatus.Completed
                ? "The mentorship is completed. Congratulations!"
                : "You proposed completing the mentorship; it waits for the other member to confirm.");
            return Redirect($"/Mentorships/{id}/Manage");
        }
        if (result.Error is NotFoundError) return NotFound();
        AddErrors(result.Error, prefix);
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Membership = await access.FindAsync(Me, id, ct);
        var result = await lifecycle.GetAsync(Me, id, ct);
        Lifecycle = result.Value;
        if (Membership is null || !result.IsSuccess) return false;
        Upcoming = await lifecycle.UpcomingMeetingsAsync(Me, id, ct);
        return true;
    }

    public sealed class PauseForm
    {
        public DateOnly? ResumeOn { get; set; }
        /// <summary>True when the form showed the meetings to choose from (then the list is the choice, even empty).</summary>
        public bool Asked { get; set; }
        public List<Guid> CancelMeetings { get; set; } = [];
    }

    public sealed class ExtendForm
    {
        public int? Months { get; set; }
    }

    public sealed class EndForm
    {
        public EndReason? Reason { get; set; }
        public string? Note { get; set; }
    }

    public sealed class ReflectionForm
    {
        public string? Learned { get; set; }
        public string? HelpedMost { get; set; }
    }
}
