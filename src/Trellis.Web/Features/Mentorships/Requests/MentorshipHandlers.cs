using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Features.Mentorships.Lifecycle;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Features.Programmes.MenteeChoice;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Mentorships.Requests;

/// <summary>Requests and agreements, shared by the API and the pages. Every query goes through
/// <see cref="Mine"/>, so a mentorship is only ever found by its two members.</summary>
public sealed class MentorshipHandlers(TrellisDbContext db, TimeProvider time, Notifier notifier, IOptions<MentorshipOptions> options, MentorshipEvents events,
    MenteeChoiceRules programmes)
{
    public const int DeclineMessageMax = 1000;
    private MentorshipOptions Rules => options.Value;

    private IQueryable<Mentorship> Mine(Guid me) => db.Mentorships.Where(m => m.MenteeId == me || m.MentorId == me);

    public async Task<IReadOnlyList<MentorshipSummary>> ListAsync(Guid me, Party? role, CancellationToken ct)
    {
        var rows = await Mine(me)
            .Where(m => role == null || (role == Party.Mentee ? m.MenteeId == me : m.MentorId == me))
            .Select(m => new
            {
                m.Id,
                m.MenteeId,
                m.MentorId,
                m.Status,
                m.CurrentVersion,
                m.UpdatedAt,
                m.ExpiresAt,
                ProposedBy = m.Versions.Where(v => v.Number == m.CurrentVersion).Select(v => v.ProposedBy).First(),
                m.DirectStart,
                Accepted = m.Versions.Where(v => v.Number == m.CurrentVersion)
                    .Select(v => new { v.AcceptedByMentee, v.AcceptedByMentor }).First(),
                OtherName = db.Users.Where(u => u.Id == (m.MenteeId == me ? m.MentorId : m.MenteeId)).Select(u => u.DisplayName).First(),
            })
            .AsNoTracking()
            .ToListAsync(ct);
        return rows
            .Select(r =>
            {
                var myRole = r.MenteeId == me ? Party.Mentee : Party.Mentor;
                var open = Mentorship.OpenStatuses.Contains(r.Status);
                var mine = myRole == Party.Mentee ? r.Accepted.AcceptedByMentee : r.Accepted.AcceptedByMentor;
                return new MentorshipSummary(r.Id, myRole, myRole == Party.Mentee ? r.MentorId : r.MenteeId, r.OtherName, r.Status,
                    r.CurrentVersion, open && (r.DirectStart ? !mine : r.ProposedBy != myRole), r.UpdatedAt, r.ExpiresAt);
            })
            .OrderByDescending(s => s.MyTurn).ThenByDescending(s => s.UpdatedAt)
            .ToList();
    }

    public async Task<Result<MentorshipView>> GetAsync(Guid me, Guid id, CancellationToken ct)
    {
        var m = await LoadAsync(me, id, ct, tracking: false);
        return m is null ? new NotFoundError("No such mentorship.") : await ViewAsync(m, me, ct);
    }

    public async Task<Result<DiffView>> DiffAsync(Guid me, Guid id, int? from, int? to, CancellationToken ct)
    {
        var m = await LoadAsync(me, id, ct, tracking: false);
        if (m is null) return new NotFoundError("No such mentorship.");
        // Checked after the membership, so a missing number never tells an outsider the mentorship exists.
        if (from is null) return new Invalid("from", "Send the number of the version to compare from.");
        if (to is null) return new Invalid("to", "Send the number of the version to compare to.");
        var a = m.Versions.SingleOrDefault(v => v.Number == from);
        var b = m.Versions.SingleOrDefault(v => v.Number == to);
        if (a is null) return new Invalid("from", $"There is no version {from}; versions run from 1 to {m.CurrentVersion}.");
        if (b is null) return new Invalid("to", $"There is no version {to}; versions run from 1 to {m.CurrentVersion}.");
        return new DiffView(a.Number, b.Number, AgreementDiff.Between(a.Terms, b.Terms));
    }

    public async Task<Result<MentorshipView>> ProposeAsync(Guid me, ProposeRequest request, CancellationToken ct)
    {
        var errors = (request.Agreement ?? new AgreementInput()).Validate(await TodayForAsync(me, ct), "agreement.");
        if (request.MentorId is null) errors["mentorId"] = ["This field is required."];
        else if (request.MentorId == me) errors["mentorId"] = ["You cannot be your own mentor."];
        if (errors.Count > 0) return new Invalid(errors);
        var mentorId = request.MentorId!.Value;
        // A blocked pair (either way), a suspended mentor, a hidden profile or one kept to programmes the mentee is
        // not in get exactly what an unknown member gets.
        var mentor = await db.Profiles.WhereVisibleTo(db, me).Where(p => p.MemberId == mentorId)
            .Join(db.Users, p => p.MemberId, u => u.Id, (p, u) => new { p.OpenToMentoring, p.MentorCapacity, p.ActiveMentees, u.DisplayName })
            .SingleOrDefaultAsync(ct);
        if (mentor is null) return new NotFoundError("No such member.");
        if (!mentor.OpenToMentoring) return new ConflictError($"{mentor.DisplayName} is not taking mentees at the moment.");
        if (mentor.ActiveMentees >= mentor.MentorCapacity) return new ConflictError($"{mentor.DisplayName} has no room for another mentee right now.");

        // One mentee's proposals are serialised on every node: this no-op UPDATE locks the mentee's own
        // profile row until the transaction ends, so two requests sent at once cannot both count
        // "four open" and make six (SQLite takes its single write lock here).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var locked = await db.Profiles.Where(p => p.MemberId == me)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ActiveMentors, p => p.ActiveMentors), ct);
        if (locked == 0)
        {
            // Accounts made through the API get their profile on first use; inserting it takes the same lock.
            db.Profiles.Add(new Profile(me, time.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }

        var mine = db.Mentorships.Where(m => m.MenteeId == me);
        if (await mine.AnyAsync(m => m.MentorId == mentorId && Mentorship.OngoingStatuses.Contains(m.Status), ct))
            return new ConflictError($"You already have a request or a mentorship with {mentor.DisplayName}.");
        if (await mine.CountAsync(m => Mentorship.OpenStatuses.Contains(m.Status), ct) >= Rules.MaxOpenRequests)
            return new ConflictError($"You have {Rules.MaxOpenRequests} requests waiting for an answer, the most you can have at once. Wait for an answer or withdraw one first.");
        // A request made inside a mentee-choice programme also keeps to its rules (counted under the same lock).
        if (request.ProgrammeId is { } programmeId && await programmes.CheckAsync(me, mentorId, programmeId, ct) is { } refused)
            return refused;
        var now = time.GetUtcNow();
        var coolUntil = await mine
            .Where(m => m.MentorId == mentorId && (m.Status == MentorshipStatus.Declined || m.Status == MentorshipStatus.Withdrawn))
            .MaxAsync(m => m.ClosedAt, ct);
        if (coolUntil is { } closed && closed.AddDays(Rules.CooldownDays) > now)
            return new ConflictError($"Your last request to {mentor.DisplayName} ended recently. You can ask again from {closed.AddDays(Rules.CooldownDays):d MMMM yyyy}.");

        var mentorship = Mentorship.Propose(me, mentorId, request.Agreement!.ToAgreement(), now, Rules.DeadlineFrom(now), request.ProgrammeId);
        db.Mentorships.Add(mentorship);
        var menteeName = await NameAsync(me, ct);
        await notifier.PublishAsync(mentorId, NotificationKind.MentorshipRequest, $"{menteeName} asks you to be their mentor",
            RequestText(menteeName, mentorship.Current.Terms), Link(mentorship), ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on ongoing requests: the same request sent twice at once.
            return new ConflictError($"You already have a request or a mentorship with {mentor.DisplayName}.");
        }
        return await ViewAsync(mentorship, me, ct);
    }

    public Task<Result<MentorshipView>> CounterAsync(Guid me, Guid id, ChangeRequest request, CancellationToken ct) =>
        ChangeAsync(me, id, request, counter: true, ct);

    public Task<Result<MentorshipView>> EditAsync(Guid me, Guid id, ChangeRequest request, CancellationToken ct) =>
        ChangeAsync(me, id, request, counter: false, ct);

    private async Task<Result<MentorshipView>> ChangeAsync(Guid me, Guid id, ChangeRequest request, bool counter, CancellationToken ct)
    {
        var m = await LoadAsync(me, id, ct);
        if (m is null) return new NotFoundError("No such mentorship.");
        var errors = (request.Agreement ?? new AgreementInput()).Validate(await TodayForAsync(me, ct), "agreement.");
        if (request.BasedOnVersion is null) errors["basedOnVersion"] = ["Send the number of the version you are answering."];
        if (request.Note?.Length > AgreementVersion.ChangeNoteMax) errors["note"] = [$"Must be at most {AgreementVersion.ChangeNoteMax} characters."];
        if (errors.Count > 0) return new Invalid(errors);

        var now = time.GetUtcNow();
        var terms = request.Agreement!.ToAgreement();
        var note = request.Note ?? "";
        var refused = counter
            ? m.CounterPropose(me, request.BasedOnVersion!.Value, terms, now, Rules.DeadlineFrom(now), note)
            : m.EditBeforeAnswer(me, request.BasedOnVersion!.Value, terms, now, note);
        if (refused is not null) return ToError(refused);

        var party = m.PartyOf(me)!.Value;
        var name = await NameAsync(me, ct);
        var changes = AgreementDiff.Between(m.Versions.Single(v => v.Number == m.CurrentVersion - 1).Terms, m.Current.Terms);
        var summary = (changes.Count == 0 ? "No terms changed." : "Changed: " + string.Join("; ", changes.Select(c => $"{c.Label.ToLowerInvariant()} {c.Before} → {c.After}")) + ".")
            + (m.Current.ChangeNote.Length > 0 ? $" {name}'s note: “{m.Current.ChangeNote}”" : "");
        await notifier.PublishAsync(m.MemberOf(Mentorship.Other(party)), counter ? NotificationKind.CounterProposal : NotificationKind.MentorshipRequest,
            counter ? $"{name} suggests changes to your mentorship agreement" : $"{name} edited their proposal",
            Truncate(summary, 1900), Link(m), ct);
        return await SaveAsync(m, me, ct);
    }

    /// <summary>The request as the mentor first reads it (in Trellis and by e-mail): the mentee's own words first, the
    /// heart of the seed's "ideal relationship", then what they propose. Fits the notification's 2,000 characters.</summary>
    public static string RequestText(string menteeName, Agreement terms)
    {
        var note = terms.PersonalNote.Trim();
        var goals = terms.Goals.Count == 0 ? "" : $"\nGoals: {Truncate(string.Join("; ", terms.Goals), 400)}.";
        var proposal = $"What {menteeName} proposes:\n{char.ToUpperInvariant(terms.CadenceText[0])}{terms.CadenceText[1..]}, "
            + $"{terms.MeetingMinutes} minutes, by {Agreement.MediumText(terms.Medium)}; {Agreement.FormalityText(terms.Formality)}.\n"
            + $"From {terms.StartDate:d MMMM yyyy} for {terms.DurationMonths} months, reviewed every {terms.ReviewEveryMonths} months.{goals}";
        return (note.Length > 0 ? $"{menteeName} writes: “{Truncate(note, 1000)}”\n\n" : "")
            + proposal + "\n\nRead the whole proposal, then accept, shape or decline it.";
    }

    public async Task<Result<MentorshipView>> AcceptAsync(Guid me, Guid id, AcceptRequest request, CancellationToken ct)
    {
        var m = await LoadAsync(me, id, ct);
        if (m is null) return new NotFoundError("No such mentorship.");
        if (request.Version is null) return new Invalid("version", "Send the number of the version you accept.");
        var from = m.Status;
        var now = time.GetUtcNow();
        if (m.Accept(me, request.Version.Value, now) is { } refused) return ToError(refused);
        if (m.Status != MentorshipStatus.Active)
        {
            // A direct match accepted by its first member: it waits for the other (no place is taken yet). Two
            // acceptances at once both start from the same version; the second save fails on it (409).
            var name = await NameAsync(me, ct);
            await notifier.PublishAsync(m.MemberOf(Mentorship.Other(m.PartyOf(me)!.Value)), NotificationKind.MentorshipRequest,
                $"{name} accepted your programme's match", "The mentorship starts as soon as you accept it too.", Link(m), ct);
            return await SaveAsync(m, me, ct);
        }

        // Claiming the slots and saving the acceptance commit together or not at all. Each claim is a
        // conditional UPDATE, so the database serialises competing acceptances: on PostgreSQL the second
        // UPDATE waits for the first and re-checks the condition; SQLite allows one writer at a time.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var mentorSlot = await db.Profiles
            .Where(p => p.MemberId == m.MentorId && p.ActiveMentees < p.MentorCapacity)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ActiveMentees, p => p.ActiveMentees + 1), ct);
        if (mentorSlot == 0)
            return new ConflictError($"{await NameAsync(m.MentorId, ct)} has no room for another mentee right now: every place is taken.");
        if (Rules.MaxActiveMentors > 0)
        {
            var max = Rules.MaxActiveMentors;
            var menteeSlot = await db.Profiles
                .Where(p => p.MemberId == m.MenteeId && p.ActiveMentors < max)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ActiveMentors, p => p.ActiveMentors + 1), ct);
            if (menteeSlot == 0)
                return new ConflictError(me == m.MenteeId
                    ? $"You already have {max} mentors, the most at once. End or complete a mentorship first."
                    : $"{await NameAsync(m.MenteeId, ct)} already has {max} mentors, the most at once.");
        }
        else
        {
            await db.Profiles.Where(p => p.MemberId == m.MenteeId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ActiveMentors, p => p.ActiveMentors + 1), ct);
        }

        var party = m.PartyOf(me)!.Value;
        db.AddTimeline(m.Id, now, me, "agreement", $"{await NameAsync(me, ct)} accepted version {m.AcceptedVersion} of the agreement; the mentorship started.", Link(m));
        await events.StatusChangedAsync(m, from, me, now, ct);
        await notifier.PublishAsync(m.MemberOf(Mentorship.Other(party)), NotificationKind.RequestAnswered,
            $"{await NameAsync(me, ct)} accepted: your mentorship has started",
            $"You both agreed to version {m.AcceptedVersion}: {m.InForce!.Terms.MeetingText}.", Link(m), ct);
        var saved = await SaveAsync(m, me, ct);
        if (saved.IsSuccess) await tx.CommitAsync(ct);
        return saved;
    }

    /// <summary>The mentor declines a request with a reason; either member declines a direct match (a reason optional).</summary>
    public async Task<Result<MentorshipView>> DeclineAsync(Guid me, Guid id, DeclineRequest request, CancellationToken ct)
    {
        var m = await LoadAsync(me, id, ct);
        if (m is null) return new NotFoundError("No such mentorship.");
        var errors = new Dictionary<string, string[]>();
        if (request.Reason is null && !m.DirectStart) errors["reason"] = ["Choose a reason; the mentee sees it."];
        else if (request.Reason is { } r && !Enum.IsDefined(r)) errors["reason"] = [$"Must be one of: {string.Join(", ", Enum.GetNames<DeclineReason>())}."];
        if (request.Message?.Length > DeclineMessageMax) errors["message"] = [$"Must be at most {DeclineMessageMax} characters."];
        if (errors.Count > 0) return new Invalid(errors);

        var message = (request.Message ?? "").Trim();
        var (from, now) = (m.Status, time.GetUtcNow());
        if (m.Decline(me, request.Reason, message, now) is { } refused) return ToError(refused);
        await TellDeclinedAsync(m, me, await NameAsync(me, ct), request.Reason, message, ct);
        await events.StatusChangedAsync(m, from, me, now, ct);
        return await SaveAsync(m, me, ct);
    }

    public async Task<Result<MentorshipView>> WithdrawAsync(Guid me, Guid id, CancellationToken ct)
    {
        var m = await LoadAsync(me, id, ct);
        if (m is null) return new NotFoundError("No such mentorship.");
        if (m.Withdraw(me, time.GetUtcNow()) is { } refused) return ToError(refused);
        await TellWithdrawnAsync(m, await NameAsync(me, ct), ct);
        return await SaveAsync(m, me, ct);
    }

    /// <summary>
    /// Closes an open request the way its own member would (the mentee withdraws, the mentor declines with
    /// no words of their own), with the same notification. Blocking uses it, so the other member sees an
    /// ordinary answer. The caller saves.
    /// </summary>
    internal async Task<MentorshipError?> CloseRequestAsync(Mentorship m, Guid me, DateTimeOffset now, CancellationToken ct)
    {
        var from = m.Status;
        var withdraws = m.PartyOf(me) == Party.Mentee && !m.DirectStart;
        var refused = withdraws ? m.Withdraw(me, now) : m.Decline(me, DeclineReason.Other, "", now);
        if (refused is not null) return refused;
        var name = await NameAsync(me, ct);
        if (withdraws) await TellWithdrawnAsync(m, name, ct);
        else await TellDeclinedAsync(m, me, name, DeclineReason.Other, "", ct);
        await events.StatusChangedAsync(m, from, me, now, ct);
        return null;
    }

    private Task TellWithdrawnAsync(Mentorship m, string menteeName, CancellationToken ct) =>
        notifier.PublishAsync(m.MentorId, NotificationKind.RequestAnswered, $"{menteeName} withdrew their request",
            "Nothing more is needed from you. Thank you for considering it.", Link(m), ct);

    private Task TellDeclinedAsync(Mentorship m, Guid by, string name, DeclineReason? reason, string message, CancellationToken ct)
    {
        var words = (reason is { } r ? DeclineReasons.Text(r) : "") + (message.Length > 0 ? $" “{message}”" : "");
        if (!m.DirectStart)
            return notifier.PublishAsync(m.MenteeId, NotificationKind.RequestAnswered, $"{name} can't be your mentor this time",
                Truncate(words, 1900), Link(m), ct);
        return notifier.PublishAsync(m.MemberOf(Mentorship.Other(m.PartyOf(by)!.Value)), NotificationKind.RequestAnswered,
            $"{name} declined your programme's match", Truncate(words.Length > 0 ? words.Trim() : "The match has closed; your programme's "
                + "coordinators can match you again.", 1900), Link(m), ct);
    }

    public async Task<Result<MentorshipView>> AskAsync(Guid me, Guid id, QuestionRequest request, CancellationToken ct)
    {
        var m = await LoadAsync(me, id, ct);
        if (m is null) return new NotFoundError("No such mentorship.");
        var text = request.Text?.Trim() ?? "";
        if (text.Length == 0) return new Invalid("text", "This field is required.");
        if (text.Length > MentorshipQuestion.TextMax) return new Invalid("text", $"Must be at most {MentorshipQuestion.TextMax} characters.");
        if (m.AskQuestion(me, text, time.GetUtcNow()) is { } refused) return ToError(refused);
        var party = m.PartyOf(me)!.Value;
        await notifier.PublishAsync(m.MemberOf(Mentorship.Other(party)), NotificationKind.MentorshipQuestion,
            $"{await NameAsync(me, ct)} has a question about your mentorship proposal", Truncate(text, 1900), Link(m), ct);
        return await SaveAsync(m, me, ct);
    }

    /// <summary>
    /// A member deleting their account leaves every request and mentorship: open requests are withdrawn
    /// (or declined, if they were the mentor), ongoing mentorships end, the other member's slot is freed
    /// and they are told. The caller saves, in the same transaction as the deletion.
    /// </summary>
    public async Task LeaveAllAsync(Guid me, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var name = await NameAsync(me, ct);
        var ongoing = await Mine(me).Where(m => Mentorship.OngoingStatuses.Contains(m.Status)).Include(m => m.Versions).ToListAsync(ct);
        foreach (var m in ongoing)
        {
            var party = m.PartyOf(me)!.Value;
            var other = m.MemberOf(Mentorship.Other(party));
            var wasRunning = !m.IsOpen;
            var from = m.Status;
            var refused = !wasRunning
                ? party == Party.Mentee && !m.DirectStart ? m.Withdraw(me, now) : m.Decline(me, DeclineReason.Other, "", now)
                : m.End(me, now);
            if (refused is not null) throw new InvalidOperationException(refused.Detail);
            await events.StatusChangedAsync(m, from, me, now, ct);
            if (wasRunning) await MentorshipSlots.ReleaseAsync(db, m, ct);
            await notifier.PublishAsync(other, NotificationKind.RequestAnswered, $"{name} has left Trellis",
                wasRunning ? "Your mentorship has ended. What you wrote together stays with you." : "Their part in your request has closed it.", Link(m), ct);
        }
    }

    public static Error ToError(MentorshipError error) => error.Kind switch
    {
        MentorshipErrorKind.NotAMember => new NotFoundError(error.Detail),
        _ => new ConflictError(error.Detail),
    };

    public static string Link(Mentorship m) => $"/Mentorships/{m.Id}";

    private async Task<Result<MentorshipView>> SaveAsync(Mentorship m, Guid me, CancellationToken ct)
    {
        if (await db.SaveOrConflictAsync("Someone acted on this mentorship at the same moment. Reload it to see what changed.", ct) is { } conflict) return conflict;
        return await ViewAsync(m, me, ct);
    }

    private Task<Mentorship?> LoadAsync(Guid me, Guid id, CancellationToken ct, bool tracking = true)
    {
        var query = Mine(me).Where(m => m.Id == id).Include(m => m.Versions).Include(m => m.Questions).AsSplitQuery();
        return (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
    }

    private async Task<MentorshipView> ViewAsync(Mentorship m, Guid me, CancellationToken ct) =>
        MentorshipView.From(m, me, await NameAsync(m.MenteeId, ct), await NameAsync(m.MentorId, ct),
            m.ProgrammeId is { } p ? await db.Programmes.Where(x => x.Id == p).Select(x => x.Name).SingleOrDefaultAsync(ct) : null);

    internal Task<string> NameAsync(Guid memberId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == memberId).Select(u => u.DisplayName).SingleAsync(ct);

    /// <summary>"Start date in the past" means the member's own today, not UTC's.</summary>
    public Task<DateOnly> TodayForAsync(Guid me, CancellationToken ct) => db.TodayForAsync(me, time, ct);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

public static class DeclineReasons
{
    public static string Text(DeclineReason reason) => reason switch
    {
        DeclineReason.NoRoomRightNow => "I don't have room for another mentee right now.",
        DeclineReason.NotTheRightFit => "I don't think I'm the right mentor for what you need.",
        DeclineReason.OutsideMyExperience => "Your goals are outside what I know well enough to help with.",
        DeclineReason.TimingIsWrong => "The timing is wrong for me at the moment.",
        _ => "I can't take this on.",
    };
}
