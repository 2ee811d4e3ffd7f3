namespace Trellis.Web.Features.Accounts;

/// <summary>
/// What a feature holds about a member beyond the ones Accounts reads itself, so "Export my data" and "Delete my
/// account" cover it without Accounts depending on that feature (the arrow points from the feature to Accounts).
/// </summary>
public interface IMemberDataPart
{
    /// <summary>The key of this part in the export (for example "guides").</summary>
    string Name { get; }

    /// <summary>Everything of this part that is about or by the member, as they may download it.</summary>
    Task<object> ExportAsync(Guid memberId, CancellationToken ct);

    /// <summary>Erases the member's own words and identity from this part, inside the deletion's transaction.</summary>
    Task EraseAsync(Guid memberId, DateTimeOffset at, CancellationToken ct);
}
