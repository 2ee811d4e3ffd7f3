namespace Trellis.Web.Features.Moderation;

/// <summary>
/// A feature that shows a member to others and must react when an administrator suspends them or lifts the
/// suspension (profiles mark themselves changed, so every node's mentor index drops or restores them). Called
/// before saving, with the same DbContext; a listener changes rows and never saves. Moderation depends on no
/// feature: they depend on it.
/// </summary>
public interface ISuspensionListener
{
    Task OnSuspensionChangedAsync(Guid memberId, DateTimeOffset at, CancellationToken ct);
}
