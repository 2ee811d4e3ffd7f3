using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Profiles;

/// <summary>
/// The signed-in member's time zone for one request, read once from their profile: every page shows
/// instants in it (through <see cref="LocalTimeTagHelper"/>), so a message, a version or a notification
/// never reads in UTC while the meeting beside it reads in local time. A visitor reads UTC. The rules
/// (unknown zone, formatting) are <see cref="MemberClock"/>'s.
/// </summary>
public sealed class MemberZone(TrellisDbContext db, IHttpContextAccessor http)
{
    private TimeZoneInfo? _zone;

    public async ValueTask<TimeZoneInfo> ZoneAsync(CancellationToken ct = default)
    {
        if (_zone is not null) return _zone;
        var user = http.HttpContext?.User;
        _zone = user?.Identity?.IsAuthenticated == true ? await db.ZoneOfAsync(user.MemberId(), ct) : TimeZoneInfo.Utc;
        return _zone;
    }
}
