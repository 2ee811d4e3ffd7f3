namespace Trellis.Web.Features.Moderation;

/// <summary>What a member can report for abuse.</summary>
public enum ReportKind
{
    Message,
    Request,
    Profile,
    Endorsement,
    GuideQuestion,
    GuideAnswer,
}

/// <summary>The reported item alone, as an administrator may see it: never the conversation around it.</summary>
public sealed record ReportedContent(ReportKind Kind, Guid ItemId, Guid AuthorId, string Text, DateTimeOffset WrittenAt, bool Hidden);

/// <summary>
/// One per <see cref="ReportKind"/>, implemented by the feature that owns the item (messages by Messages,
/// endorsements by Endorsements...). Moderation finds the item through it and never queries another
/// feature's tables itself.
/// </summary>
public interface IReportTarget
{
    ReportKind Kind { get; }

    /// <summary>The item, if <paramref name="viewer"/> may see it (null viewer: an administrator reading a
    /// reported item). Null when it does not exist or the viewer may not see it: the caller answers 404.</summary>
    Task<ReportedContent?> FindAsync(Guid itemId, Guid? viewer, CancellationToken ct);

    /// <summary>Hides the item from everyone but administrators. Adds changes to the unit of work; the caller saves.</summary>
    Task<bool> HideAsync(Guid itemId, DateTimeOffset at, CancellationToken ct);
}
