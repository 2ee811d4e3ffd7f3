using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Enrolment;

/// <summary>The coordinators' side of enrolment: the questions, the participants and their answers, counts.
/// Every method finds the programme through <see cref="ProgrammeAccess"/> first.</summary>
public sealed class ParticipantHandlers(TrellisDbContext db, ProgrammeAccess access, Notifier notifier, TimeProvider time)
{
    public const int MaxPageSize = 200;
    private static readonly NotFoundError NoSuchProgramme = new("No such programme.");

    // ── Questions ──────────────────────────────────────────────────────────────────────────────────────

    public async Task<Result<IReadOnlyList<QuestionView>>> QuestionsAsync(Guid me, Guid id, CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return NoSuchProgramme;
        return await QuestionList(id).ToListAsync(ct);
    }

    public async Task<Result<QuestionView>> AddQuestionAsync(Guid me, Guid id, QuestionInput input, CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return NoSuchProgramme;
        var errors = input.Validate();
        var count = await db.EnrolmentQuestions.CountAsync(q => q.ProgrammeId == id, ct);
        if (count >= EnrolmentQuestion.MaxQuestions) errors["text"] = [$"A programme asks at most {EnrolmentQuestion.MaxQuestions} questions."];
        var key = input.NormalisedKey();
        if (!errors.ContainsKey("key") && await db.EnrolmentQuestions.AnyAsync(q => q.ProgrammeId == id && q.Key == key, ct))
            errors["key"] = [$"Another question is called “{key}”."];
        if (errors.Count > 0) return new Invalid(errors);
        var last = await db.EnrolmentQuestions.Where(q => q.ProgrammeId == id).MaxAsync(q => (int?)q.Position, ct) ?? 0;
        var question = new EnrolmentQuestion(id, last + 1, input.ToDefinition(), time.GetUtcNow());
        db.EnrolmentQuestions.Add(question);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new Invalid("key", $"Another question is called “{key}”.");
        }
        return question.ToView();
    }

    public async Task<Result<QuestionView>> ChangeQuestionAsync(Guid me, Guid id, Guid questionId, QuestionInput input, CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return NoSuchProgramme;
        var question = await db.EnrolmentQuestions.SingleOrDefaultAsync(q => q.ProgrammeId == id && q.Id == questionId, ct);
        if (question is null) return new NotFoundError("No such question.");
        var errors = input.Validate();
        var key = input.NormalisedKey();
        if (!errors.ContainsKey("key") && await db.EnrolmentQuestions.AnyAsync(q => q.ProgrammeId == id && q.Key == key && q.Id != questionId, ct))
            errors["key"] = [$"Another question is called “{key}”."];
        if (errors.Count > 0) return new Invalid(errors);
        question.Define(input.ToDefinition());
        await db.SaveChangesAsync(ct);
        return question.ToView();
    }

    /// <summary>Answers already given stay on the participants (the export still has them); matching stops using them.</summary>
    public async Task<Result<IReadOnlyList<QuestionView>>> RemoveQuestionAsync(Guid me, Guid id, Guid questionId, CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return NoSuchProgramme;
        var removed = await db.EnrolmentQuestions.Where(q => q.ProgrammeId == id && q.Id == questionId).ExecuteDeleteAsync(ct);
        if (removed == 0) return new NotFoundError("No such question.");
        return await QuestionList(id).ToListAsync(ct);
    }

    private IQueryable<QuestionView> QuestionList(Guid id) => db.EnrolmentQuestions.Where(q => q.ProgrammeId == id)
        .OrderBy(q => q.Position)
        .Select(q => new QuestionView(q.Id, q.Position, q.Key, q.Text, q.Kind, q.Choices, q.Role, q.Required, q.Use, q.HardRule));

    // ── Participants ───────────────────────────────────────────────────────────────────────────────────

    public async Task<Result<ParticipantPage>> ParticipantsAsync(Guid me, Guid id, ProgrammeRole? role, ParticipantStatus? status,
        string? search, int page, int pageSize, CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return NoSuchProgramme;
        if (page < 1) return new Invalid("page", "Must be at least 1.");
        if (pageSize is < 1 or > MaxPageSize) return new Invalid("pageSize", $"Must be between 1 and {MaxPageSize}.");
        var query = db.Participants.AsNoTracking().Where(x => x.ProgrammeId == id
                && (role == null || x.Role == role) && (status == null || x.Status == status))
            .Join(db.Users, x => x.MemberId, u => u.Id, (x, u) => new { x, u.DisplayName, u.Email });
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim().ToUpperInvariant();
            query = query.Where(r => r.DisplayName.ToUpper().Contains(s) || (r.Email ?? "").ToUpper().Contains(s));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(r => r.DisplayName).ThenBy(r => r.x.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var questions = await db.EnrolmentQuestions.AsNoTracking().Where(q => q.ProgrammeId == id).ToListAsync(ct);
        return new ParticipantPage(total, page, pageSize,
            rows.Select(r => View(r.x, r.DisplayName, r.Email ?? "", questions)).ToList());
    }

    public async Task<Result<ParticipantView>> ParticipantAsync(Guid me, Guid id, Guid participantId, CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return NoSuchProgramme;
        var row = await db.Participants.AsNoTracking().Where(x => x.ProgrammeId == id && x.Id == participantId)
            .Join(db.Users, x => x.MemberId, u => u.Id, (x, u) => new { x, u.DisplayName, u.Email })
            .SingleOrDefaultAsync(ct);
        if (row is null) return new NotFoundError("No such participant.");
        var questions = await db.EnrolmentQuestions.AsNoTracking().Where(q => q.ProgrammeId == id).ToListAsync(ct);
        return View(row.x, row.DisplayName, row.Email ?? "", questions);
    }

    public async Task<Result<ParticipantView>> SetCapacityAsync(Guid me, Guid id, Guid participantId, CapacityRequest request,
        CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return NoSuchProgramme;
        var participant = await db.Participants.SingleOrDefaultAsync(x => x.ProgrammeId == id && x.Id == participantId, ct);
        if (participant is null) return new NotFoundError("No such participant.");
        if (request.Capacity is not (>= 0 and <= Participant.MaxCapacity))
            return new Invalid("capacity", $"Must be between 0 and {Participant.MaxCapacity} mentees.");
        if (request.Version is null) return new Invalid("version", "Send the version you started from.");
        if (participant.Version != request.Version) return Stale;
        db.Entry(participant).Property(p => p.Version).OriginalValue = request.Version.Value;
        if (participant.SetCapacity(request.Capacity.Value, time.GetUtcNow()) is { } refused) return refused.ToError();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale;
        }
        return await ParticipantAsync(me, id, participantId, ct);
    }

    /// <summary>A coordinator takes someone out of the programme; they are told kindly. Their mentorships are theirs and go on.</summary>
    public async Task<Result<ParticipantView>> RemoveAsync(Guid me, Guid id, Guid participantId, CancellationToken ct)
    {
        var programme = await access.FindAsync(me, id, ct);
        if (programme is null) return NoSuchProgramme;
        var participant = await db.Participants.SingleOrDefaultAsync(x => x.ProgrammeId == id && x.Id == participantId, ct);
        if (participant is null) return new NotFoundError("No such participant.");
        if (participant.Remove(time.GetUtcNow()) is { } refused) return refused.ToError();
        await notifier.PublishAsync(participant.MemberId, NotificationKind.Programme, $"You are no longer in {programme.Name}",
            "The programme's coordinators took you out of it. Any mentorship you have goes on as before; it is yours.",
            "/Programmes", ct);
        await db.SaveChangesAsync(ct);
        return await ParticipantAsync(me, id, participantId, ct);
    }

    public async Task<Result<EnrolmentCounts>> CountsAsync(Guid me, Guid id, CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return NoSuchProgramme;
        var byRole = await db.Participants.Where(x => x.ProgrammeId == id)
            .GroupBy(x => new { x.Role, x.Status })
            .Select(g => new { g.Key.Role, g.Key.Status, Count = g.Count(), Places = g.Sum(x => x.Capacity) })
            .ToListAsync(ct);
        int Count(ProgrammeRole role, ParticipantStatus status) =>
            byRole.Where(r => r.Role == role && r.Status == status).Sum(r => r.Count);
        var now = time.GetUtcNow();
        var pending = await db.Invitations.CountAsync(i => i.ProgrammeId == id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, ct);
        var pairs = await db.Mentorships.Where(m => m.ProgrammeId == id).GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Pairs(params MentorshipStatus[] statuses) => pairs.Where(p => statuses.Contains(p.Status)).Sum(p => p.Count);
        return new EnrolmentCounts(Count(ProgrammeRole.Mentee, ParticipantStatus.Enrolled), Count(ProgrammeRole.Mentee, ParticipantStatus.Incomplete),
            Count(ProgrammeRole.Mentor, ParticipantStatus.Enrolled), Count(ProgrammeRole.Mentor, ParticipantStatus.Incomplete),
            byRole.Where(r => r.Role == ProgrammeRole.Mentor && r.Status == ParticipantStatus.Enrolled).Sum(r => r.Places),
            byRole.Where(r => r.Status is ParticipantStatus.Left or ParticipantStatus.Removed).Sum(r => r.Count), pending,
            new PairCounts(Pairs(MentorshipStatus.Proposed, MentorshipStatus.Negotiating), Pairs(MentorshipStatus.Active, MentorshipStatus.Paused),
                Pairs(MentorshipStatus.Completed, MentorshipStatus.Ended),
                Pairs(MentorshipStatus.Declined, MentorshipStatus.Withdrawn, MentorshipStatus.Expired)));
    }

    private static ConflictError Stale => new("Another coordinator changed this participant since you opened it. Reload and try again.");

    internal static ParticipantView View(Participant x, string name, string email, IReadOnlyList<EnrolmentQuestion> questions) => new(
        x.Id, x.MemberId, name, email, x.Role, x.Status, x.Source, x.Capacity, x.JoinedAt, x.EnrolledAt,
        questions.Where(q => q.Asks(x.Role)).OrderBy(q => q.Position)
            .Select(q => new AnswerView(q.Id, q.Key, q.Text, x.Answers.FirstOrDefault(a => a.QuestionId == q.Id)?.Values ?? []))
            .ToList(),
        x.Version);
}
