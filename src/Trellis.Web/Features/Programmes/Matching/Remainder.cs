using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Programmes.Matching;

public sealed class MentorPlaces
{
    public Guid MemberId { get; init; }
    public int Places { get; init; }
}

/// <summary>
/// Who is still to be matched in a programme, for the board and for a bulk run alike: the enrolled mentees with neither
/// an open draft nor an ongoing mentorship in it, and the enrolled mentors whose capacity for it exceeds its ongoing
/// mentorships and open drafts with them (a draft holds its place until it is approved or removed).
/// </summary>
public static class Remainder
{
    public static IQueryable<Participant> Mentees(TrellisDbContext db, Guid id) =>
        db.Participants.Where(x => x.ProgrammeId == id && x.Role == ProgrammeRole.Mentee && x.Status == ParticipantStatus.Enrolled
            && !db.DraftMatches.Any(d => d.ProgrammeId == id && d.MenteeId == x.MemberId && d.Status == DraftStatus.Draft)
            && !db.Mentorships.Any(m => m.ProgrammeId == id && m.MenteeId == x.MemberId && Mentorship.OngoingStatuses.Contains(m.Status)));

    public static IQueryable<MentorPlaces> Mentors(TrellisDbContext db, Guid id) =>
        db.Participants.Where(x => x.ProgrammeId == id && x.Role == ProgrammeRole.Mentor && x.Status == ParticipantStatus.Enrolled)
            .Select(x => new MentorPlaces
            {
                MemberId = x.MemberId,
                Places = x.Capacity
                         - db.Mentorships.Count(m => m.ProgrammeId == id && m.MentorId == x.MemberId && Mentorship.OngoingStatuses.Contains(m.Status))
                         - db.DraftMatches.Count(d => d.ProgrammeId == id && d.MentorId == x.MemberId && d.Status == DraftStatus.Draft),
            })
            .Where(x => x.Places > 0);
}
