using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Meetings;

/// <summary>One meeting: its time in the viewer's zone, answers (accept, new time, cancel), agenda, notes
/// (shared, and the viewer's own private ones), and action items.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class MeetingModel(MeetingHandlers handlers, MentorshipAccess access) : TrellisPageModel
{
    public MentorshipMembership? Membership { get; private set; }
    public MeetingDetails? Details { get; private set; }

    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public RescheduleForm Reschedule { get; set; } = new();
    [BindProperty] public string? CancelNote { get; set; }
    [BindProperty] public string? AgendaText { get; set; }
    [BindProperty] public string? CallDetailsText { get; set; }
    [BindProperty] public NoteForm Note { get; set; } = new();
    [BindProperty] public ActionForm Action { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid meetingId, CancellationToken ct) => await LoadAsync(id, meetingId, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAcceptAsync(Guid id, Guid meetingId, CancellationToken ct) =>
        Act(id, meetingId, handlers.AcceptAsync(Me, id, meetingId, new AcceptMeetingRequest(Version), ct), "The meeting is confirmed.", "", ct);

    public Task<IActionResult> OnPostRescheduleAsync(Guid id, Guid meetingId, CancellationToken ct) =>
        Act(id, meetingId, handlers.RescheduleAsync(Me, id, meetingId, new RescheduleMeetingRequest(Version, Reschedule.Start, null, Reschedule.Minutes), ct),
            "The new time is proposed; the other member can accept it.", "Reschedule", ct);

    public Task<IActionResult> OnPostCancelAsync(Guid id, Guid meetingId, CancellationToken ct) =>
        Act(id, meetingId, handlers.CancelAsync(Me, id, meetingId, new CancelMeetingRequest(Version, CancelNote), ct), "The meeting is cancelled.", "Cancel", ct);

    public Task<IActionResult> OnPostCallAsync(Guid id, Guid meetingId, CancellationToken ct) =>
        Act(id, meetingId, handlers.SetCallDetailsAsync(Me, id, meetingId, new CallDetailsRequest(Version, CallDetailsText), ct),
            "How to join is saved; the other member is told.", "Call", ct);

    public Task<IActionResult> OnPostAgendaAsync(Guid id, Guid meetingId, CancellationToken ct) =>
        Act(id, meetingId, handlers.AddAgendaItemAsync(Me, id, meetingId, new AgendaItemRequest(AgendaText), ct), "Added to the agenda.", "Agenda", ct);

    public Task<IActionResult> OnPostNoteAsync(Guid id, Guid meetingId, CancellationToken ct) =>
        Act(id, meetingId, handlers.AddNoteAsync(Me, id, meetingId, new NoteRequest(Note.Text, Note.Private), ct),
            Note.Private ? "Your private note is saved; only you can see it." : "Your note is shared.", "Note", ct);

    public Task<IActionResult> OnPostActionAsync(Guid id, Guid meetingId, CancellationToken ct) =>
        Act(id, meetingId, handlers.AddActionItemAsync(Me, id, meetingId, new ActionItemRequest(Action.Text, Action.OwnerId, Action.DueOn), ct), "Action item added.", "Action", ct);

    public Task<IActionResult> OnPostDoneAsync(Guid id, Guid meetingId, Guid actionId, bool done, CancellationToken ct) =>
        Act(id, meetingId, handlers.SetActionDoneAsync(Me, id, meetingId, actionId, new ActionDoneRequest(done), ct), done ? "Marked done." : "Marked not done.", "", ct);

    private async Task<IActionResult> Act(Guid id, Guid meetingId, Task<Result<MeetingDetails>> action, string done, string prefix, CancellationToken ct)
    {
        var result = await action;
        if (result.IsSuccess)
        {
            TempData["Status"] = done;
            return Redirect(MeetingHandlers.Link(id, meetingId));
        }
        if (result.Error is NotFoundError) return NotFound();
        if (result.Error is Invalid invalid && prefix is "Cancel" or "Agenda" or "Call")
            foreach (var message in invalid.Errors.Values.SelectMany(m => m))
                ModelState.AddModelError(prefix switch { "Cancel" => "CancelNote", "Agenda" => "AgendaText", _ => "CallDetailsText" }, message);
        else AddErrors(result.Error, prefix);
        if (!await LoadAsync(id, meetingId, ct)) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, Guid meetingId, CancellationToken ct)
    {
        Membership = await access.FindAsync(Me, id, ct);
        if (Membership is null) return false;
        Details = (await handlers.GetAsync(Me, id, meetingId, ct)).Value;
        return Details is not null;
    }

    public sealed class RescheduleForm
    {
        public string? Start { get; set; }
        public int? Minutes { get; set; }
    }

    public sealed class NoteForm
    {
        public string? Text { get; set; }
        public bool Private { get; set; }
    }

    public sealed class ActionForm
    {
        public string? Text { get; set; }
        public Guid? OwnerId { get; set; }
        public DateOnly? DueOn { get; set; }
    }
}
