using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Profiles;

/// <summary>
/// A member's clock: instants are stored in UTC; a member reads them, and means "today", in their profile's
/// time zone. The one place a zone id becomes a <see cref="TimeZoneInfo"/>, so every feature agrees on what an
/// unknown or missing zone means: UTC (a zone the server's time-zone database no longer knows must not stop a
/// request or a digest; profiles only accept zones the server knows, so this is rare).
/// </summary>
public static class MemberClock
{
    /// <summary>The zone for an IANA id; UTC when it is missing or unknown.</summary>
    public static TimeZoneInfo Zone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The member's zone from their profile (UTC without one).</summary>
    public static async Task<TimeZoneInfo> ZoneOfAsync(this TrellisDbContext db, Guid memberId, CancellationToken ct) =>
        Zone(await db.Profiles.Where(p => p.MemberId == memberId).Select(p => p.TimeZone).SingleOrDefaultAsync(ct));

    /// <summary>The member's own today ("a start date in the past" means theirs, not UTC's).</summary>
    public static async Task<DateOnly> TodayForAsync(this TrellisDbContext db, Guid memberId, TimeProvider time, CancellationToken ct) =>
        (await db.ZoneOfAsync(memberId, ct)).Today(time);

    public static DateOnly Today(this TimeZoneInfo zone, TimeProvider time) => zone.TodayAt(time.GetUtcNow());

    /// <summary>The date in this zone at the instant <paramref name="now"/>.</summary>
    public static DateOnly TodayAt(this TimeZoneInfo zone, DateTimeOffset now) => DateOnly.FromDateTime(zone.LocalAt(now).DateTime);

    /// <summary>The wall-clock time (with its offset) in this zone at <paramref name="instant"/>.</summary>
    public static DateTimeOffset LocalAt(this TimeZoneInfo zone, DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>An instant as the member reads it, e.g. "27 Nov 2026, 14:00", optionally naming the zone.</summary>
    public static string Format(DateTimeOffset at, TimeZoneInfo zone, string format = "d MMM yyyy, HH:mm", bool nameZone = false) =>
        zone.LocalAt(at).ToString(format, CultureInfo.InvariantCulture) + (nameZone ? $" ({ZoneName(zone)})" : "");

    /// <summary>"Europe/Paris" reads as "Paris time"; UTC stays "UTC".</summary>
    public static string ZoneName(TimeZoneInfo zone) =>
        zone.Id is "UTC" or "Etc/UTC" ? "UTC" : zone.Id[(zone.Id.LastIndexOf('/') + 1)..].Replace('_', ' ') + " time";

    /// <summary>"27 Nov 2026, 14:00 (Europe/Paris)".</summary>
    public static string Local(this TimeZoneInfo zone, DateTimeOffset at) =>
        zone.LocalAt(at).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" ({zone.Id})";
}
