using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Goals;

public static class GoalsApi
{
    public static void MapGoals(this RouteGroupBuilder api)
    {
        var mine = api.MapMemberGroup("/me/goals", "Goals");
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

        var shared = api.MapMentorshipGroup("/goals", "Goals");
        shared.MapGet("", ListShared).WithName("ListMentorshipGoals").WithSummary("The mentee's goals shared with this mentorship, for both members.");
        var linked = shared.MapGroup("/{goalId:guid}").RequireChild("goalId", (db, mentorshipId, goalId) =>
            db.Goals.Where(g => g.Id == goalId && g.Links.Any(l => l.MentorshipId == mentorshipId)));
        linked.MapGet("", GetShared).WithName("GetMentorshipGoal");
        linked.MapPost("/notes", AddSharedNote).WithName("AddMentorshipGoalNote")
            .WithSummary("Either member adds a progress note; a mentor's note is seen by the mentee and this mentor only.");
    }

    private static async Task<Ok<IReadOnlyList<GoalView>>> ListMine(CurrentMember me, GoalHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.ListMineAsync(me, ct));

    private static Task<Results<Created<GoalView>, ProblemHttpResult>> Create(
        CreateGoal request, CurrentMember me, GoalHandlers handlers, CancellationToken ct) =>
        handlers.CreateAsync(me, request, ct).ToCreated(g => $"/api/v1/me/goals/{g.Id}");

    private static Task<Results<Ok<GoalView>, ProblemHttpResult>> GetMine(
        Guid goalId, CurrentMember me, GoalHandlers handlers, CancellationToken ct) =>
        handlers.GetMineAsync(me, goalId, ct).ToOk();

    private static Task<Results<Ok<GoalView>, ProblemHttpResult>> Update(
        Guid goalId, GoalInput input, CurrentMember me, GoalHandlers handlers, CancellationToken ct) =>
        handlers.UpdateAsync(me, goalId, input, ct).ToOk();

    private static Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid goalId, CurrentMember me, GoalHandlers handlers, CancellationToken ct) =>
        handlers.DeleteAsync(me, goalId, ct).ToNoContent();

    private static Task<Results<Ok<GoalView>, ProblemHttpResult>> AddMilestone(
        Guid goalId, MilestoneInput input, CurrentMember me, GoalHandlers handlers, CancellationToken ct) =>
        handlers.AddMilestoneAsync(me, goalId, input, ct).ToOk();

    private static Task<Results<Ok<GoalView>, ProblemHttpResult>> ChangeMilestone(
        Guid goalId, Guid milestoneId, MilestoneInput input, CurrentMember me, GoalHandlers handlers, CancellationToken ct) =>
        handlers.ChangeMilestoneAsync(me, goalId, milestoneId, input, ct).ToOk();

    private static Task<Results<Ok<GoalView>, ProblemHttpResult>> RemoveMilestone(
        Guid goalId, Guid milestoneId, CurrentMember me, GoalHandlers handlers, CancellationToken ct) =>
        handlers.RemoveMilestoneAsync(me, goalId, milestoneId, ct).ToOk();

    private static Task<Results<Ok<GoalView>, ProblemHttpResult>> AddNote(
        Guid goalId, NoteInput input, CurrentMember me, GoalHandlers handlers, CancellationToken ct) =>
        handlers.AddNoteAsync(me, goalId, input, ct).ToOk();

    private static Task<Results<Ok<GoalView>, ProblemHttpResult>> Link(
        Guid goalId, LinkRequest request, CurrentMember me, GoalHandlers handlers, CancellationToken ct) =>
        handlers.LinkAsync(me, goalId, request, ct).ToOk();

    private static Task<Results<Ok<GoalView>, ProblemHttpResult>> Unlink(
        Guid goalId, Guid mentorshipId, CurrentMember me, GoalHandlers handlers, CancellationToken ct) =>
        handlers.UnlinkAsync(me, goalId, mentorshipId, ct).ToOk();

    private static async Task<Ok<MentorshipGoalsView>> ListShared(
        MentorshipMembership m, GoalHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.ListForMentorshipAsync(m, ct));

    private static Task<Results<Ok<GoalView>, ProblemHttpResult>> GetShared(
        MentorshipMembership m, Guid goalId, GoalHandlers handlers, CancellationToken ct) =>
        handlers.GetForMentorshipAsync(m, goalId, ct).ToOk();

    private static Task<Results<Ok<GoalView>, ProblemHttpResult>> AddSharedNote(
        MentorshipMembership m, Guid goalId, NoteInput input, GoalHandlers handlers, CancellationToken ct) =>
        handlers.AddNoteInMentorshipAsync(m, goalId, input, ct).ToOk();
}
