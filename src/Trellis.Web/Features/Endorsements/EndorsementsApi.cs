using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Endorsements;

public static class EndorsementsApi
{
    public static void MapEndorsements(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/mentorships/{id:guid}/endorsement").WithTags("Endorsements").RequireAuthorization(Policies.Member);
        group.MapGet("", Get).WithName("GetEndorsement")
            .WithSummary("The endorsement of this mentorship, if written, and whether the mentee may write one now.");
        group.MapPost("", Write).WithName("WriteEndorsement")
            .WithSummary("The mentee endorses the mentor, once the mentorship completed or has run three months. It stays private until the mentor publishes it.");
        group.MapPost("/publish", Publish).WithName("PublishEndorsement")
            .WithSummary("The mentor shows the endorsement on their profile.");
        group.MapPost("/unpublish", Unpublish).WithName("UnpublishEndorsement")
            .WithSummary("The mentor takes the endorsement off their profile (it is kept).");
        group.MapDelete("", Withdraw).WithName("WithdrawEndorsement")
            .WithSummary("Either member withdraws the endorsement: it is deleted.");

        api.MapGet("/me/impact", MyImpact).WithTags("Endorsements").WithName("GetMyImpact").RequireAuthorization(Policies.Member)
            .WithSummary("My impact as a mentor: mentees helped, mentorships completed, hours of meetings, published endorsements.");
        api.MapGet("/members/{id:guid}/endorsements", TrackRecord).WithTags("Endorsements").WithName("GetMemberTrackRecord").RequireAuthorization(Policies.Member)
            .WithSummary("A mentor's impact and the endorsements they chose to show; 404 if their profile is not visible to me.");
    }

    private static async Task<Results<Ok<MentorshipEndorsementView>, ProblemHttpResult>> Get(Guid id, HttpContext http, EndorsementHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.GetAsync(http.User.MemberId(), id, ct));

    private static async Task<Results<Created<MentorshipEndorsementView>, ProblemHttpResult>> Write(Guid id, EndorsementRequest request, HttpContext http, EndorsementHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.WriteAsync(http.User.MemberId(), id, request, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/mentorships/{id}/endorsement", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<MentorshipEndorsementView>, ProblemHttpResult>> Publish(Guid id, HttpContext http, EndorsementHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.PublishAsync(http.User.MemberId(), id, ct));

    private static async Task<Results<Ok<MentorshipEndorsementView>, ProblemHttpResult>> Unpublish(Guid id, HttpContext http, EndorsementHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.UnpublishAsync(http.User.MemberId(), id, ct));

    private static async Task<Results<Ok<MentorshipEndorsementView>, ProblemHttpResult>> Withdraw(Guid id, HttpContext http, EndorsementHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.WithdrawAsync(http.User.MemberId(), id, ct));

    private static async Task<Ok<Impact>> MyImpact(HttpContext http, EndorsementHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.MyImpactAsync(http.User.MemberId(), ct));

    private static async Task<Results<Ok<TrackRecordView>, ProblemHttpResult>> TrackRecord(Guid id, HttpContext http, EndorsementHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.TrackRecordAsync(http.User.MemberId(), id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static Results<Ok<MentorshipEndorsementView>, ProblemHttpResult> Answer(Result<MentorshipEndorsementView> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
}
