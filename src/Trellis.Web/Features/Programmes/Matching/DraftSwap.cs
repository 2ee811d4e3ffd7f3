using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.FindMentor;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Matching;

public sealed record SwapInput(DraftVersion? First, DraftVersion? Second);

/// <summary>
/// Swapping the mentors of two drafts on the board: each mentee gets the other's mentor, scored and explained afresh.
/// Both drafts must be as the coordinator read them (their versions), and each new pair must pass what any draft must:
/// no block, not already together, the programme's hard questions and forbids, and a mentor still enrolled with the
/// place the draft holds. A pin keeps its pair: remove the pin first.
/// </summary>
public sealed class DraftSwap(TrellisDbContext db, ProgrammeAccess access, MentorSearch search, TimeProvider time)
{
    public async Task<Result<IReadOnlyList<DraftView>>> SwapAsync(Guid me, Guid id, SwapInput input, CancellationToken ct)
    {
        var programme = await access.FindAsync(me, id, ct);
        if (programme is null) return new NotFoundError("No such programme.");
        var errors = new Dictionary<string, string[]>();
        if (input.First is null) errors["first"] = ["Send the first draft's id and version."];
        if (input.Second is null) errors["second"] = ["Send the second draft's id and version."];
        else if (input.Second.Id == input.First?.Id) errors["second"] = ["Choose two different drafts."];
        if (errors.Count > 0) return new Invalid(errors);
        if (!programme.AcceptsMatching) return new ConflictError($"{programme.Name} is not matching (it is {Programme.Describe(programme.Status)}).");

        // Holding the programme's row, like an approval: nobody approves either draft while we decide.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await ProgrammeLock.TakeAsync(db, id, ct);
        var ids = new[] { input.First!.Id, input.Second!.Id };
        var drafts = await db.DraftMatches.Where(d => d.ProgrammeId == id && ids.Contains(d.Id)).ToListAsync(ct);
        if (drafts.Count != 2) return new NotFoundError("No such draft match.");
        var (a, b) = (drafts.Single(d => d.Id == input.First.Id), drafts.Single(d => d.Id == input.Second.Id));
        foreach (var (draft, read) in new[] { (a, input.First), (b, input.Second) })
        {
            if (draft.Status != DraftStatus.Draft) return new ConflictError($"A draft was {draft.Status.ToString().ToLowerInvariant()} already.");
            if (draft.Version != read.Version) return new ConflictError("A draft changed since you read it. Reload and look again.");
        }
        if (a.MentorId == b.MentorId) return new ConflictError("Both drafts have the same mentor: there is nothing to swap.");
        if (await RefusesAsync(programme, a, b, ct) is { } refused) return refused;

        var scores = new List<(int Match, IReadOnlyList<string> Reasons)>();
        foreach (var (mentee, mentor) in new[] { (a.MenteeId, b.MentorId), (b.MenteeId, a.MentorId) })
        {
            if (await search.ScorePairAsync(mentee, mentor, ct) is not { } score)
                return new ConflictError("One of the mentors is not taking mentees at the moment.");
            scores.Add((score.Match, score.Reasons));
        }
        var now = time.GetUtcNow();
        var mentorOfA = a.MentorId;
        a.Rematch(b.MentorId, scores[0].Match, scores[0].Reasons, now);
        b.Rematch(mentorOfA, scores[1].Match, scores[1].Reasons, now);
        if (await db.SaveOrConflictAsync("A draft was changed by someone else at the same moment. Reload to see it.", ct) is { } conflict)
            return conflict;
        await tx.CommitAsync(ct);
        return await ViewsAsync(ids, ct);
    }

    private async Task<Error?> RefusesAsync(Programme programme, DraftMatch a, DraftMatch b, CancellationToken ct)
    {
        var pins = await db.PairRules.AsNoTracking()
            .Where(r => r.ProgrammeId == programme.Id && (r.MenteeId == a.MenteeId || r.MenteeId == b.MenteeId)).ToListAsync(ct);
        var names = await db.Users.AsNoTracking().Where(u => u.Id == a.MenteeId || u.Id == b.MenteeId || u.Id == a.MentorId || u.Id == b.MentorId)
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        foreach (var d in new[] { a, b })
            if (pins.Any(r => r.Kind == PairRuleKind.Pin && r.MenteeId == d.MenteeId && r.MentorId == d.MentorId))
                return new ConflictError($"{names[d.MenteeId]} is pinned to {names[d.MentorId]}; remove the pin first.");

        var people = new[] { a.MenteeId, b.MenteeId, a.MentorId, b.MentorId };
        var hard = await HardAnswers.LoadAsync(db, programme.Id, db.Participants.Where(x => x.ProgrammeId == programme.Id
            && x.Status == ParticipantStatus.Enrolled && people.Contains(x.MemberId)), ct);
        foreach (var (mentee, mentor) in new[] { (a.MenteeId, b.MentorId), (b.MenteeId, a.MentorId) })
        {
            var pair = $"{names[mentee]} and {names[mentor]}";
            if (await Blocking.Blocks.ExistBetweenAsync(db, mentee, mentor, ct))
                return new ConflictError($"{pair} cannot be matched."); // a block is nobody else's business, not even why
            if (await db.Mentorships.AnyAsync(m => m.MenteeId == mentee && m.MentorId == mentor && Mentorship.OngoingStatuses.Contains(m.Status), ct))
                return new ConflictError($"{pair} have a request or a mentorship already.");
            if (pins.Any(r => r.Kind == PairRuleKind.Forbid && r.MenteeId == mentee && r.MentorId == mentor))
                return new ConflictError($"{pair} are forbidden as a pair; remove the forbid first.");
            if (!hard.Allows(mentee, mentor))
                return new ConflictError($"{pair} cannot be paired: the programme's hard questions keep them apart.");
        }
        // Each mentor gives up one draft and takes another: the places they hold stay the same, but only while they are
        // still enrolled and not beyond their capacity (which a coordinator may have lowered since).
        foreach (var mentor in new[] { a.MentorId, b.MentorId })
        {
            var places = await db.Participants.Where(x => x.ProgrammeId == programme.Id && x.MemberId == mentor
                    && x.Role == ProgrammeRole.Mentor && x.Status == ParticipantStatus.Enrolled)
                .Select(x => (int?)(x.Capacity
                    - db.Mentorships.Count(m => m.ProgrammeId == programme.Id && m.MentorId == mentor && Mentorship.OngoingStatuses.Contains(m.Status))
                    - db.DraftMatches.Count(d => d.ProgrammeId == programme.Id && d.MentorId == mentor && d.Status == DraftStatus.Draft)))
                .SingleOrDefaultAsync(ct);
            if (places is null) return new ConflictError($"{names[mentor]} is no longer one of {programme.Name}'s enrolled {programme.MentorWord}s.");
            if (places < 0) return new ConflictError($"{names[mentor]} has no place left in {programme.Name} for this draft.");
        }
        return null;
    }

    private async Task<List<DraftView>> ViewsAsync(Guid[] ids, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var views = await MatchHandlers.ViewsAsync(db, db.DraftMatches.Where(d => ids.Contains(d.Id)), ct);
        return [.. ids.Select(i => views.Single(v => v.Id == i))];
    }
}
