using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Goals;

public sealed record CreateGoal(string? Title, string? WhyItMatters, DateOnly? TargetDate, string? MeasurableOutcome, IReadOnlyList<Guid>? MentorshipIds = null);
public sealed record MilestoneInput(string? Title, DateOnly? DueDate, bool Done = false);
public sealed record NoteInput(string? Text);
public sealed record LinkRequest(Guid? MentorshipId);

public sealed record MilestoneView(Guid Id, string Title, DateOnly? DueDate, bool Done, bool Overdue);
public sealed record NoteView(Guid Id, Guid AuthorId, string AuthorName, bool ByOwner, DateTimeOffset At, string Text);
/// <summary>A mentorship the goal is shared with; only its owner sees this list (their other mentorships are nobody else's business).</summary>
public sealed record LinkView(Guid MentorshipId, string MentorName);
public sealed record MentorshipGoalsView(Guid MentorshipId, IReadOnlyList<GoalView> Goals);
public sealed record GoalView(Guid Id, Guid OwnerId, string Title, string WhyItMatters, DateOnly? TargetDate, string MeasurableOutcome,
    Guid Version, bool CanEdit, IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<NoteView> Notes, IReadOnlyList<LinkView> Links);

/// <summary>For the dashboard. <see cref="OwnerName"/> is null for my own goals.</summary>
public sealed record ComingUpGoal(Guid GoalId, string Title, string? OwnerName, DateOnly? TargetDate, int OverdueMilestones, string Link);

/// <summary>
/// Goals for the API and the pages. The owner reaches a goal through <see cref="Own"/>; anyone else only
/// through a mentorship they are a member of (a <see cref="MentorshipMembership"/>, which the membership gate or
/// the page found) that the goal is linked to.
/// </summary>
public sealed class GoalHandlers(TrellisDbContext db, MentorshipAccess access, TimeProvider time)
{
    public static string MineLink(Guid goalId) => $"/Goals/{goalId}";
    public static string MentorshipLink(Guid mentorshipId) => $"/Mentorships/{mentorshipId}/Goals";

    private IQueryable<Goal> Goals => db.Goals.Include(g => g.Milestones).Include(g => g.Notes).Include(g => g.Links).AsSplitQuery();
    private IQueryable<Goal> Own(Guid me) => Goals.Where(g => g.OwnerId == me);

    public async Task<IReadOnlyList<GoalView>> ListMineAsync(Guid me, CancellationToken ct)
    {
        var goals = await Own(me).AsNoTracking().OrderBy(g => g.CreatedAt).ToListAsync(ct);
        return await ViewsAsync(goals, me, null, ct);
    }

    public async Task<Result<GoalView>> GetMineAsync(Guid me, Guid goalId, CancellationToken ct) =>
        await Own(me).AsNoTracking().SingleOrDefaultAsync(g => g.Id == goalId, ct) is { } goal ? await ViewAsync(goal, me, null, ct) : NoGoal;

    public async Task<Result<GoalView>> CreateAsync(Guid me, CreateGoal request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var created = Goal.Create(me, new GoalInput(request.Title, request.WhyItMatters, request.TargetDate, request.MeasurableOutcome), await TodayAsync(me, ct), now);
        if (!created.IsSuccess) return created.Error;
        var goal = created.Value;
        foreach (var mentorshipId in (request.MentorshipIds ?? []).Distinct())
        {
            if (await LinkableAsync(me, mentorshipId, ct) is { } refused) return refused;
            goal.LinkTo(mentorshipId, now);
            db.AddTimeline(mentorshipId, now, me, "goal", $"{await NameAsync(me, ct)} shared a goal with this mentorship.", MentorshipLink(mentorshipId));
        }
        db.Add(goal);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(goal, me, null, ct);
    }

    public Task<Result<GoalView>> UpdateAsync(Guid me, Guid goalId, GoalInput input, CancellationToken ct) =>
        ChangeAsync(me, goalId, async (goal, now) => goal.Edit(input, await TodayAsync(me, ct), now), ct);

