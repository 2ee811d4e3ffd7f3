using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Matching;

public sealed record RunView(Guid Id, BulkRunStatus Status, BulkStage Stage, int Percent, DateTimeOffset RequestedAt,
    DateTimeOffset? FinishedAt, int Mentees, int Mentors, int Matched, IReadOnlyList<UnmatchedView> Unmatched, string? Failure);

public sealed record UnmatchedView(Guid MenteeId, string Name, string Reason);

public sealed record PairRuleInput(Guid? MenteeId, Guid? MentorId, PairRuleKind? Kind);

public sealed record PairRuleView(Guid Id, Guid MenteeId, string MenteeName, Guid MentorId, string MentorName, PairRuleKind Kind);

/// <summary>
/// Bulk matching for a programme's coordinators: pins and forbids before a run, asking for a run (done later by
/// <see cref="BulkRunner"/> on whichever node claims it), and reading its progress and outcome.
/// </summary>
public sealed class BulkHandlers(TrellisDbContext db, ProgrammeAccess access, TimeProvider time)
{
    private static readonly NotFoundError NoSuchProgramme = new("No such programme.");

    public async Task<Result<RunView>> StartAsync(Guid me, Guid id, CancellationToken ct)
    {
        var programme = await access.FindAsync(me, id, ct);
        if (programme is null) return NoSuchProgramme;
        if (programme.MatchingMode != MatchingMode.Bulk)
            return new ConflictError($"{programme.Name} is matched {(programme.MatchingMode == MatchingMode.ByHand ? "by hand" : "by mentee choice")}; choose bulk matching in its settings first.");
        if (!programme.AcceptsMatching) return new ConflictError($"{programme.Name} is not matching (it is {Programme.Describe(programme.Status)}).");
        var run = new BulkRun(id, me, time.GetUtcNow());
        db.BulkRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new ConflictError("A run is under way already; wait for it to finish."); // the one-active-run index
        }
        return await ViewAsync(run.Id, ct);
    }

    public async Task<Result<RunView>> LatestAsync(Guid me, Guid id, CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return NoSuchProgramme;
        var latest = await db.BulkRuns.AsNoTracking().Where(r => r.ProgrammeId == id).OrderByDescending(r => r.RequestedAt)
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        return latest is { } runId ? await ViewAsync(runId, ct) : new NotFoundError("No run yet.");
    }

    public async Task<Result<RunView>> RunAsync(Guid me, Guid id, Guid runId, CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return NoSuchProgramme;
        if (!await db.BulkRuns.AnyAsync(r => r.ProgrammeId == id && r.Id == runId, ct)) return new NotFoundError("No such run.");
        return await ViewAsync(runId, ct);
    }

    public async Task<Result<IReadOnlyList<PairRuleView>>> RulesAsync(Guid me, Guid id, CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return NoSuchProgramme;
        return await RuleViews(db.PairRules.Where(r => r.ProgrammeId == id)).ToListAsync(ct);
    }

    public async Task<Result<PairRuleView>> AddRuleAsync(Guid me, Guid id, PairRuleInput input, CancellationToken ct)
    {
        var programme = await access.FindAsync(me, id, ct);
        if (programme is null) return NoSuchProgramme;
        var errors = new Dictionary<string, string[]>();
        if (input.MenteeId is null) errors["menteeId"] = ["Choose the mentee."];
        if (input.MentorId is null) errors["mentorId"] = ["Choose the mentor."];
        if (input.Kind is null) errors["kind"] = ["Pin or Forbid."];
        if (errors.Count > 0) return new Invalid(errors);
        if (!await EnrolledAsync(id, input.MenteeId!.Value, ProgrammeRole.Mentee, ct))
            return new Invalid("menteeId", $"Not one of {programme.Name}'s enrolled {programme.MenteeWord}s.");
        if (!await EnrolledAsync(id, input.MentorId!.Value, ProgrammeRole.Mentor, ct))
            return new Invalid("mentorId", $"Not one of {programme.Name}'s enrolled {programme.MentorWord}s.");
        var rule = new PairRule(id, input.MenteeId.Value, input.MentorId.Value, input.Kind!.Value, me, time.GetUtcNow());
        db.PairRules.Add(rule);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new ConflictError("This pair has a rule already, or this mentee is pinned already; remove that first.");
        }
        return await RuleViews(db.PairRules.Where(r => r.Id == rule.Id)).SingleAsync(ct);
    }

    public async Task<Result<bool>> RemoveRuleAsync(Guid me, Guid id, Guid ruleId, CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return NoSuchProgramme;
        var removed = await db.PairRules.Where(r => r.ProgrammeId == id && r.Id == ruleId).ExecuteDeleteAsync(ct);
        return removed == 0 ? new NotFoundError("No such rule.") : true;
    }

    private Task<bool> EnrolledAsync(Guid programmeId, Guid memberId, ProgrammeRole role, CancellationToken ct) =>
        db.Participants.AnyAsync(x => x.ProgrammeId == programmeId && x.MemberId == memberId && x.Role == role
                                      && x.Status == ParticipantStatus.Enrolled, ct);

    private IQueryable<PairRuleView> RuleViews(IQueryable<PairRule> rules) =>
        rules.AsNoTracking().OrderBy(r => r.CreatedAt).Select(r => new PairRuleView(r.Id,
            r.MenteeId, db.Users.Where(u => u.Id == r.MenteeId).Select(u => u.DisplayName).First(),
            r.MentorId, db.Users.Where(u => u.Id == r.MentorId).Select(u => u.DisplayName).First(), r.Kind));

    private async Task<RunView> ViewAsync(Guid runId, CancellationToken ct)
    {
        var run = await db.BulkRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
        var ids = run.Unmatched.Select(n => n.MenteeId).ToList();
        var names = ids.Count == 0 ? [] : await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new RunView(run.Id, run.Status, run.Stage, run.Percent, run.RequestedAt, run.FinishedAt, run.Mentees, run.Mentors, run.Matched,
            run.Unmatched.Select(n => new UnmatchedView(n.MenteeId, names.GetValueOrDefault(n.MenteeId) ?? "", n.Reason)).ToList(), run.Failure);
    }
}
