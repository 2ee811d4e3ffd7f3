using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.CheckIns;

public static class CheckInsApi
{
    public static void MapCheckIns(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/mentorships/{id:guid}/checkins").WithTags("Check-ins").RequireAuthorization(Policies.Member);
        group.MapGet("", List).WithName("ListCheckIns")
            .WithSummary("The mentorship's check-ins (open and overdue first) and the agreement's expected answer time.");
        group.MapPost("", Raise).WithName("RaiseCheckIn")
            .WithSummary("The mentee asks for guidance (Markdown) with an urgency: CanWaitForNextMeeting, ThisWeek or Today. The mentor is told at once; for Today even if they chose a digest.");
        group.MapGet("/{checkInId:guid}", Get).WithName("GetCheckIn");
        group.MapPost("/{checkInId:guid}/answer", Answer).WithName("AnswerCheckIn")
            .WithSummary("The mentor answers (Markdown), once.");
        group.MapPost("/{checkInId:guid}/resolve", Resolve).WithName("ResolveCheckIn")
            .WithSummary("The mentee marks the check-in resolved.");
    }

    private static async Task<Results<Ok<CheckInsView>, ProblemHttpResult>> List(Guid id, HttpContext http, CheckInHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.ListAsync(http.User.MemberId(), id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Created<CheckInView>, ProblemHttpResult>> Raise(Guid id, RaiseCheckIn request, HttpContext http, CheckInHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.RaiseAsync(http.User.MemberId(), id, request, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/mentorships/{id}/checkins/{result.Value.Id}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<CheckInView>, ProblemHttpResult>> Get(Guid id, Guid checkInId, HttpContext http, CheckInHandlers handlers, CancellationToken ct) =>
        Reply(await handlers.GetAsync(http.User.MemberId(), id, checkInId, ct));

    private static async Task<Results<Ok<CheckInView>, ProblemHttpResult>> Answer(Guid id, Guid checkInId, AnswerCheckIn request, HttpContext http, CheckInHandlers handlers, CancellationToken ct) =>
        Reply(await handlers.AnswerAsync(http.User.MemberId(), id, checkInId, request, ct));

    private static async Task<Results<Ok<CheckInView>, ProblemHttpResult>> Resolve(Guid id, Guid checkInId, HttpContext http, CheckInHandlers handlers, CancellationToken ct) =>
        Reply(await handlers.ResolveAsync(http.User.MemberId(), id, checkInId, ct));

    private static Results<Ok<CheckInView>, ProblemHttpResult> Reply(Result<CheckInView> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
}
