using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Reviews;

/// <summary>The mentorship's reviews: the open one to answer privately, the shared summaries, my own past answers.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class ReviewsModel(ReviewHandlers handlers, MentorshipAccess access) : TrellisPageModel
{
    public MentorshipMembership? Membership { get; private set; }
    public CurrentReviewView? Current { get; private set; }
    public IReadOnlyList<ReviewView> History { get; private set; } = [];

    [BindProperty] public AnswerForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct)
    {
        var result = await handlers.AnswerAsync(Me, id, new ReviewAnswerInput(Input.Score, Input.GoingWell, Input.ShouldChange, Input.Direction, Input.WantsRevision), ct);
        return await DoneAsync(id, result, "Thank you. Your answers stay private; the summary appears once you have both answered.", ct);
    }

    public async Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct) =>
        await DoneAsync(id, await handlers.StartAsync(Me, id, ct), "The review is open; the other member has been told.", ct);

    private async Task<IActionResult> DoneAsync(Guid id, Result<CurrentReviewView> result, string done, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            TempData["Status"] = done;
            return Redirect(ReviewHandlers.Link(id));
        }
        if (result.Error is NotFoundError) return NotFound();
        AddErrors(result.Error);
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Membership = await access.FindAsync(Me, id, ct);
        if (Membership is null) return false;
        Current = (await handlers.CurrentAsync(Me, id, ct)).Value;
        History = (await handlers.ListAsync(Me, id, ct)).Value ?? [];
        return true;
    }

    public sealed class AnswerForm
    {
        public int? Score { get; set; }
        public string? GoingWell { get; set; }
        public string? ShouldChange { get; set; }
        public ReviewDirection? Direction { get; set; }
        public bool WantsRevision { get; set; }
    }

    public static string DirectionText(ReviewDirection d) => d switch
    {
        ReviewDirection.KeepGoing => "Keep going as we are",
        ReviewDirection.MeetMoreOften => "Keep going, and meet more often",
        ReviewDirection.MeetLessOften => "Keep going, and meet less often",
        ReviewDirection.WrapUp => "I think we could wrap up",
        _ => d.ToString(),
    };
}
