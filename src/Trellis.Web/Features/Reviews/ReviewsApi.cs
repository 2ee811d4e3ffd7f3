using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Reviews;

public static class ReviewsApi
{
    public static void MapReviews(this RouteGroupBuilder api)
    {
        var group = api.MapMentorshipGroup("/reviews", "Reviews");
        group.MapGet("", List).WithName("ListReviews")
            .WithSummary("Past and open reviews of the mentorship: my own answers and, once both have answered, the shared summary. Never the other member's answers.");
        group.MapGet("/current", Current).WithName("GetCurrentReview")
            .WithSummary("The review open now (or the last one) and when the next is due.");
        group.MapPost("/start", Start).WithName("StartReview")
            .WithSummary("Start a review now instead of waiting for the agreed interval; the other member is told.");
        group.MapPost("/answer", AnswerReview).WithName("AnswerReview")
            .WithSummary("Answer the open review privately: score 1–5, what goes well, what should change, direction (KeepGoing, MeetMoreOften, MeetLessOften, WrapUp), wantsRevision.");
    }

    private static async Task<Ok<IReadOnlyList<ReviewView>>> List(MentorshipMembership m, ReviewHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.ListAsync(m, ct));

    private static async Task<Ok<CurrentReviewView>> Current(MentorshipMembership m, ReviewHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.CurrentAsync(m, ct));

    private static Task<Results<Ok<CurrentReviewView>, ProblemHttpResult>> Start(
        MentorshipMembership m, ReviewHandlers handlers, CancellationToken ct) => handlers.StartAsync(m, ct).ToOk();

    private static Task<Results<Ok<CurrentReviewView>, ProblemHttpResult>> AnswerReview(
        MentorshipMembership m, ReviewAnswerInput input, ReviewHandlers handlers, CancellationToken ct) =>
        handlers.AnswerAsync(m, input, ct).ToOk();
}
