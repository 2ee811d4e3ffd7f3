using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Mentorships.Requests;

/// <summary>One mentorship: the agreement in force or on the table, every version with what changed,
/// questions, and the answers the member may give now. Only its two members get anything but 404.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class DetailsModel(MentorshipHandlers handlers) : TrellisPageModel
{
    public MentorshipView? Mentorship { get; private set; }

    [BindProperty] public DeclineForm Decline { get; set; } = new();
    [BindProperty] public string? Question { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAcceptAsync(Guid id, int version, CancellationToken ct) =>
        Act(id, handlers.AcceptAsync(Me, id, new AcceptRequest(version), ct), m => m.Status == MentorshipStatus.Active
            ? "You accepted: the mentorship has started."
            : $"You accepted the match: it starts when {(m.MyRole == Party.Mentee ? m.MentorName : m.MenteeName)} accepts it too.", ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct) =>
        Act(id, handlers.DeclineAsync(Me, id, new DeclineRequest(Decline.Reason, Decline.Message), ct),
            m => m.DirectStart ? "You declined the match." : "You declined the request. Thank you for answering.", ct, "Decline");

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) =>
        Act(id, handlers.WithdrawAsync(Me, id, ct), "You withdrew your request.", ct);

    public Task<IActionResult> OnPostAskAsync(Guid id, CancellationToken ct) =>
        Act(id, handlers.AskAsync(Me, id, new QuestionRequest(Question), ct), "Your question is sent.", ct, "Question");

    private Task<IActionResult> Act(Guid id, Task<Result<MentorshipView>> action, string done, CancellationToken ct, string prefix = "Input") =>
        Act(id, action, _ => done, ct, prefix);

    private async Task<IActionResult> Act(Guid id, Task<Result<MentorshipView>> action, Func<MentorshipView, string> done, CancellationToken ct,
        string prefix = "Input")
    {
        var result = await action;
        if (result.IsSuccess)
        {
            TempData["Status"] = done(result.Value!);
            return Redirect($"/Mentorships/{id}");
        }
        if (result.Error is NotFoundError) return NotFound();
        if (result.Error is Invalid invalid && prefix == "Question")
            foreach (var message in invalid.Errors.Values.SelectMany(m => m)) ModelState.AddModelError("Question", message);
        else AddErrors(result.Error, prefix);
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await handlers.GetAsync(Me, id, ct);
        Mentorship = result.Value;
        return result.IsSuccess;
    }

    public sealed class DeclineForm
    {
        public DeclineReason? Reason { get; set; }
        public string? Message { get; set; }
    }
}
