using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Mentorships.Lifecycle;

/// <summary>Pausing, completing, extending, ending and reflecting; added to the mentorships group (policy Member).</summary>
public static class LifecycleApi
{
    public static void MapLifecycle(this RouteGroupBuilder mentorships)
    {
        mentorships.MapGet("/{id:guid}/lifecycle", Get).WithName("GetMentorshipLifecycle")
            .WithSummary("Pause, completion proposal, planned end, and (for the member who ended it) the private end reason; my own reflection.");
        mentorships.MapPost("/{id:guid}/pause", Pause).WithName("PauseMentorship")
            .WithSummary("Pause an active mentorship (meetings and reminders stop), optionally until resumeOn, a day after today. The slot is kept.");
        mentorships.MapPost("/{id:guid}/resume", Resume).WithName("ResumeMentorship")
            .WithSummary("Resume a paused mentorship.");
        mentorships.MapPost("/{id:guid}/complete", Complete).WithName("CompleteMentorship")
            .WithSummary("Propose completing the mentorship, or confirm the other member's proposal (then it is completed and both slots are freed).");
        mentorships.MapPost("/{id:guid}/complete/decline", DeclineCompletion).WithName("DeclineCompletion")
            .WithSummary("Say \"not yet\" to the other member's proposal to complete; the mentorship continues.");
        mentorships.MapPost("/{id:guid}/extend", Extend).WithName("ExtendMentorship")
            .WithSummary("Move the planned end later by 1–24 months; the other member is told.");
        mentorships.MapPost("/{id:guid}/end", End).WithName("EndMentorship")
            .WithSummary("End the mentorship now, without blame. The optional reason (NotWorking, NoTime, GoalsChanged, LifeChanged, Other) and note are private to you.");
        mentorships.MapPost("/{id:guid}/reflection", Reflect).WithName("WriteReflection")
            .WithSummary("Write or rewrite my private reflection (learned, helpedMost) on a completed or ended mentorship.");
    }

    private static async Task<Results<Ok<LifecycleView>, ProblemHttpResult>> Get(Guid id, HttpContext http, LifecycleHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.GetAsync(http.User.MemberId(), id, ct));

    private static async Task<Results<Ok<LifecycleView>, ProblemHttpResult>> Pause(Guid id, PauseRequest? request, HttpContext http, LifecycleHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.PauseAsync(http.User.MemberId(), id, request ?? new PauseRequest(null), ct));

    private static async Task<Results<Ok<LifecycleView>, ProblemHttpResult>> Resume(Guid id, HttpContext http, LifecycleHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.ResumeAsync(http.User.MemberId(), id, ct));

    private static async Task<Results<Ok<LifecycleView>, ProblemHttpResult>> Complete(Guid id, HttpContext http, LifecycleHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.CompleteAsync(http.User.MemberId(), id, ct));

    private static async Task<Results<Ok<LifecycleView>, ProblemHttpResult>> DeclineCompletion(Guid id, HttpContext http, LifecycleHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.DeclineCompletionAsync(http.User.MemberId(), id, ct));

    private static async Task<Results<Ok<LifecycleView>, ProblemHttpResult>> Extend(Guid id, ExtendRequest request, HttpContext http, LifecycleHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.ExtendAsync(http.User.MemberId(), id, request, ct));

    private static async Task<Results<Ok<LifecycleView>, ProblemHttpResult>> End(Guid id, EndRequest? request, HttpContext http, LifecycleHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.EndAsync(http.User.MemberId(), id, request ?? new EndRequest(null, null), ct));

    private static async Task<Results<Ok<LifecycleView>, ProblemHttpResult>> Reflect(Guid id, ReflectionRequest request, HttpContext http, LifecycleHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.ReflectAsync(http.User.MemberId(), id, request, ct));

    private static Results<Ok<LifecycleView>, ProblemHttpResult> Answer(Result<LifecycleView> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
}
