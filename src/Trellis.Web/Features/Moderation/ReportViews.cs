namespace Trellis.Web.Features.Moderation;

/// <summary>What a member sends: POST /api/v1/reports. Everything nullable so a missing field is named in the 400.</summary>
public sealed record ReportRequest(ReportKind? Kind, Guid? ItemId, ReportReason? Reason, string? Text);

/// <summary>What the reporter gets back. They can't see what administrators do about it.</summary>
public sealed record ReportReceipt(Guid Id, ReportKind Kind, Guid ItemId, ReportReason Reason, DateTimeOffset FiledAt);

public sealed record ReportSummary(Guid Id, ReportKind Kind, ReportReason Reason, DateTimeOffset FiledAt, Guid AuthorId, string AuthorName);

public sealed record MemberRef(Guid Id, string Name);

public sealed record AdminActionView(AdminActionKind Kind, MemberRef Admin, string Reason, DateTimeOffset At);

/// <summary>
/// One report as an administrator sees it: the reported item alone (as it was when reported), never the
/// conversation or profile around it.
/// </summary>
public sealed record ReportDetails(
    Guid Id, ReportKind Kind, Guid ItemId, ReportReason Reason, string Text, DateTimeOffset FiledAt, ReportStatus Status,
    DateTimeOffset? ClosedAt, MemberRef Reporter, MemberRef Author, DateTimeOffset? AuthorSuspendedAt,
    string ReportedText, DateTimeOffset WrittenAt, bool ItemExists, bool ItemHidden, IReadOnlyList<AdminActionView> Actions);

/// <summary>Body of the admin actions; the reason is required for a suspension, optional otherwise.</summary>
public sealed record AdminDecision(string? Reason);
