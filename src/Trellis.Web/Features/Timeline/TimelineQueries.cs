using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Timeline;

public sealed record TimelineItem(Guid Id, DateTimeOffset At, string Kind, string Text, string? Link, Guid? ActorId, string? ActorName);

/// <param name="Next">Pass as <c>before</c> to get the next (older) page; null on the last page.</param>
public sealed record TimelinePage(IReadOnlyList<TimelineItem> Items, string? Next);

/// <summary>A mentorship's timeline, newest first, for its two members only. The cursor is the last entry's
/// (instant, id), so a page never repeats or skips entries that arrive while someone is reading.</summary>
public sealed class TimelineQueries(TrellisDbContext db, MentorshipAccess access)
{
    public const int DefaultPageSize = 25, MaxPageSize = 100;

    public async Task<Result<TimelinePage>> PageAsync(Guid me, Guid mentorshipId, string? before, int? size, CancellationToken ct)
    {
        if (await access.FindAsync(me, mentorshipId, ct) is null) return new NotFoundError("No such mentorship.");
        var take = size ?? DefaultPageSize;
        if (take is < 1 or > MaxPageSize) return new Invalid("size", $"Must be between 1 and {MaxPageSize}.");
        var query = db.TimelineEntries.AsNoTracking().Where(e => e.MentorshipId == mentorshipId);
        if (before is not null)
        {
            if (!TryParse(before, out var at, out var id)) return new Invalid("before", "Use the 'next' value of the previous page.");
            query = query.Where(e => e.At < at || (e.At == at && e.Id.CompareTo(id) < 0));
        }
        var rows = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(take + 1)
            .Select(e => new TimelineItem(e.Id, e.At, e.Kind, e.Text, e.Link, e.ActorId,
                db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);
        var items = rows.Take(take).ToList();
        return new TimelinePage(items, rows.Count > take ? Cursor(items[^1]) : null);
    }

    private static string Cursor(TimelineItem last) => $"{last.At.UtcTicks.ToString(CultureInfo.InvariantCulture)}_{last.Id:N}";

    private static bool TryParse(string cursor, out DateTimeOffset at, out Guid id)
    {
        at = default;
        id = default;
        var parts = cursor.Split('_');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(parts[1], "N", out id)) return false;
        at = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }
}
