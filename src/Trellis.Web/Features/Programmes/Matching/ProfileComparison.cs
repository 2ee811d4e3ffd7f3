using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.FindMentor;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Matching;

/// <summary>One thing a person listed, and whether the other person has it too.</summary>
public sealed record ComparedItem(string Text, bool Shared);

public sealed record ComparedSide(Guid MemberId, string Name, string Headline, string Field, int YearsOfExperience, string TimeZone,
    IReadOnlyList<ComparedItem> Languages, IReadOnlyList<ComparedItem> Skills, IReadOnlyList<ComparedItem> Interests,
    IReadOnlyList<ComparedItem> Formats);

public sealed record ComparedAnswer(string Question, IReadOnlyList<string> Mentee, IReadOnlyList<string> Mentor, bool Shared);

public sealed record Comparison(ComparedSide Mentee, ComparedSide Mentor, bool SameField, int? Score, string? Explanation,
    IReadOnlyList<string> Reasons, IReadOnlyList<ComparedAnswer> Answers);

/// <summary>
/// Two of the programme's participants side by side (a mentee and a mentor), with what they share marked: languages,
/// the skills the mentee seeks against those the mentor offers, interests, meeting formats, field, and the answers
/// to the enrolment form. Only the fields matching uses, never a bio or career history: the coordinator decides a
/// pair, they do not read people's profiles. The score and reasons are Find a mentor's.
/// </summary>
public sealed class ProfileComparison(TrellisDbContext db, ProgrammeAccess access, MentorSearch search)
{
    private static readonly NotFoundError NotFound = new("No such mentee and mentor in this programme.");

    public async Task<Result<Comparison>> CompareAsync(Guid me, Guid id, Guid menteeId, Guid mentorId, CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return new NotFoundError("No such programme.");
        var participants = await db.Participants.AsNoTracking()
            .Where(x => x.ProgrammeId == id && x.Status == ParticipantStatus.Enrolled
                        && ((x.MemberId == menteeId && x.Role == ProgrammeRole.Mentee) || (x.MemberId == mentorId && x.Role == ProgrammeRole.Mentor)))
            .ToListAsync(ct);
        var mentee = participants.SingleOrDefault(x => x.Role == ProgrammeRole.Mentee);
        var mentor = participants.SingleOrDefault(x => x.Role == ProgrammeRole.Mentor);
        if (mentee is null || mentor is null || menteeId == mentorId) return NotFound;

        var people = await db.Profiles.AsNoTracking().Where(p => p.MemberId == menteeId || p.MemberId == mentorId)
            .Join(db.Users, p => p.MemberId, u => u.Id, (p, u) => new { Profile = p, u.DisplayName })
            .ToDictionaryAsync(x => x.Profile.MemberId, ct);
        if (!people.TryGetValue(menteeId, out var a) || !people.TryGetValue(mentorId, out var b)) return NotFound;
        var (e, o) = (a.Profile, b.Profile);

        var offered = o.Skills.Concat(o.MentorTopics).ToList();
        var menteeSide = new ComparedSide(menteeId, a.DisplayName, e.Headline, e.Field, e.YearsOfExperience, e.TimeZone,
            Mark(e.Languages, o.Languages), Mark(e.Skills, offered), Mark(e.Interests, o.Interests), Mark(e.PreferredFormats, o.FormatsOffered));
        var mentorSide = new ComparedSide(mentorId, b.DisplayName, o.Headline, o.Field, o.YearsOfExperience, o.TimeZone,
            Mark(o.Languages, e.Languages), Mark(offered, e.Skills), Mark(o.Interests, e.Interests), Mark(o.FormatsOffered, e.PreferredFormats));

        var questions = await db.EnrolmentQuestions.AsNoTracking().Where(q => q.ProgrammeId == id).OrderBy(q => q.Position).ToListAsync(ct);
        var answers = questions
            .Select(q => (q, Mentee: Values(mentee, q.Id), Mentor: Values(mentor, q.Id)))
            .Where(x => x.Mentee.Count > 0 || x.Mentor.Count > 0)
            .Select(x => new ComparedAnswer(x.q.Text, x.Mentee, x.Mentor,
                x.q.Kind != QuestionKind.LongText && x.Mentee.Intersect(x.Mentor, StringComparer.OrdinalIgnoreCase).Any()))
            .ToList();

        var score = await search.ScorePairAsync(menteeId, mentorId, ct);
        return new Comparison(menteeSide, mentorSide, e.Field.Length > 0 && string.Equals(e.Field, o.Field, StringComparison.OrdinalIgnoreCase),
            score?.Match, score?.Explanation, score?.Reasons ?? [], answers);
    }

    private static List<ComparedItem> Mark(IEnumerable<string> mine, IEnumerable<string> theirs)
    {
        var other = theirs.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return mine.Distinct(StringComparer.OrdinalIgnoreCase).Select(x => new ComparedItem(x, other.Contains(x))).ToList();
    }

    private static List<string> Values(Participant p, Guid questionId) =>
        p.Answers.FirstOrDefault(x => x.QuestionId == questionId)?.Values ?? [];
}
