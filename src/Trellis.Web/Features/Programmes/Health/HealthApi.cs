using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Health;

public static class HealthApi
{
    /// <summary>Under /programmes/{id}: 404 for anyone who does not coordinate the programme.</summary>
    public static void MapHealth(this RouteGroupBuilder one)
    {
        one.MapGet("/health", Get).WithName("GetProgrammeHealth")
            .WithSummary("The programme's pair health: active, needing help and healthy counts, and each pair with its signals " +
                         "(NoMeeting, LowReview, CheckInOverdue, RequestUnanswered) — signals only, never content.");
        one.MapPost("/health/{mentorshipId:guid}/nudge", Nudge).WithName("NudgeProgrammePair")
            .WithSummary("Send both members of one of the programme's pairs a nudge (notification, and e-mail as each prefers). " +
                         "409 within 24 hours of the pair's last nudge.");
    }

    private static async Task<Results<Ok<ProgrammeHealth>, ProblemHttpResult>> Get(Guid id, HttpContext http, ProgrammeAccess access,
        PairHealth health, CancellationToken ct) =>
        await access.FindAsync(http.User.MemberId(), id, ct) is null
            ? new NotFoundError().ToProblem()
            : TypedResults.Ok(await health.OfAsync(id, ct));

    private static async Task<Results<Ok<NudgeSent>, ProblemHttpResult>> Nudge(Guid id, Guid mentorshipId, HttpContext http,
        PairNudges nudges, CancellationToken ct)
    {
        var result = await nudges.NudgeAsync(http.User.MemberId(), id, mentorshipId, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
