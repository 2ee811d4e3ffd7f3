using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Reviews;

public static class ReviewsApi
{
    public static void MapReviews(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/mentorships/{id:guid}/reviews").WithTags("Reviews").RequireAuthorization(Policies.Member);
        group.MapGet("", List).WithName("ListReviews")
            .WithSummary("Past and open reviews of the mentorship: my own answers and, once both have answered, the shared summary. Never the other member's answers.");
        group.MapGet("/current", Current).WithName("GetCurrentReview")
            .WithSummary("The review open now (or the last one) and when the next is due.");
        group.MapPost("/start", Start).WithName("StartReview")
            .WithSummary("Start a review now instead of waiting for the agreed interval; the other member is told.");
        group.MapPost("/answer", AnswerReview).WithName("AnswerReview")
            .WithSummary("Answer the open review privately: score 1–5, what goes well, what should change, direction (KeepGoing, MeetMoreOften, MeetLessOften, WrapUp), wantsRevision.");
    }

    private static async Task<Results<Ok<IReadOnlyList<ReviewView>>, ProblemHttpResult>> List(Guid id, HttpContext http, ReviewHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.ListAsync(http.User.MemberId(), id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<CurrentReviewView>, ProblemHttpResult>> Current(Guid id, HttpContext http, ReviewHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.CurrentAsync(http.User.MemberId(), id, ct));

    private static async Task<Results<Ok<CurrentReviewView>, ProblemHttpResult>> Start(Guid id, HttpContext http, ReviewHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.StartAsync(http.User.MemberId(), id, ct));

    private static async Task<Results<Ok<CurrentReviewView>, ProblemHttpResult>> AnswerReview(Guid id, ReviewAnswerInput input, HttpContext http, ReviewHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.AnswerAsync(http.User.MemberId(), id, input, ct));

    private static Results<Ok<CurrentReviewView>, ProblemHttpResult> Answer(Result<CurrentReviewView> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
}
