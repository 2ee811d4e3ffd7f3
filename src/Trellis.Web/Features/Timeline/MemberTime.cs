using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Timeline;

/// <summary>Instants are stored in UTC; a member reads them, and means "today", in their profile's time zone.</summary>
public static class MemberTime
{
    public static async Task<TimeZoneInfo> ZoneOfAsync(this TrellisDbContext db, Guid memberId, CancellationToken ct)
    {
        var id = await db.Profiles.Where(p => p.MemberId == memberId).Select(p => p.TimeZone).SingleOrDefaultAsync(ct);
        return id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    public static DateOnly Today(this TimeZoneInfo zone, TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

    /// <summary>"27 Nov 2026, 14:00 (Europe/Paris)".</summary>
    public static string Local(this TimeZoneInfo zone, DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" ({zone.Id})";
}
