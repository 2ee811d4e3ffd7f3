using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships.Requests;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Mentorships.Lifecycle;

/// <summary>
/// Pausing, resuming, completing, extending and ending a mentorship, and the reflections afterwards;
/// shared by the API and the Manage page. Every move tells the other member kindly, adds a timeline
/// entry (never the private reason), calls the status listeners before saving, and frees both capacity
/// slots in the same transaction when the mentorship closes.
/// </summary>
public sealed class LifecycleHandlers(TrellisDbContext db, TimeProvider time, Notifier notifier, MentorshipEvents events, MentorshipHandlers mentorships,
    IPauseMeetings meetings)
{
    public const int EndNoteMax = 1000;
    public const int PauseAtMostDays = 366;

    public async Task<Result<LifecycleView>> GetAsync(Guid me, Guid id, CancellationToken ct) =>
        await LoadAsync(me, id, ct) is { } m ? await ViewAsync(m, me, ct) : new NotFoundError("No such mentorship.");

    public async Task<Result<LifecycleView>> PauseAsync(Guid me, Guid id, PauseRequest request, CancellationToken ct)
    {
        if (await LoadAsync(me, id, ct) is not { } m) return new NotFoundError("No such mentorship.");
        var today = await mentorships.TodayForAsync(me, ct);
        if (request.ResumeOn is { } day && day <= today) return new Invalid("resumeOn", "Choose a day after today, or leave it empty and resume by hand.");
        if (request.ResumeOn > today.AddDays(PauseAtMostDays)) return new Invalid("resumeOn", "Choose a day within the next year.");

        // Pausing asks which meetings to cancel: by default the unconfirmed ones; a confirmed call stays unless chosen.
        var zone = await ZoneAsync(m.MemberOf(Mentorship.Other(m.PartyOf(me)!.Value)), ct);
        var future = await meetings.UpcomingAsync(m.Id, zone, ct);
        if (request.CancelMeetings is { } chosen && chosen.Any(c => future.All(f => f.Id != c)))
            return new Invalid("cancelMeetings", "Choose among this mentorship's meetings still to come.");
        var cancel = request.CancelMeetings is { } ids ? future.Where(f => ids.Contains(f.Id)).ToList() : future.Where(f => !f.Confirmed).ToList();
        var kept = future.Except(cancel).ToList();
        static string Times(IEnumerable<UpcomingMeeting> list) => string.Join("; ", list.Select(x => x.When));

        return await MoveAsync(m, me, now => m.Pause(me, now, request.ResumeOn) ?? CancelMeetings(m, me, cancel, now), name =>
            ($"{name} paused the mentorship{Until(request.ResumeOn)}.",
             $"{name} paused your mentorship",
             (kept.Count == 0 ? "Meetings and reminders stop while it is paused" : "No new meetings are proposed while it is paused")
             + $"{Until(request.ResumeOn, "; it resumes by itself on")}. Either of you can resume it at any time."
             + (cancel.Count == 0 ? "" : $"\n\nCancelled: {Times(cancel)}.")
             + (kept.Count == 0 ? "" : $"\n\nStill on: {Times(kept)}.")), ct);
    }

    private MentorshipError? CancelMeetings(Mentorship m, Guid me, List<UpcomingMeeting> chosen, DateTimeOffset now)
    {
        const string note = "The mentorship was paused.";
        meetings.Cancel(chosen.Select(x => x.Id), me, note, now);
        if (chosen.Count > 0)
            db.AddTimeline(m.Id, now, me, "meeting",
                chosen.Count == 1 ? $"A meeting was cancelled: {note}" : $"{chosen.Count} meetings were cancelled: {note}");
        return null;
    }

    /// <summary>The meetings still to come, in the member's own zone, for the pause form's "which to cancel".</summary>
    public async Task<IReadOnlyList<UpcomingMeeting>> UpcomingMeetingsAsync(Guid me, Guid id, CancellationToken ct) =>
        await LoadAsync(me, id, ct) is { } m ? await meetings.UpcomingAsync(m.Id, await ZoneAsync(me, ct), ct) : [];

    private async Task<string> ZoneAsync(Guid member, CancellationToken ct) =>
        await db.Profiles.Where(p => p.MemberId == member).Select(p => p.TimeZone).SingleOrDefaultAsync(ct) ?? "UTC";

    public async Task<Result<LifecycleView>> ResumeAsync(Guid me, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(me, id, ct) is not { } m) return new NotFoundError("No such mentorship.");
        return await MoveAsync(m, me, now => m.Resume(me, now), name =>
            ($"{name} resumed the mentorship.", $"{name} resumed your mentorship", "Welcome back: meetings and reminders start again."), ct);
    }

    /// <summary>Proposes completing, or confirms the other member's proposal.</summary>
    public async Task<Result<LifecycleView>> CompleteAsync(Guid me, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(me, id, ct) is not { } m) return new NotFoundError("No such mentorship.");
        var confirming = m.CompletionProposedBy is { } by && by != m.PartyOf(me);
        return await MoveAsync(m, me, now => m.Complete(me, now), name => confirming
            ? ($"{name} confirmed: the mentorship is completed.", $"{name} confirmed: your mentorship is completed",
               "Congratulations on what you achieved together. You can write a short private reflection on what you learned.")
            : ($"{name} proposed completing the mentorship.", $"{name} proposes completing your mentorship",
               "If you feel the goals are met, confirm it; if you'd like to keep going, say \"not yet\"."), ct);
    }

    public async Task<Result<LifecycleView>> DeclineCompletionAsync(Guid me, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(me, id, ct) is not { } m) return new NotFoundError("No such mentorship.");
        return await MoveAsync(m, me, now => m.DeclineCompletion(me, now), name =>
            ($"{name} would like to keep going; the mentorship continues.", $"{name} would like to keep going",
             "Your proposal to complete the mentorship was not confirmed; it continues as before."), ct);
    }

    public async Task<Result<LifecycleView>> ExtendAsync(Guid me, Guid id, ExtendRequest request, CancellationToken ct)
    {
        if (await LoadAsync(me, id, ct) is not { } m) return new NotFoundError("No such mentorship.");
        if (request.Months is not { } months || months < 1 || months > Mentorship.MaxExtensionMonths)
            return new Invalid("months", $"Choose between 1 and {Mentorship.MaxExtensionMonths} months.");
        return await MoveAsync(m, me, now => m.Extend(me, months, now), name =>
            ($"{name} extended the mentorship by {Months(months)}, to {m.PlannedEnd:d MMMM yyyy}.",
             $"{name} extended your mentorship by {Months(months)}",
             $"It now runs until {m.PlannedEnd:d MMMM yyyy}."), ct);
    }

    public async Task<Result<LifecycleView>> EndAsync(Guid me, Guid id, EndRequest request, CancellationToken ct)
    {
        if (await LoadAsync(me, id, ct) is not { } m) return new NotFoundError("No such mentorship.");
        var note = (request.Note ?? "").Trim();
        var errors = new Dictionary<string, string[]>();
        if (request.Reason is { } reason && !Enum.IsDefined(reason)) errors["reason"] = [$"Must be one of: {string.Join(", ", Enum.GetNames<EndReason>())}."];
        if (note.Length > EndNoteMax) errors["note"] = [$"Must be at most {EndNoteMax} characters."];
        if (errors.Count > 0) return new Invalid(errors);
        return await MoveAsync(m, me, now => m.End(me, now, request.Reason, note), EndedWords, ct);
    }

    /// <summary>Ends a running mentorship because <paramref name="me"/> blocked the other member: exactly what a
    /// normal end without a reason does and says. The caller saves and releases the slots.</summary>
    internal async Task<MentorshipError?> EndForBlockAsync(Mentorship m, Guid me, DateTimeOffset now, CancellationToken ct) =>
        await ApplyAsync(m, me, now, () => m.End(me, now), EndedWords, ct);

    public async Task<Result<LifecycleView>> ReflectAsync(Guid me, Guid id, ReflectionRequest request, CancellationToken ct)
    {
        if (await LoadAsync(me, id, ct) is not { } m) return new NotFoundError("No such mentorship.");
        var learned = (request.Learned ?? "").Trim();
        var helped = (request.HelpedMost ?? "").Trim();
        var errors = new Dictionary<string, string[]>();
        if (learned.Length > Reflection.TextMax) errors["learned"] = [$"Must be at most {Reflection.TextMax} characters."];
        if (helped.Length > Reflection.TextMax) errors["helpedMost"] = [$"Must be at most {Reflection.TextMax} characters."];
        if (learned.Length == 0 && helped.Length == 0) errors["learned"] = ["Write at least a line about what you learned or what helped most."];
        if (errors.Count > 0) return new Invalid(errors);
        if (m.Status is not (MentorshipStatus.Completed or MentorshipStatus.Ended))
            return new ConflictError("A reflection is for the end of a mentorship; this one is still going.");

        var now = time.GetUtcNow();
        var reflection = await db.Reflections.SingleOrDefaultAsync(r => r.MentorshipId == id && r.AuthorId == me, ct);
        if (reflection is null) db.Reflections.Add(reflection = new Reflection(id, me, now));
        reflection.Write(learned, helped, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new ConflictError("Your reflection was saved from somewhere else at the same moment. Reload to see it.");
        }
        return await ViewAsync(m, me, ct);
    }

    private static (string Timeline, string Title, string Body) EndedWords(string name) =>
        ($"{name} ended the mentorship.", $"{name} has ended your mentorship",
         "Endings are a normal part of mentoring, and nobody is to blame. Thank you for the time and care you gave. " +
         "What you wrote together stays readable, and you can write a short private reflection on what you learned.");

    private async Task<Result<LifecycleView>> MoveAsync(Mentorship m, Guid me, Func<DateTimeOffset, MentorshipError?> move,
        Func<string, (string Timeline, string Title, string Body)> words, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var from = m.Status;
        if (await ApplyAsync(m, me, now, () => move(now), words, ct) is { } refused) return MentorshipHandlers.ToError(refused);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await TrySaveAsync(db, ct))
            return new ConflictError("The other member changed this mentorship at the same moment. Reload it to see what changed.");
        if (Closed(from, m)) await MentorshipSlots.ReleaseAsync(db, m, ct);
        await tx.CommitAsync(ct);
        return await ViewAsync(m, me, ct);
    }

    /// <summary>The move, then (only if the aggregate allowed it) the timeline, the other member's notification
    /// and the status listeners, all in the unit of work the caller saves.</summary>
    private async Task<MentorshipError?> ApplyAsync(Mentorship m, Guid me, DateTimeOffset now, Func<MentorshipError?> move,
        Func<string, (string Timeline, string Title, string Body)> words, CancellationToken ct)
    {
        var from = m.Status;
        if (move() is { } refused) return refused;
        var (timeline, title, body) = words(await mentorships.NameAsync(me, ct));
        db.AddTimeline(m.Id, now, me, "status", timeline, MentorshipHandlers.Link(m));
        await notifier.PublishAsync(m.MemberOf(Mentorship.Other(m.PartyOf(me)!.Value)), NotificationKind.MentorshipChanged, title, body, MentorshipHandlers.Link(m), ct);
        await events.StatusChangedAsync(m, from, me, now, ct);
        return null;
    }

    internal static bool Closed(MentorshipStatus from, Mentorship m) =>
        from is MentorshipStatus.Active or MentorshipStatus.Paused && !m.IsRunning;

    internal static Task<bool> TrySaveAsync(TrellisDbContext db, CancellationToken ct) => db.TrySaveAsync(ct);

    private Task<Mentorship?> LoadAsync(Guid me, Guid id, CancellationToken ct) =>
        db.Mentorships.Where(m => m.Id == id && (m.MenteeId == me || m.MentorId == me)).Include(m => m.Versions).SingleOrDefaultAsync(ct);

    private async Task<LifecycleView> ViewAsync(Mentorship m, Guid me, CancellationToken ct)
    {
        var mine = await db.Reflections.AsNoTracking().Where(r => r.MentorshipId == m.Id && r.AuthorId == me)
            .Select(r => new ReflectionView(r.Learned, r.HelpedMost, r.UpdatedAt)).SingleOrDefaultAsync(ct);
        return LifecycleView.From(m, me, mine);
    }

    private static string Until(DateOnly? day, string words = " until") => day is { } d ? $"{words} {d:d MMMM yyyy}" : "";

    private static string Months(int n) => n == 1 ? "1 month" : $"{n} months";
}
