using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Enrolment;

/// <summary>
/// A member's side of a programme: its page, enrolling with the form, accepting an invitation, seeing and
/// leaving one's programmes. A member only ever reads their own participation and answers.
/// </summary>
public sealed class EnrolmentHandlers(TrellisDbContext db, ProfileHandlers profiles, Notifier notifier, TimeProvider time)
{
    private static readonly NotFoundError NoSuchProgramme = new("No such programme.");

    /// <summary>A published programme by its address (drafts and archived ones only for their coordinators).</summary>
    public async Task<Result<ProgrammeAbout>> AboutAsync(Guid me, string slug, CancellationToken ct)
    {
        var programme = await VisibleAsync(me, db.Programmes.Where(p => p.Slug == slug.ToLowerInvariant()), ct);
        return programme is null ? NoSuchProgramme : await AboutAsync(me, programme, ct);
    }

    public async Task<Result<ProgrammeAbout>> AboutAsync(Guid me, Guid id, CancellationToken ct)
    {
        var programme = await VisibleAsync(me, db.Programmes.Where(p => p.Id == id), ct);
        return programme is null ? NoSuchProgramme : await AboutAsync(me, programme, ct);
    }

    private async Task<Programme?> VisibleAsync(Guid me, IQueryable<Programme> query, CancellationToken ct) =>
        await query.AsNoTracking()
            .Where(p => (p.Status != ProgrammeStatus.Draft && p.ArchivedAt == null)
                        || db.ProgrammeCoordinators.Any(c => c.ProgrammeId == p.Id && c.MemberId == me)
                        || db.Participants.Any(x => x.ProgrammeId == p.Id && x.MemberId == me))
            .SingleOrDefaultAsync(ct);

    private async Task<ProgrammeAbout> AboutAsync(Guid me, Programme p, CancellationToken ct)
    {
        var mine = await db.Participants.AsNoTracking().Where(x => x.ProgrammeId == p.Id && x.MemberId == me).ToListAsync(ct);
        var questions = await QuestionsAsync(p.Id, ct);
        var profile = await profiles.OwnProfileAsync(me, ct);
        var email = await EmailAsync(me, ct);
        var now = time.GetUtcNow();
        var invited = await db.Invitations.AsNoTracking()
            .Where(i => i.ProgrammeId == p.Id && i.Email == email && i.RevokedAt == null
                        && (i.AcceptedBy == me || (i.AcceptedAt == null && i.ExpiresAt > now)))
            .Select(i => i.Role).ToListAsync(ct);
        var roles = new List<RoleStanding>();
        foreach (var role in new[] { ProgrammeRole.Mentee, ProgrammeRole.Mentor })
        {
            var participant = mine.SingleOrDefault(x => x.Role == role);
            var why = WhyNot(p, role, participant, email, invited.Contains(role));
            roles.Add(new RoleStanding(role, p.WordFor(role), why is null, why,
                participant is null ? null : View(participant, questions),
                MissingFields(profile, p, role)));
        }
        var coordinator = await db.ProgrammeCoordinators.AnyAsync(c => c.ProgrammeId == p.Id && c.MemberId == me, ct);
        return new ProgrammeAbout(p.Id, p.Slug, p.Name, p.Description, p.Kind, p.Status, p.EnrolmentClosesOn, p.RunsFrom,
            p.RunsUntil, p.MenteeWord, p.MentorWord, p.MatchingMode, roles, coordinator);
    }

    /// <summary>Why this member cannot enrol (or change their form) in this role now; null when they can.</summary>
    private static string? WhyNot(Programme p, ProgrammeRole role, Participant? participant, string email, bool invited)
    {
        if (p.IsArchived || p.Status == ProgrammeStatus.Closed) return "The programme has closed.";
        // Someone already in the programme (added by a coordinator, or enrolled) can always complete or change the form.
        if (participant is { IsActive: true }) return null;
        if (!p.AcceptsEnrolment && !invited)
            return p.Status == ProgrammeStatus.Draft ? "Enrolment has not opened yet." : "Enrolment is closed.";
        var rules = p.EnrolmentFor(role);
        if (invited || rules.Admits(email)) return null;
        return rules.Access == EnrolmentAccess.InvitationOnly
            ? $"Enrolment as a {p.WordFor(role)} is by invitation only."
            : $"Enrolment as a {p.WordFor(role)} is for e-mail addresses at {string.Join(", ", rules.Domains)}.";
    }

