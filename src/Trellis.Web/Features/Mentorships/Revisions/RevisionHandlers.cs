using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Features.Mentorships.Requests;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Mentorships.Revisions;

/// <summary>
/// Revising the agreement of a running mentorship: the same versioned negotiation as the first agreement,
/// but the agreement in force (and the status) stay until the other member accepts the revised version.
/// </summary>
public sealed class RevisionHandlers(TrellisDbContext db, TimeProvider time, Notifier notifier, MentorshipHandlers mentorships, MentorshipEvents events)
{
    public Task<Result<MentorshipView>> ProposeAsync(Guid me, Guid id, ChangeRequest request, CancellationToken ct) =>
        ChangeAsync(me, id, request, counter: false, ct);

    public Task<Result<MentorshipView>> CounterAsync(Guid me, Guid id, ChangeRequest request, CancellationToken ct) =>
        ChangeAsync(me, id, request, counter: true, ct);

    private async Task<Result<MentorshipView>> ChangeAsync(Guid me, Guid id, ChangeRequest request, bool counter, CancellationToken ct)
    {
        var m = await LoadAsync(me, id, ct);
        if (m is null) return new NotFoundError("No such mentorship.");
        // A revision keeps the start date the pair agreed (which is usually in the past) or moves it later.
        var today = await mentorships.TodayForAsync(me, ct);
        var earliest = m.InForce is { } inForce && inForce.StartDate < today ? inForce.StartDate : today;
        var errors = (request.Agreement ?? new AgreementInput()).Validate(earliest, "agreement.");
        if (request.BasedOnVersion is null) errors["basedOnVersion"] = ["Send the number of the version you are answering."];
        if (errors.Count > 0) return new Invalid(errors);

        var now = time.GetUtcNow();
        var terms = request.Agreement!.ToAgreement();
        var before = m.Current.Terms;
        var refused = counter
            ? m.CounterRevision(me, request.BasedOnVersion!.Value, terms, now)
            : m.ProposeRevision(me, request.BasedOnVersion!.Value, terms, now);
        if (refused is not null) return MentorshipHandlers.ToError(refused);

        var name = await NameAsync(me, ct);
        var changes = AgreementDiff.Between(before, terms);
        var summary = changes.Count == 0 ? "No terms changed." : "Changed: " + string.Join("; ", changes.Select(c => $"{c.Label.ToLowerInvariant()} {c.Before} → {c.After}")) + ".";
        await notifier.PublishAsync(Other(m, me), NotificationKind.CounterProposal,
            counter ? $"{name} suggests changes to the revised agreement" : $"{name} proposes a revised agreement",
            Truncate(summary + " Your current agreement stays in force until you both accept.", 1900), Link(m.Id), ct);
        db.AddTimeline(m.Id, now, me, "agreement",
            counter ? $"{name} answered the revision with version {m.CurrentVersion}." : $"{name} proposed a revised agreement (version {m.CurrentVersion}).", Link(m.Id));
        return await SaveAsync(m, me, ct);
    }

    public async Task<Result<MentorshipView>> AcceptAsync(Guid me, Guid id, AcceptRequest request, CancellationToken ct)
    {
        var m = await LoadAsync(me, id, ct);
        if (m is null) return new NotFoundError("No such mentorship.");
        if (request.Version is null) return new Invalid("version", "Send the number of the version you accept.");
        var now = time.GetUtcNow();
        if (m.AcceptRevision(me, request.Version.Value, now) is { } refused) return MentorshipHandlers.ToError(refused);

        var name = await NameAsync(me, ct);
        // Reviews follow the new interval (a review that is not due yet moves).
        await events.AgreementRevisedAsync(m, me, now, ct);
        await notifier.PublishAsync(Other(m, me), NotificationKind.CounterProposal, $"{name} accepted the revised agreement",
            $"Version {m.AcceptedVersion} is now your agreement: {m.InForce!.Terms.MeetingText}.", Link(m.Id), ct);
        db.AddTimeline(m.Id, now, me, "agreement", $"{name} accepted version {m.AcceptedVersion}; it is now the agreement in force.", Link(m.Id));
        return await SaveAsync(m, me, ct);
    }

    public Task<Result<MentorshipView>> WithdrawAsync(Guid me, Guid id, CancellationToken ct) => SetAsideAsync(me, id, withdraw: true, ct);

    public Task<Result<MentorshipView>> DeclineAsync(Guid me, Guid id, CancellationToken ct) => SetAsideAsync(me, id, withdraw: false, ct);

    private async Task<Result<MentorshipView>> SetAsideAsync(Guid me, Guid id, bool withdraw, CancellationToken ct)
    {
        var m = await LoadAsync(me, id, ct);
        if (m is null) return new NotFoundError("No such mentorship.");
        var now = time.GetUtcNow();
        var version = m.CurrentVersion;
        var refused = withdraw ? m.WithdrawRevision(me, now) : m.DeclineRevision(me, now);
        if (refused is not null) return MentorshipHandlers.ToError(refused);

        var name = await NameAsync(me, ct);
        await notifier.PublishAsync(Other(m, me), NotificationKind.CounterProposal,
            withdraw ? $"{name} withdrew the revised agreement" : $"{name} would rather keep your current agreement",
            $"Version {m.AcceptedVersion} stays in force. Either of you can propose a revision at any time.", Link(m.Id), ct);
        db.AddTimeline(m.Id, now, me, "agreement",
            withdraw ? $"{name} withdrew the proposed revision (version {version})." : $"{name} declined the proposed revision (version {version}); the agreement in force stays.", Link(m.Id));
        return await SaveAsync(m, me, ct);
    }

    private Task<Mentorship?> LoadAsync(Guid me, Guid id, CancellationToken ct) =>
        db.Mentorships.Where(m => m.Id == id && (m.MenteeId == me || m.MentorId == me))
            .Include(m => m.Versions).Include(m => m.Questions).AsSplitQuery().SingleOrDefaultAsync(ct);

    private async Task<Result<MentorshipView>> SaveAsync(Mentorship m, Guid me, CancellationToken ct)
    {
        if (await db.SaveOrConflictAsync("Someone acted on this mentorship at the same moment. Reload it to see what changed.", ct) is { } conflict) return conflict;
        return await mentorships.GetAsync(me, m.Id, ct);
    }

    private static Guid Other(Mentorship m, Guid me) => me == m.MenteeId ? m.MentorId : m.MenteeId;

    public static string Link(Guid mentorshipId) => $"/Mentorships/{mentorshipId}/Revise";

    private Task<string> NameAsync(Guid memberId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == memberId).Select(u => u.DisplayName).SingleAsync(ct);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
