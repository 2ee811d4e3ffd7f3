using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Reviews;

/// <summary>The mentorship's reviews: the open one to answer privately, the shared summaries, my own past answers.
/// The form binds the API's own <see cref="ReviewAnswerInput"/> and checks it by its annotations first.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class ReviewsModel(ReviewHandlers handlers) : MentorshipPageModel
{
    public CurrentReviewView? Current { get; private set; }
    public IReadOnlyList<ReviewView> History { get; private set; } = [];

    [BindProperty] public ReviewAnswerInput Input { get; set; } = new(null, null, null, null, null);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(CancellationToken ct)
    {
        if (!await ValidAsync(Input, ct)) return await OnGetAsync(ct);
        return await DoneAsync(await handlers.AnswerAsync(Membership, Input, ct),
            "Thank you. Your answers stay private; the summary appears once you have both answered.", ct);
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct) =>
        await DoneAsync(await handlers.StartAsync(Membership, ct), "The review is open; the other member has been told.", ct);

    private async Task<IActionResult> DoneAsync(Result<CurrentReviewView> result, string done, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            TempData["Status"] = done;
            return Redirect(ReviewHandlers.Link(Membership.MentorshipId));
        }
        if (result.Error is NotFoundError) return NotFound();
        AddErrors(result.Error);
        return await OnGetAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Current = await handlers.CurrentAsync(Membership, ct);
        History = await handlers.ListAsync(Membership, ct);
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
