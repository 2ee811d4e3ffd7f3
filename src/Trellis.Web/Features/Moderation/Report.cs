namespace Trellis.Web.Features.Moderation;

public enum ReportReason
{
    Harassment,
    Spam,
    Inappropriate,
    Impersonation,
    Other,
}

public enum ReportStatus
{
    Open,
    Dismissed,
    ContentHidden,
}

/// <summary>
/// A member's report of one item for abuse. It keeps a copy of the item as it was when reported, so an
/// administrator judges what the reporter saw even if the author edits or deletes it afterwards.
/// The reporter's identity is for administrators only; the reported member is never told.
/// </summary>
public sealed class Report
{
    public const int TextMax = 2000;

    private Report() { }

    public Report(Guid reporterId, ReportReason reason, string text, ReportedContent content, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ReporterId = reporterId;
        Kind = content.Kind;
        ItemId = content.ItemId;
        Reason = reason;
        Text = text;
        AuthorId = content.AuthorId;
        ReportedText = content.Text;
        WrittenAt = content.WrittenAt;
        FiledAt = at;
        Status = ReportStatus.Open;
    }

    public Guid Id { get; private set; }
    public Guid ReporterId { get; private set; }
    public ReportKind Kind { get; private set; }
    public Guid ItemId { get; private set; }
    public ReportReason Reason { get; private set; }
    public string Text { get; private set; } = "";
    public Guid AuthorId { get; private set; }
    public string ReportedText { get; private set; } = "";
    public DateTimeOffset WrittenAt { get; private set; }
    public DateTimeOffset FiledAt { get; private set; }
    public ReportStatus Status { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public Guid? ClosedBy { get; private set; }

    public bool IsOpen => Status == ReportStatus.Open;

    public Error? Dismiss(Guid by, DateTimeOffset at) => Close(ReportStatus.Dismissed, by, at);

    /// <summary>Hiding the item settles the report; the caller hides the item itself through its <see cref="IReportTarget"/>.</summary>
    public Error? ContentWasHidden(Guid by, DateTimeOffset at) => Close(ReportStatus.ContentHidden, by, at);

    private Error? Close(ReportStatus to, Guid by, DateTimeOffset at)
    {
        if (!IsOpen) return new ConflictError($"This report was already closed ({Describe(Status)}).");
        Status = to;
        ClosedAt = at;
        ClosedBy = by;
        return null;
    }

    public static string Describe(ReportStatus status) => status switch
    {
        ReportStatus.Open => "open",
        ReportStatus.Dismissed => "dismissed",
        _ => "content hidden",
    };
}

public enum AdminActionKind
{
    HideContent,
    DismissReport,
    Suspend,
    Unsuspend,
}

/// <summary>The audit trail: who did what as an administrator, when, and why. Rows are only ever added.</summary>
public sealed class AdminAction
{
    public const int ReasonMax = 1000;

    private AdminAction() { }

    public AdminAction(Guid adminId, AdminActionKind kind, Guid? reportId, Guid? memberId, string reason, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        AdminId = adminId;
        Kind = kind;
        ReportId = reportId;
        MemberId = memberId;
        Reason = reason;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid AdminId { get; private set; }
    public AdminActionKind Kind { get; private set; }
    public Guid? ReportId { get; private set; }
    /// <summary>The member acted upon (suspension), when there is one.</summary>
    public Guid? MemberId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}
