using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Trellis.Matching.Cohort;
using Trellis.Matching.Scoring;
using Trellis.Web.Features.FindMentor;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Programmes.Matching;

/// <summary>
/// A programme's remainder as the bulk engine reads it: languages, the profile's hard rules and stored embeddings from the
/// profiles, places left,
/// rankings (stable mode), the first "different" hard question as the organisation unit, and as forbidden pairs the
/// coordinator's forbids, blocks either way, pairs already together and any other hard question. Ids are member ids.
/// </summary>
public sealed class CohortInput
{
    public required IReadOnlyList<CohortMentee> Mentees { get; init; }
    public required IReadOnlyList<CohortMentor> Mentors { get; init; }
    public required IReadOnlyList<(string MenteeId, string MentorId)> Pinned { get; init; }
    public required IReadOnlyList<(string MenteeId, string MentorId)> Forbidden { get; init; }
    public required IReadOnlyDictionary<Guid, string> Names { get; init; }
    public bool Stable { get; init; }

    /// <summary>The language of people who listed none; no real language code has this form.</summary>
    public const string AnyLanguage = "*";

    public string NameOf(string? id) => id is not null && Guid.TryParse(id, out var g) && Names.TryGetValue(g, out var n) ? n : "someone";

    public static async Task<CohortInput> LoadAsync(TrellisDbContext db, IEmbeddingGenerator<string, Embedding<float>> embedder,
        Programme programme, CancellationToken ct)
    {
        var id = programme.Id;
        var enrolled = db.Participants.AsNoTracking().Where(x => x.ProgrammeId == id && x.Status == ParticipantStatus.Enrolled);
        var members = enrolled.Select(x => x.MemberId);
        var mentees = await Remainder.Mentees(db, id).AsNoTracking().Select(x => new { x.MemberId, x.Ranking }).ToListAsync(ct);
        var places = await Remainder.Mentors(db, id).ToDictionaryAsync(m => m.MemberId, m => m.Places, ct);
        var mentorRankings = await enrolled.Where(x => x.Role == ProgrammeRole.Mentor)
            .Select(x => new { x.MemberId, x.Ranking }).ToDictionaryAsync(x => x.MemberId, x => x.Ranking, ct);
        var menteeIds = mentees.Select(m => m.MemberId).ToHashSet();
        var mentorIds = places.Keys.ToHashSet();

        // Each profile as Find a mentor reads it (MatchingProfiles), so a cohort gets the same hard rules: languages we must
        // share, whom the mentee asks for and the career-stage rule, a required meeting window.
        var rows = await db.Profiles.AsNoTracking().Where(p => members.Contains(p.MemberId)).ToListAsync(ct);
        var asMentee = rows.ToDictionary(p => p.MemberId, p => MatchingProfiles.Mentee(p, null));
        var asMentor = rows.ToDictionary(p => p.MemberId, p => MatchingProfiles.Mentor(p, null));
        var profiles = rows.ToDictionary(p => p.MemberId, p => p.Languages);
        var names = await db.Users.AsNoTracking().Where(u => members.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var vectors = (await db.ProfileEmbeddings.AsNoTracking()
                .Where(e => members.Contains(e.MemberId) && e.Model == EmbeddingRefresher.Model)
                .Select(e => new { e.MemberId, e.Role, e.Vector }).ToListAsync(ct))
            .ToDictionary(e => (e.MemberId, e.Role), e => new ProfileEmbedding { Vector = e.Vector }.Floats());
        var dims = vectors.Count > 0 ? vectors.Values.First().Length : (await embedder.GenerateVectorAsync("mentoring", cancellationToken: ct)).Length;
        float[] Vector(Guid member, EmbeddingRole role) => vectors.TryGetValue((member, role), out var v) && v.Length == dims ? v : new float[dims];

        // A mentee who listed no language is not filtered by it (as in Find a mentor): they speak every language the mentors
        // do, and AnyLanguage, the language of a mentor who listed none — so such a mentor shares none with a mentee who
        // listed some (as in Find a mentor), but is not left out for a mentee who listed none either.
        var mentorLanguages = mentorIds.SelectMany(m => profiles.GetValueOrDefault(m) ?? []).Distinct().Append(AnyLanguage).ToList();
        IReadOnlyList<string> MenteeLanguages(Guid member) => profiles.GetValueOrDefault(member) is { Count: > 0 } spoken ? spoken : mentorLanguages;

        var hard = await HardAnswers.LoadAsync(db, id, enrolled, ct);
        string? Unit(Guid member, ProgrammeRole role) => hard.UnitQuestion is { } q ? hard.Answer(member, role, q) : null;

        var blocks = await db.Blocks.AsNoTracking().Where(b => members.Contains(b.BlockerId) && members.Contains(b.BlockedId))
            .Select(b => new { b.BlockerId, b.BlockedId }).ToListAsync(ct);
        var together = await db.Mentorships.AsNoTracking()
            .Where(m => Mentorship.OngoingStatuses.Contains(m.Status) && members.Contains(m.MenteeId) && members.Contains(m.MentorId))
            .Select(m => new { m.MenteeId, m.MentorId }).ToListAsync(ct);
        var rules = await db.PairRules.AsNoTracking().Where(r => r.ProgrammeId == id).ToListAsync(ct);

        bool InPlay(Guid mentee, Guid mentor) => menteeIds.Contains(mentee) && mentorIds.Contains(mentor);
        var forbidden = new HashSet<(Guid, Guid)>();
        foreach (var b in blocks)
        {
            if (InPlay(b.BlockerId, b.BlockedId)) forbidden.Add((b.BlockerId, b.BlockedId));
            if (InPlay(b.BlockedId, b.BlockerId)) forbidden.Add((b.BlockedId, b.BlockerId));
        }
        foreach (var t in together.Where(t => InPlay(t.MenteeId, t.MentorId))) forbidden.Add((t.MenteeId, t.MentorId));
        foreach (var r in rules.Where(r => r.Kind == PairRuleKind.Forbid && InPlay(r.MenteeId, r.MentorId))) forbidden.Add((r.MenteeId, r.MentorId));
        // The unit question is the engine's own filter; any other hard question is checked pair by pair here.
        if (hard.BeyondUnit)
            foreach (var e in menteeIds)
                foreach (var o in mentorIds)
                    if (!hard.Allows(e, o)) forbidden.Add((e, o));

        var stable = programme.BulkMethod == BulkMethod.Stable;
        CohortMentee MenteeRow(Guid member, List<Guid> ranking)
        {
            var row = new CohortMentee(member.ToString(), MenteeLanguages(member), Unit(member, ProgrammeRole.Mentee), Vector(member, EmbeddingRole.Mentee))
            {
                Ranking = stable ? [.. ranking.Where(mentorIds.Contains).Select(g => g.ToString())] : [],
            };
            return asMentee.GetValueOrDefault(member) is not { } e ? row : row with
            {
                RequiredLanguages = e.RequiredLanguages,
                YearsOfExperience = e.YearsOfExperience,
                Ask = e.Ask,
                Schedule = new MeetingSchedule(e.TimeZone, e.WorkingHours, e.MeetingWindows),
                RequiresMeetingOverlap = e.RequiresMeetingOverlap,
            };
        }
        CohortMentor MentorRow(Guid member, int placesLeft)
        {
            var o = asMentor.GetValueOrDefault(member);
            return new CohortMentor(member.ToString(), o?.Languages is { Count: > 0 } spoken ? spoken : [AnyLanguage], Unit(member, ProgrammeRole.Mentor), placesLeft, Vector(member, EmbeddingRole.Mentor))
            {
                Ranking = stable ? [.. (mentorRankings.GetValueOrDefault(member) ?? []).Where(menteeIds.Contains).Select(g => g.ToString())] : [],
                YearsOfExperience = o?.YearsOfExperience,
                OpenToPeerMentoring = o?.OpenToPeerMentoring ?? false,
                OpenToReverseMentoring = o?.OpenToReverseMentoring ?? false,
                Schedule = o is null ? null : new MeetingSchedule(o.TimeZone, o.WorkingHours, o.MeetingWindows),
            };
        }
        return new CohortInput
        {
            Mentees = mentees.Select(m => MenteeRow(m.MemberId, m.Ranking)).ToList(),
            Mentors = places.Select(p => MentorRow(p.Key, p.Value)).ToList(),
            Pinned = rules.Where(r => r.Kind == PairRuleKind.Pin && InPlay(r.MenteeId, r.MentorId))
                .Select(r => (r.MenteeId.ToString(), r.MentorId.ToString())).ToList(),
            Forbidden = forbidden.Select(f => (f.Item1.ToString(), f.Item2.ToString())).ToList(),
            Names = names,
            Stable = stable,
        };
    }
}

/// <summary>The engine's facts in the words a coordinator reads.</summary>
public static class CohortWords
{
    public const string NoMentors = "No mentor in the programme has a place left.";
    public const string MentorStopped = "The mentor the engine chose is not taking mentees any more; run again.";
    public const string PlaceTaken = "The mentor the engine chose had their last place taken by a draft made meanwhile; run again.";