    private static IReadOnlyList<ProfileField> MissingFields(Profile profile, Programme p, ProgrammeRole role) =>
        ProfileRequirements.Missing(profile, p.EnrolmentFor(role).RequiredFields);

    public async Task<IReadOnlyList<QuestionView>> QuestionsForAsync(Guid programmeId, ProgrammeRole role, CancellationToken ct) =>
        (await QuestionsAsync(programmeId, ct)).Where(q => q.Asks(role)).Select(q => q.ToView()).ToList();

    private Task<List<EnrolmentQuestion>> QuestionsAsync(Guid programmeId, CancellationToken ct) =>
        db.EnrolmentQuestions.AsNoTracking().Where(q => q.ProgrammeId == programmeId).OrderBy(q => q.Position).ToListAsync(ct);

    /// <summary>Enrols the member in one role with the enrolment form, or changes the form they filled in.</summary>
    public async Task<Result<MyParticipation>> EnrolAsync(Guid me, Guid programmeId, EnrolRequest request, CancellationToken ct)
    {
        var found = await AboutAsync(me, programmeId, ct);
        if (!found.IsSuccess) return found.Error;
        if (request.Role is not { } role || !Enum.IsDefined(role)) return new Invalid("role", "Choose Mentee or Mentor.");
        var standing = found.Value.Roles.Single(r => r.Role == role);
        if (!standing.CanEnrol) return new ConflictError(standing.WhyNot!);

        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == programmeId, ct);
        var questions = (await QuestionsAsync(programmeId, ct)).Where(q => q.Asks(role)).ToList();
        var (answers, errors) = CheckAnswers(questions, request.Answers ?? [], requireAll: true);
        foreach (var field in standing.MissingProfileFields)
            errors[$"profile.{char.ToLowerInvariant(field.ToString()[0])}{field.ToString()[1..]}"] =
                [$"This programme needs your {ProfileRequirements.Describe(field)} on your profile first."];
        var capacity = request.Capacity ?? programme.DefaultMentorCapacity;
        if (role == ProgrammeRole.Mentor)
        {
            if (capacity is < 1 or > Participant.MaxCapacity)
                errors["capacity"] = [$"Must be between 1 and {Participant.MaxCapacity} mentees."];
            var profile = await profiles.OwnProfileAsync(me, ct);
            if (!profile.OpenToMentoring || profile.MentorCapacity < 1)
                errors["profile.openToMentoring"] = ["Say on your profile that you are open to mentoring, with room for at least one mentee."];
        }
        if (errors.Count > 0) return new Invalid(errors);

