using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Enrolment;

/// <summary>What an import did, or would do (dry run): counts, and every bad row with its line (the first
/// <see cref="ImportCsv.MaxListedErrors"/> listed).</summary>
public sealed record ImportSummary(bool DryRun, bool Imported, int Rows, int Added, int AddedComplete, int Updated,
    int Invited, int AlreadyInvited, int SkippedLeft, IReadOnlyList<ImportError> Errors, int ErrorCount);

/// <summary>
/// Imports participants from CSV, all or nothing: a file with one bad row changes nothing. Existing members
/// (matched by e-mail) join the programme at once and are told; new people get an invitation. Everything —
/// participants, invitations, notifications and their e-mails — commits in one transaction.
/// </summary>
public sealed class ParticipantImport(TrellisDbContext db, ProgrammeAccess access, InvitationHandlers invitations,
    Notifier notifier, TimeProvider time)
{
    public const int MaxBytes = 50 * 1024 * 1024;

    public async Task<Result<ImportSummary>> RunAsync(Guid me, Guid id, byte[] file, bool dryRun, CancellationToken ct)
    {
        var programme = await access.FindAsync(me, id, ct);
        if (programme is null) return new NotFoundError("No such programme.");
        if (programme.IsArchived || programme.Status == ProgrammeStatus.Closed) return new ConflictError("The programme has closed.");
        if (file.Length == 0) return new Invalid("file", "Choose a CSV file.");
        if (file.Length > MaxBytes) return new Invalid("file", $"The file is larger than {MaxBytes / 1024 / 1024} MB.");

        var questions = await db.EnrolmentQuestions.AsNoTracking().Where(q => q.ProgrammeId == id).ToListAsync(ct);
        var (rows, errors) = ImportCsv.Read(file, programme, questions);
        var plan = errors.Count == 0 ? await PlanAsync(programme, rows, errors, ct) : null;
        var summary = Summary(dryRun, imported: false, rows.Count + errors.Count, plan, errors);
        if (errors.Count > 0 || dryRun) return summary;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        db.ChangeTracker.AutoDetectChangesEnabled = false; // 100,000 new rows: detect once, at the save
        try
        {
            Apply(programme, plan!, me, now);
            if (plan!.NewMembers.Count > 0)
                await notifier.PublishManyAsync(plan.NewMembers, NotificationKind.Programme, $"You are in {programme.Name}",
                    "The programme's coordinators added you. Open its page to complete your enrolment form.",
                    $"/Programmes/{programme.Slug}", ct);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone enrolled or was invited by another coordinator while the file was read: nothing was written.
            return new ConflictError("Some of these people joined the programme at the same moment. Nothing was imported; try again.");
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        return summary with { Imported = true };
    }

    private sealed record Plan(
        List<(ImportRow Row, Guid MemberId, Participant? Existing, bool Complete)> Members,
        List<(ImportRow Row, Invitation? Existing)> Invitations,
        List<Guid> NewMembers, int Updated, int AlreadyInvited, int SkippedLeft, int Complete);

    private async Task<Plan> PlanAsync(Programme programme, List<ImportRow> rows, List<ImportError> errors, CancellationToken ct)
    {
        var emails = rows.Select(r => r.Email).Concat(rows.SelectMany(r => r.Ranking)).Distinct().ToList();
        var upper = emails.Select(e => e.ToUpperInvariant()).ToList();
        var members = await db.Users.AsNoTracking()
            .Where(u => upper.Contains(u.NormalizedEmail!) && u.EmailConfirmed && u.DeletedAt == null && u.SuspendedAt == null)
            .Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(ct);
        var memberByEmail = members.ToDictionary(m => m.NormalizedEmail!.ToLowerInvariant(), m => m.Id);
        var ids = members.Select(m => m.Id).ToList();
        var participants = await db.Participants.Where(x => x.ProgrammeId == programme.Id && ids.Contains(x.MemberId)).ToListAsync(ct);
        // One row per member and role, and per e-mail and role (unique indexes): looked up by key, not searched per row.
        var participantOf = participants.ToDictionary(x => (x.MemberId, x.Role));
        var profiles = await db.Profiles.AsNoTracking().Where(p => ids.Contains(p.MemberId)).ToDictionaryAsync(p => p.MemberId, ct);
        var invited = (await db.Invitations.Where(i => i.ProgrammeId == programme.Id && emails.Contains(i.Email)).ToListAsync(ct))
            .ToDictionary(i => (i.Email, i.Role));
        var questions = await db.EnrolmentQuestions.AsNoTracking().Where(q => q.ProgrammeId == programme.Id).ToListAsync(ct);

        // A ranking may name people of the other side in this file or already in the programme.
        var otherSide = rows.Select(r => (r.Email, r.Role)).ToHashSet();
        var inProgramme = participants.Where(x => x.IsActive).Select(x => (x.MemberId, x.Role)).ToHashSet();
        foreach (var row in rows)
        {
            var other = row.Role == ProgrammeRole.Mentee ? ProgrammeRole.Mentor : ProgrammeRole.Mentee;
            var unknown = row.Ranking.FirstOrDefault(e => !otherSide.Contains((e, other))
                && !(memberByEmail.TryGetValue(e, out var m) && inProgramme.Contains((m, other))));
            if (unknown is not null) errors.Add(new(row.Line, $"ranking names {unknown}, who is not a {programme.WordFor(other)} in this file or the programme."));
        }

        var plan = new Plan([], [], [], 0, 0, 0, 0);
        int updated = 0, already = 0, skipped = 0, enrolled = 0;
        foreach (var row in rows)
        {
            if (!memberByEmail.TryGetValue(row.Email, out var memberId))
            {
                var invitation = invited.GetValueOrDefault((row.Email, row.Role));
                if (invitation is not null && (invitation.AcceptedAt is not null || invitation.IsPending(time.GetUtcNow()))) already++;
                plan.Invitations.Add((row, invitation));
                continue;
            }
            var existing = participantOf.GetValueOrDefault((memberId, row.Role));
            if (existing is { IsActive: false })
            {
                skipped++; // they chose to leave (or were taken out): an import does not bring them back
                continue;
            }
            if (existing is not null) updated++;
            var answers = existing is null ? row.Answers : Merge(existing.Answers, row.Answers);
            var complete = IsComplete(programme, row.Role, questions, answers, profiles.GetValueOrDefault(memberId));
            if (existing is null && complete) enrolled++;
            plan.Members.Add((row, memberId, existing, complete));
        }
        return plan with { Updated = updated, AlreadyInvited = already, SkippedLeft = skipped, Complete = enrolled };

        List<Answer> Merge(List<Answer> before, IReadOnlyList<Answer> now) =>
            [.. before.Where(b => now.All(n => n.QuestionId != b.QuestionId)), .. now];
    }

    private static bool IsComplete(Programme programme, ProgrammeRole role, IReadOnlyList<EnrolmentQuestion> questions,
        IReadOnlyList<Answer> answers, Profiles.Profile? profile) =>
        profile is not null
        && ProfileRequirements.Missing(profile, programme.EnrolmentFor(role).RequiredFields).Count == 0
        && (role == ProgrammeRole.Mentee || (profile.OpenToMentoring && profile.MentorCapacity > 0))
        && questions.Where(q => q.Asks(role) && q.Required).All(q => answers.Any(a => a.QuestionId == q.Id));

    private void Apply(Programme programme, Plan plan, Guid me, DateTimeOffset now)
    {
        foreach (var (row, memberId, existing, complete) in plan.Members)
        {
            var participant = existing;
            if (participant is null)
            {
                participant = new Participant(programme.Id, memberId, row.Role, ParticipantSource.Import, now);
                db.Participants.Add(participant);
                plan.NewMembers.Add(memberId);
            }
            var capacity = row.Capacity > 0 ? row.Capacity : participant.Capacity > 0 ? participant.Capacity : programme.DefaultMentorCapacity;
            participant.Fill(existing is null ? row.Answers : [.. participant.Answers.Where(a => row.Answers.All(n => n.QuestionId != a.QuestionId)), .. row.Answers],
                capacity, complete, now);
            db.Entry(participant).State = existing is null ? EntityState.Added : EntityState.Modified;
        }
        foreach (var (row, existing) in plan.Invitations)
        {
            var invitation = existing;
            if (invitation is null)
            {
                invitation = new Invitation(programme.Id, row.Email, row.Role, row.Capacity, me, now);
                db.Invitations.Add(invitation);
            }
            invitation.Prepare(row.Answers, row.Capacity);
            // A pending or accepted invitation is not sent again by an import; an expired or withdrawn one is.
            if (existing is null || (existing.AcceptedAt is null && !existing.IsPending(now)))
                invitations.Send(programme, invitation, now, row.Name);
            if (existing is not null) db.Entry(invitation).State = EntityState.Modified;
        }
    }

    private static ImportSummary Summary(bool dryRun, bool imported, int rowCount, Plan? plan, List<ImportError> errors)
    {
        var sorted = errors.OrderBy(e => e.Line).ToList();
        var added = plan?.Members.Count(m => m.Existing is null) ?? 0;
        return new ImportSummary(dryRun, imported, rowCount, added, plan?.Complete ?? 0, plan?.Updated ?? 0,
            (plan?.Invitations.Count ?? 0) - (plan?.AlreadyInvited ?? 0), plan?.AlreadyInvited ?? 0, plan?.SkippedLeft ?? 0,
            sorted.Take(ImportCsv.MaxListedErrors).ToList(), sorted.Count);
    }
}
