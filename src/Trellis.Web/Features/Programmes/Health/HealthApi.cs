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
        one.MapGet("/nudge-settings", Settings).WithName("GetProgrammeNudgeSettings")
            .WithSummary("The programme's automatic nudges: each kind on or off and its threshold (weeks 1-26, days 1-60).");
        one.MapPut("/nudge-settings", SaveSettings).WithName("UpdateProgrammeNudgeSettings")
            .WithSummary("Turn automatic nudges on or off and set their thresholds; 400 naming each bad field, 409 if version is stale.");
    }

    private static async Task<Results<Ok<NudgeSettingsView>, ProblemHttpResult>> Settings(Guid id, HttpContext http,
        NudgeSettingsHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.GetAsync(http.User.MemberId(), id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<NudgeSettingsView>, ProblemHttpResult>> SaveSettings(Guid id, NudgeSettingsInput input, HttpContext http,
        NudgeSettingsHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.SaveAsync(http.User.MemberId(), id, input, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
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
