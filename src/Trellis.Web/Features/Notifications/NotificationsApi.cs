using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Notifications;

public sealed record NotificationView(Guid Id, NotificationKind Kind, string Title, string Body, string? Link, DateTimeOffset CreatedAt, bool Read);

public sealed record NotificationPage(int Unread, IReadOnlyList<NotificationView> Items);

public sealed record PreferenceView(NotificationKind Kind, EmailFrequency Frequency);

public sealed record PreferenceChange(NotificationKind Kind, EmailFrequency Frequency);

/// <summary>The notification centre: list, mark read, and e-mail preferences per kind.</summary>
public sealed class NotificationCentre(TrellisDbContext db, TimeProvider time)
{
    public Task<int> UnreadCountAsync(Guid me, CancellationToken ct) =>
        db.Notifications.CountAsync(n => n.MemberId == me && n.ReadAt == null, ct);

    public async Task<NotificationPage> ListAsync(Guid me, int take, CancellationToken ct)
    {
        var items = await db.Notifications.Where(n => n.MemberId == me)
            .OrderByDescending(n => n.CreatedAt).Take(take)
            .Select(n => new NotificationView(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);
        return new NotificationPage(await UnreadCountAsync(me, ct), items);
    }

    /// <summary>Only the member's own notification can be found; anybody else's is "not found".</summary>
    public async Task<bool> MarkReadAsync(Guid me, Guid id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var changed = await db.Notifications.Where(n => n.Id == id && n.MemberId == me)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, n => n.ReadAt ?? now), ct);
        return changed == 1;
    }

    public async Task MarkAllReadAsync(Guid me, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await db.Notifications.Where(n => n.MemberId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    public async Task<IReadOnlyList<PreferenceView>> PreferencesAsync(Guid me, CancellationToken ct)
    {
        var chosen = await db.NotificationPreferences.Where(p => p.MemberId == me).ToDictionaryAsync(p => p.Kind, p => p.Frequency, ct);
        return NotificationPreference.Tunable
            .Select(k => new PreferenceView(k, chosen.TryGetValue(k, out var f) ? f : NotificationPreference.Defaults(k)))
            .ToList();
    }

    public async Task<Result<IReadOnlyList<PreferenceView>>> SetPreferencesAsync(Guid me, IReadOnlyList<PreferenceChange> changes, CancellationToken ct)
    {
        for (var i = 0; i < changes.Count; i++)
        {
            if (!NotificationPreference.Tunable.Contains(changes[i].Kind))
                return new Invalid($"[{i}].kind", $"'{changes[i].Kind}' e-mails cannot be turned off: they are about your account's security.");
            if (!Enum.IsDefined(changes[i].Frequency))
                return new Invalid($"[{i}].frequency", "Must be Immediately, DailyDigest or Never.");
        }
        var existing = await db.NotificationPreferences.Where(p => p.MemberId == me).ToDictionaryAsync(p => p.Kind, ct);
        foreach (var change in changes)
        {
            if (existing.TryGetValue(change.Kind, out var row)) row.Frequency = change.Frequency;
            else db.NotificationPreferences.Add(existing[change.Kind] = new NotificationPreference(me, change.Kind, change.Frequency));
        }
        await db.SaveChangesAsync(ct);
        return (await PreferencesAsync(me, ct)).ToList();
    }
}

public static class NotificationsApi
{
    public static void MapNotifications(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/me/notifications").WithTags("Notifications").RequireAuthorization(Policies.Member);
        group.MapGet("", List).WithName("ListNotifications");
        group.MapPost("/{id:guid}/read", MarkRead).WithName("MarkNotificationRead");
        group.MapPost("/read-all", MarkAllRead).WithName("MarkAllNotificationsRead");
        group.MapGet("/preferences", GetPreferences).WithName("GetNotificationPreferences");
        group.MapPut("/preferences", SetPreferences).WithName("SetNotificationPreferences");
    }

    private static async Task<Results<Ok<NotificationPage>, ProblemHttpResult>> List(HttpContext http, NotificationCentre centre, CancellationToken ct, int take = 50)
    {
        if (take is < 1 or > 200) return new Invalid("take", "Must be between 1 and 200.").ToProblem();
        return TypedResults.Ok(await centre.ListAsync(http.User.MemberId(), take, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkRead(Guid id, HttpContext http, NotificationCentre centre, CancellationToken ct) =>
        await centre.MarkReadAsync(http.User.MemberId(), id, ct) ? TypedResults.NoContent() : new NotFoundError().ToProblem();

    private static async Task<NoContent> MarkAllRead(HttpContext http, NotificationCentre centre, CancellationToken ct)
    {
        await centre.MarkAllReadAsync(http.User.MemberId(), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<PreferenceView>>> GetPreferences(HttpContext http, NotificationCentre centre, CancellationToken ct) =>
        TypedResults.Ok(await centre.PreferencesAsync(http.User.MemberId(), ct));

    private static async Task<Results<Ok<IReadOnlyList<PreferenceView>>, ProblemHttpResult>> SetPreferences(
        List<PreferenceChange> changes, HttpContext http, NotificationCentre centre, CancellationToken ct)
    {
        var result = await centre.SetPreferencesAsync(http.User.MemberId(), changes, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