    public async Task<Error?> DeleteAsync(Guid me, Guid goalId, CancellationToken ct)
    {
        var goal = await Own(me).SingleOrDefaultAsync(g => g.Id == goalId, ct);
        if (goal is null) return NoGoal;
        db.Remove(goal);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public Task<Result<GoalView>> AddMilestoneAsync(Guid me, Guid goalId, MilestoneInput input, CancellationToken ct) =>
        ChangeAsync(me, goalId, (goal, now) => Task.FromResult(goal.AddMilestone(input.Title, input.DueDate, now).Error), ct);

    public Task<Result<GoalView>> ChangeMilestoneAsync(Guid me, Guid goalId, Guid milestoneId, MilestoneInput input, CancellationToken ct) =>
        ChangeAsync(me, goalId, async (goal, now) =>
        {
            var wasDone = goal.Milestones.SingleOrDefault(m => m.Id == milestoneId)?.Done ?? false;
            if (goal.ChangeMilestone(milestoneId, input.Title, input.DueDate, input.Done, now) is { } refused) return refused;
            if (input.Done && !wasDone) await OnEveryLinkAsync(goal, me, now, "reached a milestone of a goal.", ct);
            return null;
        }, ct);

    public Task<Result<GoalView>> RemoveMilestoneAsync(Guid me, Guid goalId, Guid milestoneId, CancellationToken ct) =>
        ChangeAsync(me, goalId, (goal, _) => Task.FromResult(goal.RemoveMilestone(milestoneId)), ct);

    public Task<Result<GoalView>> AddNoteAsync(Guid me, Guid goalId, NoteInput input, CancellationToken ct) =>
        ChangeAsync(me, goalId, async (goal, now) =>
        {
            if (goal.AddNote(me, null, input.Text, now).Error is { } refused) return refused;
            await OnEveryLinkAsync(goal, me, now, "added a progress note to a goal.", ct);
            return null;
        }, ct);

    /// <summary>The goal is found (the caller's own, else 404) before the request is judged, so someone else's
    /// goal id answers exactly what a wrong one does, whatever the body.</summary>
    public Task<Result<GoalView>> LinkAsync(Guid me, Guid goalId, LinkRequest request, CancellationToken ct) =>
        ChangeAsync(me, goalId, async (goal, now) =>
        {
            if (request.MentorshipId is not { } mentorshipId) return new Invalid("mentorshipId", "Choose one of your mentorships.");
            if (await LinkableAsync(me, mentorshipId, ct) is { } refused) return refused;
            if (goal.LinkTo(mentorshipId, now))
                db.AddTimeline(mentorshipId, now, me, "goal", $"{await NameAsync(me, ct)} shared a goal with this mentorship.", MentorshipLink(mentorshipId));
            return null;
        }, ct);

    public Task<Result<GoalView>> UnlinkAsync(Guid me, Guid goalId, Guid mentorshipId, CancellationToken ct) =>
        ChangeAsync(me, goalId, async (goal, now) =>
        {
            if (!goal.Unlink(mentorshipId)) return new NotFoundError("This goal is not shared with that mentorship.");
            db.AddTimeline(mentorshipId, now, me, "goal", $"{await NameAsync(me, ct)} stopped sharing a goal with this mentorship.", MentorshipLink(mentorshipId));
            return null;
        }, ct);

    /// <summary>The goals shared with a mentorship, for either of its members.</summary>
    public async Task<MentorshipGoalsView> ListForMentorshipAsync(MentorshipMembership membership, CancellationToken ct)
    {
        var mentorshipId = membership.MentorshipId;
        var goals = await Goals.AsNoTracking().Where(g => g.Links.Any(l => l.MentorshipId == mentorshipId)).OrderBy(g => g.CreatedAt).ToListAsync(ct);
        return new MentorshipGoalsView(mentorshipId, await ViewsAsync(goals, membership.Me, mentorshipId, ct));
    }

    public async Task<Result<GoalView>> GetForMentorshipAsync(MentorshipMembership membership, Guid goalId, CancellationToken ct)
    {
        var goal = await Linked(membership.MentorshipId, goalId).AsNoTracking().SingleOrDefaultAsync(ct);
        return goal is null ? NoGoal : await ViewAsync(goal, membership.Me, membership.MentorshipId, ct);
    }

    /// <summary>The seed: the mentor "helps set and achieve" the goals, so a mentor comments with progress notes
    /// (marked with their name), seen by the owner and by no other mentor.</summary>
    public async Task<Result<GoalView>> AddNoteInMentorshipAsync(MentorshipMembership membership, Guid goalId, NoteInput input, CancellationToken ct)
    {
        var (me, mentorshipId) = (membership.Me, membership.MentorshipId);
        var goal = await Linked(mentorshipId, goalId).SingleOrDefaultAsync(ct);
        if (goal is null) return NoGoal;
        var now = time.GetUtcNow();
        var byOwner = goal.OwnerId == me;
        if (goal.AddNote(me, byOwner ? null : mentorshipId, input.Text, now).Error is { } refused) return refused;
        if (membership.RequireActive("comment on a goal") is { } inactive) return inactive;
        if (byOwner) await OnEveryLinkAsync(goal, me, now, "added a progress note to a goal.", ct);
        else db.AddTimeline(mentorshipId, now, me, "goal", $"{membership.MyName} added a progress note to a goal.", MentorshipLink(mentorshipId));
        await db.SaveChangesAsync(ct);
        return await ViewAsync(goal, me, mentorshipId, ct);
    }

    /// <summary>For the owner's goal page: the mentorships they may share a goal with (active, as mentee).</summary>
    public async Task<IReadOnlyList<LinkView>> LinkableMentorshipsAsync(Guid me, CancellationToken ct) =>
        await db.Mentorships.Where(m => m.MenteeId == me && m.Status == MentorshipStatus.Active)
            .Select(m => new LinkView(m.Id, db.Users.Where(u => u.Id == m.MentorId).Select(u => u.DisplayName).First()))
            .ToListAsync(ct);

    /// <summary>My goals and those of my current mentees that are due within 30 days or have a milestone past its date.</summary>
    public async Task<IReadOnlyList<ComingUpGoal>> ComingUpAsync(Guid me, CancellationToken ct)
    {
        var today = await TodayAsync(me, ct);
        var horizon = today.AddDays(30);
        var mentoring = db.Mentorships.Where(m => m.MentorId == me && (m.Status == MentorshipStatus.Active || m.Status == MentorshipStatus.Paused)).Select(m => m.Id);
        var rows = await db.Goals.AsNoTracking()
            .Where(g => g.OwnerId == me || g.Links.Any(l => mentoring.Contains(l.MentorshipId)))
            .Where(g => (g.TargetDate >= today && g.TargetDate <= horizon) || g.Milestones.Any(m => !m.Done && m.DueDate < today))
            .Select(g => new
            {
                g.Id, g.Title, g.OwnerId, g.TargetDate,
                Overdue = g.Milestones.Count(m => !m.Done && m.DueDate < today),
                OwnerName = db.Users.Where(u => u.Id == g.OwnerId).Select(u => u.DisplayName).First(),
                MentorshipId = g.Links.Where(l => mentoring.Contains(l.MentorshipId)).Select(l => (Guid?)l.MentorshipId).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows
            .Select(r => r.OwnerId == me
                ? new ComingUpGoal(r.Id, r.Title, null, r.TargetDate, r.Overdue, MineLink(r.Id))
                : new ComingUpGoal(r.Id, r.Title, r.OwnerName, r.TargetDate, r.Overdue, $"{MentorshipLink(r.MentorshipId!.Value)}#goal-{r.Id}"))
            .OrderByDescending(g => g.OverdueMilestones > 0).ThenBy(g => g.TargetDate ?? DateOnly.MaxValue)
            .ToList();
    }

    private IQueryable<Goal> Linked(Guid mentorshipId, Guid goalId) =>
        Goals.Where(g => g.Id == goalId && g.Links.Any(l => l.MentorshipId == mentorshipId));

    /// <summary>Only the owner's own active mentorships as mentee; anything else looks like a wrong id.</summary>
    private async Task<Error?> LinkableAsync(Guid me, Guid mentorshipId, CancellationToken ct)
    {
        if (await access.FindAsync(me, mentorshipId, ct) is not { IsMentee: true } membership) return new NotFoundError("No such mentorship.");
        return membership.RequireActive("share a goal with it");
    }

    private async Task OnEveryLinkAsync(Goal goal, Guid me, DateTimeOffset now, string what, CancellationToken ct)
    {
        if (goal.Links.Count == 0) return;
        var name = await NameAsync(me, ct);
        foreach (var link in goal.Links) db.AddTimeline(link.MentorshipId, now, me, "goal", $"{name} {what}", MentorshipLink(link.MentorshipId));
    }

    private async Task<Result<GoalView>> ChangeAsync(Guid me, Guid goalId, Func<Goal, DateTimeOffset, Task<Error?>> change, CancellationToken ct)
    {
        var goal = await Own(me).SingleOrDefaultAsync(g => g.Id == goalId, ct);
        if (goal is null) return NoGoal;
        if (await change(goal, time.GetUtcNow()) is { } error) return error;
        if (await db.SaveOrConflictAsync(Goal.Stale.Detail, ct) is { } stale) return stale;
        return await ViewAsync(goal, me, null, ct);
    }

    private async Task<GoalView> ViewAsync(Goal goal, Guid me, Guid? inMentorship, CancellationToken ct) =>
        (await ViewsAsync([goal], me, inMentorship, ct))[0];

    /// <summary>The owner sees every note and link; a mentor sees the owner's notes and those written in their own mentorship.</summary>
    private async Task<IReadOnlyList<GoalView>> ViewsAsync(IReadOnlyList<Goal> goals, Guid me, Guid? inMentorship, CancellationToken ct)
    {
        var authorIds = goals.SelectMany(g => g.Notes.Select(n => n.AuthorId)).Distinct().ToList();
        var names = await db.Users.Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var linkIds = goals.Where(g => g.OwnerId == me).SelectMany(g => g.Links.Select(l => l.MentorshipId)).Distinct().ToList();
        var mentors = await db.Mentorships.Where(m => linkIds.Contains(m.Id))
            .Select(m => new { m.Id, Name = db.Users.Where(u => u.Id == m.MentorId).Select(u => u.DisplayName).First() })
            .ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var today = await TodayAsync(me, ct);
        return goals.Select(g =>
        {
            var owner = g.OwnerId == me;
            return new GoalView(g.Id, g.OwnerId, g.Title, g.WhyItMatters, g.TargetDate, g.MeasurableOutcome, g.Version, owner,
                g.Milestones.OrderBy(m => m.Position).Select(m => new MilestoneView(m.Id, m.Title, m.DueDate, m.Done, !m.Done && m.DueDate < today)).ToList(),
                g.Notes.Where(n => owner || n.MentorshipId is null || n.MentorshipId == inMentorship).OrderBy(n => n.At)
                    .Select(n => new NoteView(n.Id, n.AuthorId, names.GetValueOrDefault(n.AuthorId, ""), n.AuthorId == g.OwnerId, n.At, n.Text)).ToList(),
                owner ? g.Links.Select(l => new LinkView(l.MentorshipId, mentors.GetValueOrDefault(l.MentorshipId, ""))).ToList() : []);
        }).ToList();
    }

    public Task<DateOnly> TodayAsync(Guid me, CancellationToken ct) => db.TodayForAsync(me, time, ct);

    private Task<string> NameAsync(Guid memberId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == memberId).Select(u => u.DisplayName).SingleAsync(ct);

    private static readonly NotFoundError NoGoal = new("No such goal.");
}
