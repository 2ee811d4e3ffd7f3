using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Trellis.Web.Features.FindMentor;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Features.Mentorships.Requests;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Email;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Matching;

public sealed record DraftInput(Guid? MenteeId, Guid? MentorId);

public sealed record ApproveInput(Guid? Version);

public sealed record ApproveManyInput(List<DraftVersion>? Drafts);

public sealed record DraftVersion(Guid Id, Guid Version);

public sealed record ApproveManyResult(IReadOnlyList<Guid> Approved, IReadOnlyList<RefusedDraft> Refused);

public sealed record RefusedDraft(Guid Id, string Reason);

/// <summary>Drafts waiting for approval, approved ones, and of those how many pairs run and how many wait for the pair's answer.</summary>
public sealed record DraftCounts(int Drafts, int Approved, int Running, int Waiting);

public sealed record DraftView(Guid Id, Guid MenteeId, string MenteeName, Guid MentorId, string MentorName, DraftStatus Status,
    DraftSource Source, int Score, IReadOnlyList<string> Reasons, Guid? MentorshipId, Guid Version, MentorshipStatus? PairStatus);

/// <summary>
/// Draft matches and their approval, for a programme's coordinators (found through <see cref="ProgrammeAccess"/>, so
/// anyone else gets 404). Approval sends the programme's agreement as the mentee's proposal, the ordinary request the
/// two members then negotiate, accept or decline; the coordinators see its status, never its content.
/// </summary>
public sealed class MatchHandlers(TrellisDbContext db, ProgrammeAccess access, MentorSearch search, Notifier notifier,
    SiteLinks links, IOptions<MentorshipOptions> options, TimeProvider time)
{
    public const int MaxApprovedAtOnce = 500, MaxDraftPageSize = 500;
    private static readonly NotFoundError NoSuchProgramme = new("No such programme."), NoSuchDraft = new("No such draft match.");

    /// <summary>A page of the draft and approved matches (or of one status), oldest first: a bulk run writes 100,000 at once.</summary>
    public async Task<Result<IReadOnlyList<DraftView>>> ListAsync(Guid me, Guid id, DraftStatus? status, int page, int pageSize,
        CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return NoSuchProgramme;
        if (page < 1) return new Invalid("page", "Must be at least 1.");
        if (pageSize is < 1 or > MaxDraftPageSize) return new Invalid("pageSize", $"Must be between 1 and {MaxDraftPageSize}.");
        var drafts = db.DraftMatches.Where(d => d.ProgrammeId == id && d.Status != DraftStatus.Discarded);
        if (status is { } only) drafts = drafts.Where(d => d.Status == only);
        return await ViewsAsync(drafts, ct, (page - 1) * pageSize, pageSize);
    }

    /// <summary>How many drafts wait for approval, how many were approved, and how their pairs stand.</summary>
    public async Task<Result<DraftCounts>> CountsAsync(Guid me, Guid id, CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return NoSuchProgramme;
        var counts = await db.DraftMatches.Where(d => d.ProgrammeId == id && d.Status != DraftStatus.Discarded)
            .GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var pairs = await (from d in db.DraftMatches
                           where d.ProgrammeId == id && d.Status == DraftStatus.Approved
                           join m in db.Mentorships on d.MentorshipId equals (Guid?)m.Id
                           group m by m.Status into g
                           select new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Pairs(params MentorshipStatus[] statuses) => pairs.Where(p => statuses.Contains(p.Status)).Sum(p => p.Count);
        return new DraftCounts(counts.GetValueOrDefault(DraftStatus.Draft), counts.GetValueOrDefault(DraftStatus.Approved),
            Pairs(MentorshipStatus.Active, MentorshipStatus.Paused), Pairs(MentorshipStatus.Proposed, MentorshipStatus.Negotiating));
    }

    /// <summary>By hand: the coordinator pairs an enrolled mentee with an enrolled mentor who has a place left.</summary>
    public async Task<Result<DraftView>> CreateAsync(Guid me, Guid id, DraftInput input, CancellationToken ct)
    {
        var programme = await access.FindAsync(me, id, ct);
        if (programme is null) return NoSuchProgramme;
        var errors = new Dictionary<string, string[]>();
        if (input.MenteeId is null) errors["menteeId"] = ["Choose the mentee."];
        if (input.MentorId is null) errors["mentorId"] = ["Choose the mentor."];
        else if (input.MentorId == input.MenteeId) errors["mentorId"] = ["Someone cannot mentor themself."];
        if (errors.Count > 0) return new Invalid(errors);
        var (menteeId, mentorId) = (input.MenteeId!.Value, input.MentorId!.Value);
        if (!programme.AcceptsMatching) return new ConflictError($"{programme.Name} is not matching (it is {Programme.Describe(programme.Status)}).");
        if (!await EnrolledAsync(id, menteeId, ProgrammeRole.Mentee, ct))
            return new Invalid("menteeId", $"Not one of {programme.Name}'s enrolled {programme.MenteeWord}s.");
        if (!await EnrolledAsync(id, mentorId, ProgrammeRole.Mentor, ct))
            return new Invalid("mentorId", $"Not one of {programme.Name}'s enrolled {programme.MentorWord}s.");
        if (await RefusesPairAsync(programme, menteeId, mentorId, ct) is { } refused) return refused;
        if (await db.DraftMatches.AnyAsync(d => d.ProgrammeId == id && d.MenteeId == menteeId && d.Status == DraftStatus.Draft, ct))
            return new ConflictError("This mentee has a draft match already; remove it first.");
        if (await search.ScorePairAsync(menteeId, mentorId, ct) is not { } score)
            return new ConflictError("This mentor is not taking mentees at the moment.");

        var draft = new DraftMatch(id, menteeId, mentorId, DraftSource.ByHand, score.Match, score.Reasons, me, time.GetUtcNow());
        db.DraftMatches.Add(draft);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new ConflictError("This mentee has a draft match already; remove it first."); // made at the same moment
        }
        return (await ViewsAsync(db.DraftMatches.Where(d => d.Id == draft.Id), ct)).Single();
    }

    public async Task<Result<DraftView>> DiscardAsync(Guid me, Guid id, Guid draftId, CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return NoSuchProgramme;
        var draft = await db.DraftMatches.SingleOrDefaultAsync(d => d.ProgrammeId == id && d.Id == draftId, ct);
        if (draft is null) return NoSuchDraft;
        if (draft.Discard(time.GetUtcNow()) is { } error) return error.ToError();
        return await SaveAsync(draft, ct);
    }

    /// <summary>
    /// Starts the relationship: the programme's agreement, with the mentee's own goals, goes to the mentor as the
    /// mentee's proposal — or, where the programme starts pairs directly, to both as a match each accepts or declines
    /// as it stands — and both receive the programme's introduction e-mail (through the outbox, in the same
    /// transaction). Approving twice at once, or a draft changed since it was read, is 409 and makes nothing.
    /// </summary>
    public async Task<Result<DraftView>> ApproveAsync(Guid me, Guid id, Guid draftId, ApproveInput input, CancellationToken ct)
    {
        var programme = await access.FindAsync(me, id, ct);
        if (programme is null) return NoSuchProgramme;
        // Holding the programme's row: a bulk run writing its drafts, or another approval, waits, and we see its result.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await ProgrammeLock.TakeAsync(db, id, ct);
        if (await db.BulkRuns.AnyAsync(r => r.ProgrammeId == id && BulkRun.ActiveStatuses.Contains(r.Status), ct))
            return new ConflictError("The engine is matching this programme right now; approve when its run has finished.");
        var draft = await db.DraftMatches.SingleOrDefaultAsync(d => d.ProgrammeId == id && d.Id == draftId, ct);
        if (draft is null) return NoSuchDraft;
        if (input.Version is null) return new Invalid("version", "Send the version of the draft you approve (from the list of drafts).");
        if (draft.Status != DraftStatus.Draft) return new ConflictError($"This match was {draft.Status.ToString().ToLowerInvariant()} already.");
        if (input.Version != draft.Version) return new ConflictError("This draft changed since you read it. Reload and look again.");
        if (!programme.AcceptsMatching) return new ConflictError($"{programme.Name} is not matching (it is {Programme.Describe(programme.Status)}).");
        if (await RefusesPairAsync(programme, draft.MenteeId, draft.MentorId, ct) is { } refused) return refused;

        var now = time.GetUtcNow();
        var mentee = await db.Profiles.AsNoTracking().Where(p => p.MemberId == draft.MenteeId).Select(p => p.MenteeGoals).SingleOrDefaultAsync(ct);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var start = programme.RunsFrom is { } from && from > today.AddDays(7) ? from : today.AddDays(7);
        var direct = programme.StartDirectly;
        var terms = programme.Template.Build(ProgrammeGoals.From(mentee ?? ""), start, direct
            ? $"Offered by the coordinators of {programme.Name}: once you have both accepted, you can revise it together."
            : $"Proposed by the coordinators of {programme.Name}.");
        var deadline = options.Value.DeadlineFrom(now);
        var mentorship = direct
            ? Mentorship.OfferMatch(draft.MenteeId, draft.MentorId, terms, now, deadline, programme.Id)
            : Mentorship.Propose(draft.MenteeId, draft.MentorId, terms, now, deadline, programme.Id);
        db.Mentorships.Add(mentorship);
        // The draft is saved only if nobody moved it since it was read: the second of two approvals fails here.
        db.Entry(draft).Property(d => d.Version).OriginalValue = input.Version.Value;
        if (draft.Approve(mentorship.Id, now) is { } error) return error.ToError();

        var names = await db.Users.Where(u => u.Id == draft.MenteeId || u.Id == draft.MentorId)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToDictionaryAsync(u => u.Id, ct);
        var (menteeName, mentorName) = (names[draft.MenteeId].DisplayName, names[draft.MentorId].DisplayName);
        string Fill(string text) => text.Replace("{mentee}", menteeName, StringComparison.Ordinal)
            .Replace("{mentor}", mentorName, StringComparison.Ordinal).Replace("{programme}", programme.Name, StringComparison.Ordinal);
        var link = MentorshipHandlers.Link(mentorship);
        var intro = direct
            ? Emails.ProgrammeMatch(Fill(programme.IntroSubject), Fill(programme.IntroBody), Offer(terms), links.Absolute(link))
            : Emails.ProgrammeIntroduction(Fill(programme.IntroSubject), Fill(programme.IntroBody), links.Absolute(link));
        foreach (var member in names.Values)
            if (member.Email is { Length: > 0 } email) db.OutboxMessages.Add(OutboxMessage.Email(email, intro, now));
        if (direct)
        {
            foreach (var (who, other) in new[] { (draft.MenteeId, mentorName), (draft.MentorId, menteeName) })
                await notifier.PublishAsync(who, NotificationKind.MentorshipRequest, $"{programme.Name}: {other} and you",
                    $"The coordinators of {programme.Name} matched you with {other}: {Offer(terms)} Accept or decline the match; "
                    + "it starts when you have both accepted.", link, ct, email: false);
        }
        else
        {
            await notifier.PublishAsync(draft.MentorId, NotificationKind.MentorshipRequest, $"{programme.Name}: {menteeName} and you",
                $"The coordinators of {programme.Name} matched you with {menteeName}. Read the proposal and accept, shape or decline it.",
                link, ct, email: false);
            await notifier.PublishAsync(draft.MenteeId, NotificationKind.Programme, $"{programme.Name}: {mentorName} and you",
                $"The coordinators of {programme.Name} matched you with {mentorName}. Your proposal is on its way; you can change it until they answer.",
                link, ct, email: false);
        }
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConflictError("This match was approved or changed by someone else at the same moment. Reload to see it.");
        }
        catch (DbUpdateException)
        {
            // The unique index on ongoing pairs: a request between the two was made at the same moment.
            return new ConflictError($"{menteeName} and {mentorName} have a request or a mentorship already.");
        }
        return (await ViewsAsync(db.DraftMatches.Where(d => d.Id == draft.Id), ct)).Single();
    }

    private static string Offer(Agreement terms) =>
        $"{terms.MeetingText}, for {terms.DurationMonths} months from {terms.StartDate:d MMMM yyyy}.";

    /// <summary>Approve all or some: each draft on its own, as if approved one by one (one refused does not stop the others).</summary>
    public async Task<Result<ApproveManyResult>> ApproveManyAsync(Guid me, Guid id, ApproveManyInput input, CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return NoSuchProgramme;
        if (input.Drafts is not { Count: > 0 and <= MaxApprovedAtOnce } drafts)
            return new Invalid("drafts", $"Send between 1 and {MaxApprovedAtOnce} drafts, each with its id and version.");
        var (approved, refused) = (new List<Guid>(), new List<RefusedDraft>());
        foreach (var d in drafts.DistinctBy(d => d.Id))
        {
            var result = await ApproveAsync(me, id, d.Id, new ApproveInput(d.Version), ct);
            if (result.IsSuccess) approved.Add(d.Id);
            else refused.Add(new RefusedDraft(d.Id, result.Error!.Detail));
            db.ChangeTracker.Clear(); // a refused approval leaves nothing behind for the next
        }
        return new ApproveManyResult(approved, refused);
    }

    private Task<bool> EnrolledAsync(Guid programmeId, Guid memberId, ProgrammeRole role, CancellationToken ct) =>
        db.Participants.AnyAsync(x => x.ProgrammeId == programmeId && x.MemberId == memberId && x.Role == role
                                      && x.Status == ParticipantStatus.Enrolled, ct);

    /// <summary>Never a pair that is blocked, already together, or beyond the mentor's places in the programme.</summary>
    private async Task<Error?> RefusesPairAsync(Programme programme, Guid menteeId, Guid mentorId, CancellationToken ct)
    {
        if (await Blocking.Blocks.ExistBetweenAsync(db, menteeId, mentorId, ct))
            return new ConflictError("These two cannot be matched."); // a block is nobody else's business, not even why
        if (await db.Mentorships.AnyAsync(m => m.MenteeId == menteeId && m.MentorId == mentorId
                                               && Mentorship.OngoingStatuses.Contains(m.Status), ct))
            return new ConflictError("These two have a request or a mentorship already.");
        return await ProgrammeCapacity.RefusesAsync(db, programme, mentorId, ct);
    }

    private async Task<Result<DraftView>> SaveAsync(DraftMatch draft, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConflictError("This match was changed by someone else at the same moment. Reload to see it.");
        }
        return (await ViewsAsync(db.DraftMatches.Where(d => d.Id == draft.Id), ct)).Single();
    }

    private Task<List<DraftView>> ViewsAsync(IQueryable<DraftMatch> drafts, CancellationToken ct, int skip = 0, int? take = null) =>
        ViewsAsync(db, drafts, ct, skip, take);

    /// <summary>The drafts as coordinators see them (oldest first; a page when take is given): with the pair's status once
    /// approved, never what is inside it.</summary>
    internal static async Task<List<DraftView>> ViewsAsync(TrellisDbContext db, IQueryable<DraftMatch> drafts, CancellationToken ct,
        int skip = 0, int? take = null)
    {
        var ordered = drafts.AsNoTracking().OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).Skip(skip);
        if (take is { } n) ordered = ordered.Take(n);
        return await ordered
            .Select(d => new DraftView(d.Id, d.MenteeId, db.Users.Where(u => u.Id == d.MenteeId).Select(u => u.DisplayName).First(),
                d.MentorId, db.Users.Where(u => u.Id == d.MentorId).Select(u => u.DisplayName).First(), d.Status, d.Source, d.Score,
                d.Reasons, d.MentorshipId, d.Version,
                db.Mentorships.Where(m => m.Id == d.MentorshipId).Select(m => (MentorshipStatus?)m.Status).FirstOrDefault()))
            .ToListAsync(ct);
    }
}

/// <summary>The mentee's goals from their profile (one a line), as the agreement's goals; one to agree on if none.</summary>
public static class ProgrammeGoals
{
    public static List<string> From(string menteeGoals)
    {
        var goals = menteeGoals.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(g => g.Length > AgreementInput.GoalMax ? g[..AgreementInput.GoalMax] : g)
            .Take(AgreementInput.GoalsMax).ToList();
        return goals.Count > 0 ? goals : ["Agree on our goals at the first meeting"];
    }
}
