using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.FindMentor;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Matching;

public sealed record BoardMentee(Guid MemberId, string Name, string Headline, IReadOnlyList<MentorResult> Candidates);

public sealed record BoardPage(int Total, int Page, int PageSize, int MentorsWithPlaces, IReadOnlyList<BoardMentee> Mentees);

/// <summary>
/// The matching board (matching by hand): the programme's enrolled mentees who have neither a draft nor a pair in it
/// yet, each with the engine's best candidates among its mentors who still have a place (their capacity for the
/// programme less its ongoing mentorships and open drafts with them). Scores and reasons come from
/// <see cref="MentorSearch"/>, the one engine behind Find a mentor; blocks, pairs already together and the
/// programme's hard questions leave a mentor out.
/// </summary>
public sealed class MatchBoard(TrellisDbContext db, ProgrammeAccess access, MentorSearch search)
{
    public const int MaxPageSize = 50, CandidatesShown = 3;
    private static readonly NotFoundError NoSuchProgramme = new("No such programme.");

    public async Task<Result<BoardPage>> PageAsync(Guid me, Guid id, int page, int pageSize, CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return NoSuchProgramme;
        var errors = new Dictionary<string, string[]>();
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"Must be between 1 and {MaxPageSize}."];
        if (page < 1) errors["page"] = ["Must be at least 1."];
        if (errors.Count > 0) return new Invalid(errors);

        var unmatched = Remainder.Mentees(db, id);
        var total = await unmatched.CountAsync(ct);
        var mentees = await unmatched.OrderBy(x => x.EnrolledAt).ThenBy(x => x.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Join(db.Users, x => x.MemberId, u => u.Id, (x, u) => new { x.MemberId, u.DisplayName })
            .Select(x => new { x.MemberId, x.DisplayName, Headline = db.Profiles.Where(p => p.MemberId == x.MemberId).Select(p => p.Headline).FirstOrDefault() })
            .ToListAsync(ct);
        var ids = mentees.Select(m => m.MemberId).ToList();

        var mentors = Remainder.Mentors(db, id).Select(m => m.MemberId);
        var mentorIds = await mentors.ToListAsync(ct);
        var hard = await HardAnswers.LoadAsync(db, id, db.Participants.Where(x => x.ProgrammeId == id
            && ((x.Role == ProgrammeRole.Mentee && ids.Contains(x.MemberId)) || (x.Role == ProgrammeRole.Mentor && mentors.Contains(x.MemberId)))), ct);
        var together = (await db.Mentorships.AsNoTracking()
                .Where(m => ids.Contains(m.MenteeId) && Mentorship.OngoingStatuses.Contains(m.Status)).Select(m => new { m.MenteeId, m.MentorId })
                .ToListAsync(ct))
            .ToLookup(m => m.MenteeId, m => m.MentorId);
        IEnumerable<Guid> Excluded(Guid mentee) => together[mentee].Concat(hard.IsEmpty ? [] : mentorIds.Where(m => !hard.Allows(mentee, m)));

        var best = await search.BestAmongAsync(ids, mentors, CandidatesShown, Excluded, ct);
        return new BoardPage(total, page, pageSize, mentorIds.Count,
            mentees.Select(m => new BoardMentee(m.MemberId, m.DisplayName, m.Headline ?? "", best[m.MemberId])).ToList());
    }
}
