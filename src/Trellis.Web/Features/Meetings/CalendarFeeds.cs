using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Infrastructure;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Meetings;

/// <summary>
/// Private calendar feeds: <c>/calendar/{token}.ics</c> with a 256-bit random token, for calendar apps that
/// cannot sign in. The token is the only secret, so it is stored as a SHA-256 hash, shown once, never
/// logged, and replaced (which revokes the old address) whenever the member asks.
/// </summary>
public sealed class CalendarFeeds(TrellisDbContext db, TimeProvider time, SiteLinks links)
{
    public async Task<CalendarFeedView> GetAsync(Guid me, CancellationToken ct, string? url = null)
    {
        var feed = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.MemberId == me, ct);
        var reminders = await db.MeetingReminderPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.MemberId == me, ct);
        return new CalendarFeedView(feed is not null, feed?.CreatedAt, url, reminders?.DayBefore ?? true, reminders?.HourBefore ?? true);
    }

    /// <summary>Makes a new address (revoking any earlier one) and returns it: the only time it is shown.</summary>
    public async Task<CalendarFeedView> RegenerateAsync(Guid me, CancellationToken ct)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.MemberId == me, ct);
        if (feed is null) db.CalendarFeeds.Add(new CalendarFeed(me, Hash(token), time.GetUtcNow()));
        else feed.Replace(Hash(token), time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await GetAsync(me, ct, links.Absolute($"/calendar/{token}.ics"));
    }

    public async Task<CalendarFeedView> RevokeAsync(Guid me, CancellationToken ct)
    {
        await db.CalendarFeeds.Where(f => f.MemberId == me).ExecuteDeleteAsync(ct);
        return await GetAsync(me, ct);
    }

    public async Task<CalendarFeedView> SetRemindersAsync(Guid me, ReminderSettingsRequest request, CancellationToken ct)
    {
        var pref = await db.MeetingReminderPreferences.SingleOrDefaultAsync(p => p.MemberId == me, ct);
        if (pref is null) db.MeetingReminderPreferences.Add(new MeetingReminderPreference(me, request.DayBefore, request.HourBefore));
        else (pref.DayBefore, pref.HourBefore) = (request.DayBefore, request.HourBefore);
        await db.SaveChangesAsync(ct);
        return await GetAsync(me, ct);
    }

    /// <summary>Every meeting of the member whose token this is, as iCalendar; null for an unknown or revoked token.</summary>
    public async Task<string?> FeedAsync(string token, CancellationToken ct)
    {
        if (token.Length is < 20 or > 100) return null;
        var hash = Hash(token);
        // A suspended or deleted (anonymised) account's feed stops working with it.
        var me = await db.CalendarFeeds.Where(f => f.TokenHash == hash && db.Users.Any(u => u.Id == f.MemberId && u.DeletedAt == null && u.SuspendedAt == null))
            .Select(f => (Guid?)f.MemberId).SingleOrDefaultAsync(ct);
        if (me is not { } member) return null;
        var rows = await db.Meetings.AsNoTracking()
            .Join(db.Mentorships.Where(m => m.MenteeId == member || m.MentorId == member), x => x.MentorshipId, m => m.Id, (x, m) => new
            {
                Meeting = x,
                Mentee = db.Users.Where(u => u.Id == m.MenteeId).Select(u => u.DisplayName).First(),
                Mentor = db.Users.Where(u => u.Id == m.MentorId).Select(u => u.DisplayName).First(),
            })
            .OrderBy(r => r.Meeting.StartsAt)
            .ToListAsync(ct);
        var alarms = await MeetingCalendar.AlarmsOfAsync(db, member, ct);
        return MeetingCalendar.Write(rows.Select(r => MeetingCalendar.Event(r.Meeting, r.Mentee, r.Mentor, alarms)), "Trellis meetings");
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
