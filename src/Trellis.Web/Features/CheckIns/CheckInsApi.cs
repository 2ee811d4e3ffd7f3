using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.CheckIns;

public static class CheckInsApi
{
    public static void MapCheckIns(this RouteGroupBuilder api)
    {
        var group = api.MapMentorshipGroup("/checkins", "Check-ins");
        group.MapGet("", List).WithName("ListCheckIns")
            .WithSummary("The mentorship's check-ins (open and overdue first) and the agreement's expected answer time.");
        group.MapPost("", Raise).WithName("RaiseCheckIn")
            .WithSummary("The mentee asks for guidance (Markdown) with an urgency: CanWaitForNextMeeting, ThisWeek or " +
                "Today. The mentor is told at once; for Today even if they chose a digest.");
        var one = group.MapGroup("/{checkInId:guid}")
            .RequireChild("checkInId", (db, mentorshipId, checkInId) =>
                db.CheckIns.Where(c => c.Id == checkInId && c.MentorshipId == mentorshipId));
        one.MapGet("", Get).WithName("GetCheckIn");
        one.MapPost("/answer", Answer).WithName("AnswerCheckIn")
            .WithSummary("The mentor answers (Markdown), once.");
        one.MapPost("/resolve", Resolve).WithName("ResolveCheckIn")
            .WithSummary("The mentee marks the check-in resolved.");
    }

    private static async Task<Ok<CheckInsView>> List(MentorshipMembership m, CheckInHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.ListAsync(m, ct));

    private static Task<Results<Created<CheckInView>, ProblemHttpResult>> Raise(
        MentorshipMembership m, RaiseCheckIn request, CheckInHandlers handlers, CancellationToken ct) =>
        handlers.RaiseAsync(m, request, ct).ToCreated(c => $"/api/v1/mentorships/{m.MentorshipId}/checkins/{c.Id}");

    private static Task<Results<Ok<CheckInView>, ProblemHttpResult>> Get(
        MentorshipMembership m, Guid checkInId, CheckInHandlers handlers, CancellationToken ct) =>
        handlers.GetAsync(m, checkInId, ct).ToOk();

    private static Task<Results<Ok<CheckInView>, ProblemHttpResult>> Answer(
        MentorshipMembership m, Guid checkInId, AnswerCheckIn request, CheckInHandlers handlers, CancellationToken ct) =>
        handlers.AnswerAsync(m, checkInId, request, ct).ToOk();

    private static Task<Results<Ok<CheckInView>, ProblemHttpResult>> Resolve(
        MentorshipMembership m, Guid checkInId, CheckInHandlers handlers, CancellationToken ct) =>
        handlers.ResolveAsync(m, checkInId, ct).ToOk();
}
