using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Features.Programmes.Matching;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.MenteeChoice;

/// <summary>
/// What a request made inside a mentee-choice programme must also satisfy, on top of the normal request rules: the
/// mentee is one of its enrolled mentees, the mentor one of its enrolled mentors with room left in it, and the
/// mentee stays within the programme's limit of open requests. The request handler calls it while it holds the
/// mentee's lock, so two requests sent at once cannot both count "one below the limit".
/// </summary>
public sealed class MenteeChoiceRules(TrellisDbContext db)
{
    public async Task<Error?> CheckAsync(Guid me, Guid mentorId, Guid programmeId, CancellationToken ct)
    {
        var programme = await MineAsync(me, programmeId, ct);
        if (programme is null) return new NotFoundError("No such programme.");
        if (programme.MatchingMode != MatchingMode.MenteeChoice)
            return new ConflictError($"In {programme.Name} the coordinators make the matches.");
        if (!programme.AcceptsMatching) return new ConflictError($"{programme.Name} is not matching yet.");
        if (await ProgrammeCapacity.RefusesAsync(db, programme, mentorId, ct) is { } full) return full;
        var open = await db.Mentorships.CountAsync(m => m.MenteeId == me && m.ProgrammeId == programmeId
                                                        && Mentorship.OpenStatuses.Contains(m.Status), ct);
        return open >= programme.MaxOpenRequests
            ? new ConflictError($"You have {open} requests waiting for an answer in {programme.Name}, the most it allows at once. " +
                                "Wait for an answer or withdraw one first.")
            : null;
    }

    /// <summary>The agreement a request inside the programme starts from, for one of its enrolled mentees.</summary>
    public async Task<(string Name, ProgrammeTemplate Template)?> TemplateAsync(Guid me, Guid programmeId, CancellationToken ct) =>
        await MineAsync(me, programmeId, ct) is { MatchingMode: MatchingMode.MenteeChoice } p ? (p.Name, p.Template) : null;

    private Task<Programme?> MineAsync(Guid me, Guid programmeId, CancellationToken ct) =>
        db.Programmes.AsNoTracking()
            .Where(p => p.Id == programmeId && p.ArchivedAt == null && p.Status != ProgrammeStatus.Draft
                        && db.Participants.Any(x => x.ProgrammeId == p.Id && x.MemberId == me && x.Role == ProgrammeRole.Mentee
                                                    && x.Status == ParticipantStatus.Enrolled))
            .SingleOrDefaultAsync(ct);
}
