using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Goals;

public static class GoalsApi
{
    public static void MapGoals(this RouteGroupBuilder api)
    {
        var mine = api.MapGroup("/me/goals").WithTags("Goals").RequireAuthorization(Policies.Member);
        mine.MapGet("", ListMine).WithName("ListMyGoals").WithSummary("My career goals, with milestones, progress notes and the mentorships each is shared with.");
        mine.MapPost("", Create).WithName("CreateGoal")
            .WithSummary("Add a goal (title, whyItMatters, targetDate, measurableOutcome), optionally shared with some of my mentorships (mentorshipIds).");
        mine.MapGet("/{goalId:guid}", GetMine).WithName("GetMyGoal");
        mine.MapPut("/{goalId:guid}", Update).WithName("UpdateGoal").WithSummary("Change a goal; 409 if version is not the current one.");
        mine.MapDelete("/{goalId:guid}", Delete).WithName("DeleteGoal");
        mine.MapPost("/{goalId:guid}/milestones", AddMilestone).WithName("AddGoalMilestone");
        mine.MapPut("/{goalId:guid}/milestones/{milestoneId:guid}", ChangeMilestone).WithName("ChangeGoalMilestone")
            .WithSummary("Rename, re-date or tick off a milestone.");
        mine.MapDelete("/{goalId:guid}/milestones/{milestoneId:guid}", RemoveMilestone).WithName("RemoveGoalMilestone");
        mine.MapPost("/{goalId:guid}/notes", AddNote).WithName("AddGoalNote").WithSummary("Add a dated progress note (Markdown).");
        mine.MapPost("/{goalId:guid}/links", Link).WithName("LinkGoal").WithSummary("Share the goal with one of my active mentorships (as mentee); its mentor sees it.");
        mine.MapDelete("/{goalId:guid}/links/{mentorshipId:guid}", Unlink).WithName("UnlinkGoal");

        var shared = api.MapGroup("/mentorships/{id:guid}/goals").WithTags("Goals").RequireAuthorization(Policies.Member);
        shared.MapGet("", ListShared).WithName("ListMentorshipGoals").WithSummary("The mentee's goals shared with this mentorship, for both members.");
        shared.MapGet("/{goalId:guid}", GetShared).WithName("GetMentorshipGoal");
        shared.MapPost("/{goalId:guid}/notes", AddSharedNote).WithName("AddMentorshipGoalNote")
            .WithSummary("Either member adds a progress note; a mentor's note is seen by the mentee and this mentor only.");
    }

    private static async Task<Ok<IReadOnlyList<GoalView>>> ListMine(HttpContext http, GoalHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.ListMineAsync(http.User.MemberId(), ct));

    private static async Task<Results<Created<GoalView>, ProblemHttpResult>> Create(CreateGoal request, HttpContext http, GoalHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.CreateAsync(http.User.MemberId(), request, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/me/goals/{result.Value.Id}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<GoalView>, ProblemHttpResult>> GetMine(Guid goalId, HttpContext http, GoalHandlers handlers, CancellationToken ct) =>
        Reply(await handlers.GetMineAsync(http.User.MemberId(), goalId, ct));

    private static async Task<Results<Ok<GoalView>, ProblemHttpResult>> Update(Guid goalId, GoalInput input, HttpContext http, GoalHandlers handlers, CancellationToken ct) =>
        Reply(await handlers.UpdateAsync(http.User.MemberId(), goalId, input, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid goalId, HttpContext http, GoalHandlers handlers, CancellationToken ct) =>
        await handlers.DeleteAsync(http.User.MemberId(), goalId, ct) is { } error ? error.ToProblem() : TypedResults.NoContent();

    private static async Task<Results<Ok<GoalView>, ProblemHttpResult>> AddMilestone(Guid goalId, MilestoneInput input, HttpContext http, GoalHandlers handlers, CancellationToken ct) =>
        Reply(await handlers.AddMilestoneAsync(http.User.MemberId(), goalId, input, ct));

    private static async Task<Results<Ok<GoalView>, ProblemHttpResult>> ChangeMilestone(Guid goalId, Guid milestoneId, MilestoneInput input, HttpContext http, GoalHandlers handlers, CancellationToken ct) =>
        Reply(await handlers.ChangeMilestoneAsync(http.User.MemberId(), goalId, milestoneId, input, ct));

    private static async Task<Results<Ok<GoalView>, ProblemHttpResult>> RemoveMilestone(Guid goalId, Guid milestoneId, HttpContext http, GoalHandlers handlers, CancellationToken ct) =>
        Reply(await handlers.RemoveMilestoneAsync(http.User.MemberId(), goalId, milestoneId, ct));

    private static async Task<Results<Ok<GoalView>, ProblemHttpResult>> AddNote(Guid goalId, NoteInput input, HttpContext http, GoalHandlers handlers, CancellationToken ct) =>
        Reply(await handlers.AddNoteAsync(http.User.MemberId(), goalId, input, ct));

    private static async Task<Results<Ok<GoalView>, ProblemHttpResult>> Link(Guid goalId, LinkRequest request, HttpContext http, GoalHandlers handlers, CancellationToken ct) =>
        Reply(await handlers.LinkAsync(http.User.MemberId(), goalId, request, ct));

    private static async Task<Results<Ok<GoalView>, ProblemHttpResult>> Unlink(Guid goalId, Guid mentorshipId, HttpContext http, GoalHandlers handlers, CancellationToken ct) =>
        Reply(await handlers.UnlinkAsync(http.User.MemberId(), goalId, mentorshipId, ct));

    private static async Task<Results<Ok<MentorshipGoalsView>, ProblemHttpResult>> ListShared(Guid id, HttpContext http, GoalHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.ListForMentorshipAsync(http.User.MemberId(), id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<GoalView>, ProblemHttpResult>> GetShared(Guid id, Guid goalId, HttpContext http, GoalHandlers handlers, CancellationToken ct) =>
        Reply(await handlers.GetForMentorshipAsync(http.User.MemberId(), id, goalId, ct));

    private static async Task<Results<Ok<GoalView>, ProblemHttpResult>> AddSharedNote(Guid id, Guid goalId, NoteInput input, HttpContext http, GoalHandlers handlers, CancellationToken ct) =>
        Reply(await handlers.AddNoteInMentorshipAsync(http.User.MemberId(), id, goalId, input, ct));

    private static Results<Ok<GoalView>, ProblemHttpResult> Reply(Result<GoalView> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
}
