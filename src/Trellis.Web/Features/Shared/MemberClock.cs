using System.Globalization;
using Trellis.Web.Features.Timeline;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Shared;

/// <summary>
/// The signed-in member's time zone for one request, read once from their profile: every page shows
/// instants in it (through <see cref="LocalTimeTagHelper"/>), so a message, a version or a notification
/// never reads in UTC while the meeting beside it reads in local time. A visitor reads UTC.
/// </summary>
public sealed class MemberClock(TrellisDbContext db, IHttpContextAccessor http)
{
    private TimeZoneInfo? _zone;

    public async ValueTask<TimeZoneInfo> ZoneAsync(CancellationToken ct = default)
    {
        if (_zone is not null) return _zone;
        var user = http.HttpContext?.User;
        _zone = user?.Identity?.IsAuthenticated == true ? await db.ZoneOfAsync(user.MemberId(), ct) : TimeZoneInfo.Utc;
        return _zone;
    }

    /// <summary>An instant as the member reads it, e.g. "27 Nov 2026, 14:00", optionally naming the zone.</summary>
    public static string Format(DateTimeOffset at, TimeZoneInfo zone, string format = "d MMM yyyy, HH:mm", bool nameZone = false) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString(format, CultureInfo.InvariantCulture) + (nameZone ? $" ({ZoneName(zone)})" : "");

    /// <summary>"Europe/Paris" reads as "Paris time"; UTC stays "UTC".</summary>
    public static string ZoneName(TimeZoneInfo zone) =>
        zone.Id is "UTC" or "Etc/UTC" ? "UTC" : zone.Id[(zone.Id.LastIndexOf('/') + 1)..].Replace('_', ' ') + " time";
}
