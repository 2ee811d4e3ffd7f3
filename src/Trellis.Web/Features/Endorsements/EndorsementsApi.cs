using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Endorsements;

public static class EndorsementsApi
{
    public static void MapEndorsements(this RouteGroupBuilder api)
    {
        var group = api.MapMentorshipGroup("/endorsement", "Endorsements");
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

        var members = api.MapMemberGroup("", "Endorsements");
        members.MapGet("/me/impact", MyImpact).WithName("GetMyImpact")
            .WithSummary("My impact as a mentor: mentees helped, mentorships completed, hours of meetings, published endorsements.");
        members.MapGet("/members/{id:guid}/endorsements", TrackRecord).WithName("GetMemberTrackRecord")
            .WithSummary("A mentor's impact and the endorsements they chose to show; 404 if their profile is not visible to me.");
    }

    private static async Task<Ok<MentorshipEndorsementView>> Get(MentorshipMembership m, EndorsementHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.GetAsync(m, ct));

    private static Task<Results<Created<MentorshipEndorsementView>, ProblemHttpResult>> Write(
        MentorshipMembership m, EndorsementRequest request, EndorsementHandlers handlers, CancellationToken ct) =>
        handlers.WriteAsync(m, request, ct).ToCreated(_ => $"/api/v1/mentorships/{m.MentorshipId}/endorsement");

    private static Task<Results<Ok<MentorshipEndorsementView>, ProblemHttpResult>> Publish(
        MentorshipMembership m, EndorsementHandlers handlers, CancellationToken ct) => handlers.PublishAsync(m, ct).ToOk();

    private static Task<Results<Ok<MentorshipEndorsementView>, ProblemHttpResult>> Unpublish(
        MentorshipMembership m, EndorsementHandlers handlers, CancellationToken ct) => handlers.UnpublishAsync(m, ct).ToOk();

    private static Task<Results<Ok<MentorshipEndorsementView>, ProblemHttpResult>> Withdraw(
        MentorshipMembership m, EndorsementHandlers handlers, CancellationToken ct) => handlers.WithdrawAsync(m, ct).ToOk();

    private static async Task<Ok<Impact>> MyImpact(CurrentMember me, EndorsementHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.MyImpactAsync(me, ct));

    private static Task<Results<Ok<TrackRecordView>, ProblemHttpResult>> TrackRecord(
        Guid id, CurrentMember me, EndorsementHandlers handlers, CancellationToken ct) =>
        handlers.TrackRecordAsync(me.Id, id, ct).ToOk();
}
