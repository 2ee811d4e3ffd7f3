using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Moderation;

/// <summary>What administrators do with reports: read the reported item, hide it, dismiss the report,
/// suspend or unsuspend its author. Every action leaves an <see cref="AdminAction"/>.</summary>
public sealed class ModerationHandlers(TrellisDbContext db, IEnumerable<IReportTarget> targets, IEnumerable<ISuspensionListener> listeners, SessionRevocation sessions, LiveConnections live, Notifier notifier, TimeProvider time)
{
    public Task<List<ReportSummary>> OpenReportsAsync(CancellationToken ct) =>
        db.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.Open)
            .OrderByDescending(r => r.FiledAt)
            .Select(r => new ReportSummary(r.Id, r.Kind, r.Reason, r.FiledAt, r.AuthorId,
                db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).FirstOrDefault() ?? ""))
            .ToListAsync(ct);

    public async Task<Result<ReportDetails>> GetAsync(Guid reportId, CancellationToken ct)
    {
        var r = await db.Reports.AsNoTracking().SingleOrDefaultAsync(x => x.Id == reportId, ct);
        if (r is null) return new NotFoundError("No such report.");
        var live = Target(r.Kind) is { } target ? await target.FindAsync(r.ItemId, null, ct) : null;
        var author = await db.Users.AsNoTracking().Where(u => u.Id == r.AuthorId).Select(u => new { u.DisplayName, u.SuspendedAt }).SingleOrDefaultAsync(ct);
        var actions = await db.AdminActions.AsNoTracking()
            .Where(a => a.ReportId == r.Id || (a.MemberId == r.AuthorId && (a.Kind == AdminActionKind.Suspend || a.Kind == AdminActionKind.Unsuspend)))
            .OrderBy(a => a.At)
            .Select(a => new AdminActionView(a.Kind, new MemberRef(a.AdminId, db.Users.Where(u => u.Id == a.AdminId).Select(u => u.DisplayName).First()), a.Reason, a.At))
            .ToListAsync(ct);
        return new ReportDetails(r.Id, r.Kind, r.ItemId, r.Reason, r.Text, r.FiledAt, r.Status, r.ClosedAt,
            new MemberRef(r.ReporterId, await NameAsync(r.ReporterId, ct)), new MemberRef(r.AuthorId, author?.DisplayName ?? ""), author?.SuspendedAt,
            r.ReportedText, r.WrittenAt, live is not null, live?.Hidden ?? false, actions);
    }

    /// <summary>Hides the item from everyone but administrators and closes every open report about it.</summary>
    public async Task<Result<ReportDetails>> HideAsync(Guid admin, Guid reportId, AdminDecision decision, CancellationToken ct)
    {
        if (ReasonError(decision, required: false) is { } invalid) return invalid;
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null) return new NotFoundError("No such report.");
        if (!report.IsOpen) return new ConflictError($"This report was already closed ({Report.Describe(report.Status)}).");
        var now = time.GetUtcNow();
        if (Target(report.Kind) is not { } target || !await target.HideAsync(report.ItemId, now, ct))
            return new NotFoundError("The reported item no longer exists.");
        var same = await db.Reports.Where(r => r.Kind == report.Kind && r.ItemId == report.ItemId && r.Status == ReportStatus.Open).ToListAsync(ct);
        foreach (var r in same) r.ContentWasHidden(admin, now);
        db.AdminActions.Add(new AdminAction(admin, AdminActionKind.HideContent, report.Id, report.AuthorId, Reason(decision), now));
        await db.SaveChangesAsync(ct);
        return await GetAsync(reportId, ct);
    }

    public async Task<Result<ReportDetails>> DismissAsync(Guid admin, Guid reportId, AdminDecision decision, CancellationToken ct)
    {
        if (ReasonError(decision, required: false) is { } invalid) return invalid;
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null) return new NotFoundError("No such report.");
        var now = time.GetUtcNow();
        if (report.Dismiss(admin, now) is { } error) return error;
        db.AdminActions.Add(new AdminAction(admin, AdminActionKind.DismissReport, report.Id, report.AuthorId, Reason(decision), now));
        await db.SaveChangesAsync(ct);
        return await GetAsync(reportId, ct);
    }

    /// <summary>The member cannot sign in, and every session and bearer token ends now, on every node.</summary>
    public async Task<Error?> SuspendAsync(Guid admin, Guid memberId, AdminDecision decision, Guid? reportId, CancellationToken ct)
    {
        if (ReasonError(decision, required: true) is { } invalid) return invalid;
        var member = await db.Users.SingleOrDefaultAsync(u => u.Id == memberId && u.DeletedAt == null, ct);
        if (member is null) return new NotFoundError("No such member.");
        if (member.Id == admin) return new ConflictError("You cannot suspend yourself.");
        if (member.IsSuspended) return new ConflictError("This account is already suspended.");
        var now = time.GetUtcNow();
        member.Suspend(now);
        foreach (var listener in listeners) await listener.OnSuspensionChangedAsync(memberId, now, ct);
        db.AdminActions.Add(new AdminAction(admin, AdminActionKind.Suspend, reportId, memberId, Reason(decision), now));
        // Told by e-mail, since they can no longer sign in; never who reported them or about what.
        await notifier.PublishAsync(memberId, NotificationKind.Account, "Your Trellis account is suspended",
            "The site's administrators have suspended your account, so you cannot sign in. If you think this is a mistake, please contact them.", "/", ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await sessions.RevokeAllAsync(memberId, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        live.CloseAll(memberId);
        return null;
    }

    public async Task<Error?> UnsuspendAsync(Guid admin, Guid memberId, AdminDecision decision, Guid? reportId, CancellationToken ct)
    {
        if (ReasonError(decision, required: false) is { } invalid) return invalid;
        var member = await db.Users.SingleOrDefaultAsync(u => u.Id == memberId && u.DeletedAt == null, ct);
        if (member is null) return new NotFoundError("No such member.");
        if (!member.IsSuspended) return new ConflictError("This account is not suspended.");
        var now = time.GetUtcNow();
        member.Unsuspend();
        foreach (var listener in listeners) await listener.OnSuspensionChangedAsync(memberId, now, ct);
        db.AdminActions.Add(new AdminAction(admin, AdminActionKind.Unsuspend, reportId, memberId, Reason(decision), now));
        await notifier.PublishAsync(memberId, NotificationKind.Account, "Your Trellis account is active again",
            "The site's administrators have lifted the suspension of your account: you can sign in again.", "/Accounts/SignIn", ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private IReportTarget? Target(ReportKind kind) => targets.FirstOrDefault(t => t.Kind == kind);

    private static Invalid? ReasonError(AdminDecision decision, bool required)
    {
        var reason = (decision.Reason ?? "").Trim();
        if (required && reason.Length == 0) return new Invalid("reason", "Say why: the member may ask, and other administrators will read it.");
        if (reason.Length > AdminAction.ReasonMax) return new Invalid("reason", $"Must be at most {AdminAction.ReasonMax} characters.");
        return null;
    }

    private static string Reason(AdminDecision decision) => (decision.Reason ?? "").Trim();

    private async Task<string> NameAsync(Guid id, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
}
