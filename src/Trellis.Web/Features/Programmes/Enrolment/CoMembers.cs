using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Programmes.Enrolment;

/// <summary>
/// The profile visibility "only people in my programmes": the members who take part (enrolled, or added and still
/// to complete the form) in a programme the member also takes part in, in either role. Only programmes that are
/// open to their members count: a draft is its coordinators' alone, and a closed or archived programme no longer
/// makes people visible to each other. Coordinators are not members of their programme by coordinating it; they
/// read participants through the coordinator pages.
/// </summary>
public static class CoMembers
{
    public static IQueryable<Guid> Of(TrellisDbContext db, Guid member) =>
        from mine in db.Participants
        where mine.MemberId == member && Participant.ActiveStatuses.Contains(mine.Status)
        join programme in db.Programmes on mine.ProgrammeId equals programme.Id
        where programme.ArchivedAt == null && programme.Status != ProgrammeStatus.Draft && programme.Status != ProgrammeStatus.Closed
        join other in db.Participants on mine.ProgrammeId equals other.ProgrammeId
        where Participant.ActiveStatuses.Contains(other.Status)
        select other.MemberId;
}
