using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Moderation;

/// <summary>A member reports an item; every administrator is told (never the reported member).</summary>
public sealed class ReportHandlers(TrellisDbContext db, IEnumerable<IReportTarget> targets, Notifier notifier, TimeProvider time)
{
    public async Task<Result<ReportReceipt>> FileAsync(Guid me, ReportRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var target = request.Kind is { } k ? targets.FirstOrDefault(t => t.Kind == k) : null;
        if (request.Kind is null) errors["kind"] = [$"Say what you are reporting: one of {string.Join(", ", Enum.GetNames<ReportKind>())}."];
        else if (target is null) errors["kind"] = [$"{request.Kind} items cannot be reported yet."];
        if (request.ItemId is null || request.ItemId == Guid.Empty) errors["itemId"] = ["Say which item you are reporting."];
        if (request.Reason is null) errors["reason"] = [$"Choose a reason: one of {string.Join(", ", Enum.GetNames<ReportReason>())}."];
        var text = (request.Text ?? "").Trim();
        if (text.Length > Report.TextMax) errors["text"] = [$"Must be at most {Report.TextMax} characters."];
        if (errors.Count > 0) return new Invalid(errors);

        // Only what the reporter can see can be reported; anything else looks like a wrong id.
        var content = await target!.FindAsync(request.ItemId!.Value, me, ct);
        if (content is null) return new NotFoundError("There is no such item, or you cannot see it.");
        if (content.AuthorId == me) return new Invalid("itemId", "You cannot report something you wrote yourself.");
        if (await HasOpenReportAsync(me, content, ct)) return AlreadyReported;

        var report = new Report(me, request.Reason!.Value, text, content, time.GetUtcNow());
        db.Reports.Add(report);
        foreach (var admin in (await AdministratorsAsync(ct)).Where(id => id != me))
            await notifier.PublishAsync(admin, NotificationKind.ReportFiled, "A new report to review",
                $"A {Describe(report.Kind)} was reported ({report.Reason}).", $"/Admin/Reports/{report.Id}", ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two clicks on two nodes: the unique index on open reports lets one through.
            db.ChangeTracker.Clear();
            if (await HasOpenReportAsync(me, content, ct)) return AlreadyReported;
            throw;
        }
        return new ReportReceipt(report.Id, report.Kind, report.ItemId, report.Reason, report.FiledAt);
    }

    private Task<bool> HasOpenReportAsync(Guid me, ReportedContent content, CancellationToken ct) =>
        db.Reports.AnyAsync(r => r.ReporterId == me && r.Kind == content.Kind && r.ItemId == content.ItemId && r.Status == ReportStatus.Open, ct);

    private static ConflictError AlreadyReported => new("You have already reported this; the site's administrators will look at it.");

    public static string Describe(ReportKind kind) => kind switch
    {
        ReportKind.Message => "message",
        ReportKind.Request => "mentorship request",
        ReportKind.Profile => "profile",
        ReportKind.GuideQuestion => "question",
        ReportKind.GuideAnswer => "answer",
        _ => "endorsement",
    };

    public static string Describe(ReportReason reason) => reason switch
    {
        ReportReason.Harassment => "Harassment or bullying",
        ReportReason.Spam => "Spam or advertising",
        ReportReason.Inappropriate => "Inappropriate or offensive content",
        ReportReason.Impersonation => "Pretending to be someone else",
        _ => "Something else",
    };

    private Task<List<Guid>> AdministratorsAsync(CancellationToken ct) =>
        db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator))
            .Where(ur => db.Users.Any(u => u.Id == ur.UserId && u.DeletedAt == null && u.SuspendedAt == null))
            .Select(ur => ur.UserId).ToListAsync(ct);
}