        var now = time.GetUtcNow();
        var participant = await db.Participants.SingleOrDefaultAsync(x => x.ProgrammeId == programmeId && x.MemberId == me && x.Role == role, ct);
        var invitation = await AcceptInvitationFor(programmeId, me, role, now, ct);
        var isNew = participant is null;
        participant ??= db.Participants.Add(new Participant(programmeId, me, role,
            invitation is null ? ParticipantSource.Self : ParticipantSource.Invitation, now)).Entity;
        participant.Fill(answers, capacity, complete: true, now);
        if (isNew || participant.EnrolledAt == now)
            await notifier.PublishAsync(me, NotificationKind.Programme, $"You are enrolled in {programme.Name}",
                $"You take part as a {programme.WordFor(role)}. You can change your answers or leave the programme from its page.",
                $"/Programmes/{programme.Slug}", ct, email: false);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index: the same form sent twice at once (two tabs, a double click on two nodes).
            return new ConflictError("You enrolled in this programme from somewhere else at the same moment. Reload to see it.");
        }
        return View(participant, questions);
    }

    private async Task<Invitation?> AcceptInvitationFor(Guid programmeId, Guid me, ProgrammeRole role, DateTimeOffset now, CancellationToken ct)
    {
        var email = await EmailAsync(me, ct);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.ProgrammeId == programmeId && i.Email == email && i.Role == role, ct);
        if (invitation is null || invitation.Accept(me, email, now) is not null) return null;
        return invitation;
    }

    /// <summary>Checks each answer against its question; with <paramref name="requireAll"/> a required question left blank is an error.</summary>
    internal static (List<Answer> Answers, Dictionary<string, string[]> Errors) CheckAnswers(
        IReadOnlyList<EnrolmentQuestion> questions, IReadOnlyList<AnswerInput> input, bool requireAll)
    {
        var errors = new Dictionary<string, string[]>();
        var answers = new List<Answer>();
        foreach (var unknown in input.Where(a => a.QuestionId is null || questions.All(q => q.Id != a.QuestionId)))
            errors["answers"] = ["Answer only this programme's questions for your role."];
        foreach (var q in questions)
        {
            var given = input.Where(a => a.QuestionId == q.Id).SelectMany(a => a.Values ?? []).ToList();
            var (values, error) = q.Check(given);
            if (error is not null) errors[$"answers.{q.Id}"] = [error];
            else if (values.Count == 0 && q.Required && requireAll) errors[$"answers.{q.Id}"] = ["Please answer this question."];
            else if (values.Count > 0) answers.Add(new Answer(q.Id, values));
        }
        return (answers, errors);
    }

    public async Task<Result<MyParticipation>> LeaveAsync(Guid me, Guid programmeId, RoleRequest request, CancellationToken ct)
    {
        var found = await AboutAsync(me, programmeId, ct);
        if (!found.IsSuccess) return found.Error;
        if (request.Role is not { } role || !Enum.IsDefined(role)) return new Invalid("role", "Choose Mentee or Mentor.");
        var participant = await db.Participants.SingleOrDefaultAsync(x => x.ProgrammeId == programmeId && x.MemberId == me && x.Role == role, ct);
        if (participant is null) return new NotFoundError("You are not in this programme in that role.");
        if (participant.Leave(time.GetUtcNow()) is { } refused) return refused.ToError();
        await db.SaveChangesAsync(ct);
        return View(participant, await QuestionsAsync(programmeId, ct));
    }

    public async Task<IReadOnlyList<MyProgramme>> MineAsync(Guid me, CancellationToken ct)
    {
        var rows = await db.Participants.AsNoTracking().Where(x => x.MemberId == me)
            .Join(db.Programmes, x => x.ProgrammeId, p => p.Id, (x, p) => new { x, p })
            .OrderByDescending(r => r.x.JoinedAt)
            .ToListAsync(ct);
        return rows.Select(r => new MyProgramme(r.p.Id, r.p.Slug, r.p.Name, r.p.Status, r.x.Role, r.p.WordFor(r.x.Role), r.x.Status))
            .ToList();
    }

    private static MyParticipation View(Participant x, IReadOnlyList<EnrolmentQuestion> questions) => new(
        x.Id, x.Role, x.Status, x.Capacity,
        x.Answers.Select(a => (a, q: questions.FirstOrDefault(q => q.Id == a.QuestionId)))
            .Where(t => t.q is not null)
            .Select(t => new AnswerView(t.a.QuestionId, t.q!.Key, t.q.Text, t.a.Values)).ToList(),
        x.JoinedAt, x.EnrolledAt);

    private async Task<string> EmailAsync(Guid me, CancellationToken ct) =>
        Invitation.Normalise(await db.Users.Where(u => u.Id == me).Select(u => u.Email ?? "").SingleAsync(ct));
}
