using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.FindMentor;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.MenteeChoice;

public sealed record ProgrammeMentorResults(Guid ProgrammeId, string Slug, string Name, string MentorWord, MentorResults Mentors);

/// <summary>
/// "Find a mentor" inside a programme whose mentees choose: its enrolled mentors, scored and explained by the same
/// engine as the open search, whatever their profile's visibility (they are the mentee's co-members). Only the
/// programme's own enrolled mentees may look; anyone else gets 404, as for a programme that does not exist.
/// </summary>
public sealed class ProgrammeMentors(TrellisDbContext db, MentorSearch search)
{
    private static readonly NotFoundError NoSuchProgramme = new("No such programme.");

    public Task<Result<ProgrammeMentorResults>> SearchAsync(Guid me, Guid id, MentorQuery query, CancellationToken ct) =>
        SearchAsync(me, db.Programmes.Where(p => p.Id == id), query, ct);

    public Task<Result<ProgrammeMentorResults>> SearchAsync(Guid me, string slug, MentorQuery query, CancellationToken ct) =>
        SearchAsync(me, db.Programmes.Where(p => p.Slug == slug.ToLowerInvariant()), query, ct);

    private async Task<Result<ProgrammeMentorResults>> SearchAsync(Guid me, IQueryable<Programme> which, MentorQuery query,
        CancellationToken ct)
    {
        var found = await which.AsNoTracking()
            .Where(p => p.ArchivedAt == null && p.Status != ProgrammeStatus.Draft)
            .Select(p => new
            {
                Programme = p,
                Mine = db.Participants.Where(x => x.ProgrammeId == p.Id && x.MemberId == me && x.Role == ProgrammeRole.Mentee)
                    .Select(x => (ParticipantStatus?)x.Status).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (found is not { Mine: ParticipantStatus.Enrolled or ParticipantStatus.Incomplete }) return NoSuchProgramme;
        var programme = found.Programme;
        if (programme.MatchingMode != MatchingMode.MenteeChoice)
            return new ConflictError($"In {programme.Name} the coordinators make the matches; they will tell you who your {programme.MentorWord} is.");
        if (found.Mine != ParticipantStatus.Enrolled)
            return new ConflictError($"Complete your enrolment form first: /Programmes/{programme.Slug}/Enrol?role=Mentee");
        if (!programme.AcceptsMatching)
            return new ConflictError($"{programme.Name} is not matching yet. You can choose your {programme.MentorWord} once it is.");

        var mentors = db.Participants
            .Where(x => x.ProgrammeId == programme.Id && x.Role == ProgrammeRole.Mentor && x.Status == ParticipantStatus.Enrolled)
            .Select(x => x.MemberId);
        var results = await search.SearchAmongAsync(me, mentors, query, ct);
        if (!results.IsSuccess) return results.Error;
        return new ProgrammeMentorResults(programme.Id, programme.Slug, programme.Name, programme.MentorWord, results.Value);
    }
}