    public static string Unmatched(UnmatchedReason reason) => reason switch
    {
        UnmatchedReason.NoCandidate => "No mentor with a place left passes the rules for them: a shared language and any they must share, " +
                                       "whom they ask for (a mentor ahead of them, a peer or someone junior who opted in), time to meet " +
                                       "if they require it, and the programme's hard questions.",
        UnmatchedReason.Forbidden => "Every mentor who would pass the rules is forbidden for them, blocked, or already paired with them.",
        UnmatchedReason.AllCandidatesFull => "Every mentor who would suit them is full.",
        UnmatchedReason.BelowPenalty => "No mentor with a place left suits them well enough.",
        _ => "The mentors who still have places were not among their best candidates; run again on the remainder.",
    };

    public static string Problem(CohortProblem p, CohortInput people) => p.Kind switch
    {
        CohortProblemKind.PinnedTwice => $"{people.NameOf(p.MenteeId)} is pinned to more than one mentor.",
        CohortProblemKind.PinnedAndForbidden => $"{people.NameOf(p.MenteeId)} and {people.NameOf(p.MentorId)} are both pinned and forbidden.",
        CohortProblemKind.PinBreaksFilter => $"The pin of {people.NameOf(p.MenteeId)} to {people.NameOf(p.MentorId)} breaks a rule " +
                                              "(no shared language, a language they must share, whom they ask for, time to meet, " +
                                              "the same answer to a hard question, or a block).",
        CohortProblemKind.PinOverCapacity => $"{people.NameOf(p.MentorId)} has more pins than places left.",
        CohortProblemKind.TooManyLanguages => "The programme's people speak more than 64 languages between them; the engine takes 64.",
        _ => $"The engine could not take the programme as it is ({p.Kind}).",
    };
}
