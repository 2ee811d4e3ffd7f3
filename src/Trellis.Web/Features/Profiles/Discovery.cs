using Trellis.Web.Features.Blocking;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Profiles;

/// <summary>
/// Who can be found, seen and asked — written once, because search, the profile page and a request must
/// never disagree (a mentor search hides is a mentor no one can ask, through the page or the API). ADR 0023.
/// </summary>
public static class Discovery
{
    /// <summary>
    /// Profiles that may be shown to anyone at all: the account is confirmed, not deleted and not suspended, and
    /// moderation has not hidden the profile. Who may see it then depends on its visibility (<see cref="WhereVisibleTo"/>).
    /// </summary>
    public static IQueryable<Profile> WhereShown(this IQueryable<Profile> profiles, TrellisDbContext db) =>
        profiles.Where(p => p.HiddenAt == null
                            && db.Users.Any(u => u.Id == p.MemberId && u.EmailConfirmed && u.DeletedAt == null && u.SuspendedAt == null));

    /// <summary>Mentors who can be asked by someone allowed to see them: shown and open to mentoring (a programme's
    /// search starts here; the programme decides who may see its mentors).</summary>
    public static IQueryable<Profile> WhereAskableMentor(this IQueryable<Profile> profiles, TrellisDbContext db) =>
        profiles.WhereShown(db).Where(p => p.OpenToMentoring);

    /// <summary>
    /// Mentors any signed-in member may find in search: askable and not kept to programmes. Capacity and blocks
    /// are the matching library's hard filters (they change per request and per mentee); a request checks them itself.
    /// </summary>
    public static IQueryable<Profile> WhereDiscoverableMentor(this IQueryable<Profile> profiles, TrellisDbContext db) =>
        profiles.WhereAskableMentor(db).Where(p => p.Visibility != ProfileVisibility.Programs);

    /// <summary>
    /// Profiles <paramref name="viewer"/> may see: always their own (unless deleted); another's only if it is
    /// shown, its visibility reaches the viewer (Public: anyone; Members: signed in; Programs: people in a
    /// programme with them) and no block stands between the two, whichever of them blocked.
    /// </summary>
    public static IQueryable<Profile> WhereVisibleTo(this IQueryable<Profile> profiles, TrellisDbContext db, Guid? viewer)
    {
        // A sub-query rather than a second copy of the rule; every caller looks one member up by id.
        var shown = db.Profiles.WhereShown(db).Select(p => p.MemberId);
        if (viewer is not { } me) return profiles.Where(p => p.Visibility == ProfileVisibility.Public && shown.Contains(p.MemberId));
        var blocked = Blocks.HiddenFrom(db, me);
        var coMembers = CoMembers.Of(db, me);
        return profiles.Where(p => p.MemberId == me
            ? db.Users.Any(u => u.Id == me && u.DeletedAt == null)
            : shown.Contains(p.MemberId) && !blocked.Contains(p.MemberId)
              && (p.Visibility != ProfileVisibility.Programs || coMembers.Contains(p.MemberId)));
    }
}
