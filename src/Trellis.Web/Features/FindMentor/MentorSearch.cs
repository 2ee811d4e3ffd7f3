using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Trellis.Matching;
using Trellis.Matching.Scoring;
using Trellis.Matching.Search;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.FindMentor;

/// <summary>The filters of "Find a mentor" (page and API); every one is optional.</summary>
public sealed record MentorQuery
{
    public const int QueryMax = 500;

    public string? Q { get; init; }
    public string? Field { get; init; }
    public string? Skill { get; init; }
    public IReadOnlyList<string> Languages { get; init; } = [];
    public IReadOnlyList<string> Formats { get; init; } = [];
    public double? MinOverlapHours { get; init; }
    public int? MinYears { get; init; }
    public int? MaxYears { get; init; }
    public bool PeerOrReverse { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Q?.Length > QueryMax) errors["q"] = [$"Must be at most {QueryMax} characters."];
        if (Field?.Length > ProfileInput.ShortTextMax) errors["field"] = [$"Must be at most {ProfileInput.ShortTextMax} characters."];
        if (Skill?.Length > ProfileInput.ListItemMax) errors["skill"] = [$"Must be at most {ProfileInput.ListItemMax} characters."];
        if (Languages.Any(l => LanguageCodes.Resolve(l) is null)) errors["languages"] = [LanguageCodes.Unknown];
        if (Formats.Any(f => !ProfileInput.Formats.Contains(f))) errors["formats"] = [$"Each must be one of: {string.Join(", ", ProfileInput.Formats)}."];
        if (MinOverlapHours is < 0 or > 24) errors["minOverlapHours"] = ["Must be between 0 and 24."];
        if (MinYears is < 0 or > 70) errors["minYears"] = ["Must be between 0 and 70."];
        if (MaxYears is < 0 or > 70) errors["maxYears"] = ["Must be between 0 and 70."];
        if (MinYears > MaxYears) errors["maxYears"] = ["“Experience up to” must be at least “Experience from”."];
        if (PageSize is < 1 or > MentorSearchRequest.MaxPageSize) errors["pageSize"] = [$"Must be between 1 and {MentorSearchRequest.MaxPageSize}."];
        if (Page < 1 || Page * PageSize > MentorSearchRequest.MaxDepth) errors["page"] = [$"Must be at least 1, and page × pageSize at most {MentorSearchRequest.MaxDepth}."];
        return errors;
    }

    internal MentorFilter ToFilter() => new()
    {
        Fields = string.IsNullOrWhiteSpace(Field) ? null : [Field.Trim()],
        SkillsOrTopics = string.IsNullOrWhiteSpace(Skill) ? null : [Skill.Trim()],
        Languages = Languages.Count == 0 ? null : Languages.Select(l => LanguageCodes.Resolve(l) ?? l.ToLowerInvariant()).ToList(),
        Formats = Formats.Count == 0 ? null : MatchingProfiles.Formats(Formats),
        MinOverlapHours = MinOverlapHours is > 0 ? MinOverlapHours : null,
        MinYearsOfExperience = MinYears,
        MaxYearsOfExperience = MaxYears,
        OpenToPeerOrReverse = PeerOrReverse ? true : null,
    };
}

/// <summary>One mentor in a result list, with the reasons in plain words and the trust signals.</summary>
public sealed record MentorResult(
    Guid MentorId, string DisplayName, string Headline, string Field, int YearsOfExperience, int Match,
    string Explanation, IReadOnlyList<string> Reasons, bool EmailVerified, int CompletedMentorships, int RemainingCapacity,
    int Endorsements = 0);

/// <summary>What a result list holds (the <c>state</c> field of <c>GET /api/v1/mentors</c>).</summary>
public enum SearchState
{
    /// <summary>No words given: every mentor the filters let through, best match first.</summary>
    All,

    /// <summary>Words given: only the mentors close enough to them (<c>Matching:MinQueryRelevance</c>); <c>total</c> counts them.</summary>
    Matches,

    /// <summary>Words given and no mentor close to them: <c>total</c> is 0 and the results are the mentors nearest my goals instead.</summary>
    NoCloseMatch,
}

public sealed record MentorResults(int Total, int Page, int PageSize, IReadOnlyList<MentorResult> Results, SearchState State = SearchState.All);

/// <summary>Search and recommendations for the signed-in member, scored against their own profile.</summary>
public sealed class MentorSearch(TrellisDbContext db, MentorDirectory directory,
    IEmbeddingGenerator<string, Embedding<float>> embedder, ProfileHandlers profiles, TimeProvider time)
{
    public Task<Result<MentorResults>> SearchAsync(Guid me, MentorQuery query, CancellationToken ct) =>
        SearchAsync(directory.Index, me, query, ct);

    /// <summary>
    /// The same search, scores and reasons over only the given mentors (a programme's), whatever their profile's
    /// visibility: the caller decides who may see them. Built per request from the database, so a programme's
    /// mentors are current at once; fine for the few hundred a mentee-choice programme has.
    /// </summary>
    public async Task<Result<MentorResults>> SearchAmongAsync(Guid me, IQueryable<Guid> mentorIds, MentorQuery query, CancellationToken ct)
    {
        var errors = query.Validate();
        if (errors.Count > 0) return new Invalid(errors);
        return await SearchAsync(await IndexOfAsync(mentorIds, ct), me, query, ct);
    }

    /// <summary>
    /// The matching board: for each mentee, the <paramref name="take"/> best of the given mentors, scored and explained
    /// exactly as Find a mentor does. One index of those mentors serves the whole page of mentees; the mentors
    /// <paramref name="excluded"/> names for a mentee (a programme's hard constraints) are left out like blocked ones.
    /// </summary>
    public async Task<Dictionary<Guid, IReadOnlyList<MentorResult>>> BestAmongAsync(IReadOnlyList<Guid> menteeIds,
        IQueryable<Guid> mentorIds, int take, Func<Guid, IEnumerable<Guid>> excluded, CancellationToken ct)
    {
        var index = await IndexOfAsync(mentorIds, ct);
        var best = new Dictionary<Guid, IReadOnlyList<MentorResult>>();
        foreach (var menteeId in menteeIds)
        {
            var mentee = await MenteeAsync(menteeId, ct);
            mentee = mentee with { BlockedIds = [.. mentee.BlockedIds.Concat(excluded(menteeId))] };
            var found = index.Search(new MentorSearchRequest { Mentee = mentee, ReferenceDate = await db.TodayForAsync(menteeId, time, ct), Take = take });
            best[menteeId] = await DescribeAsync(found.Matches, ct);
        }
        return best;
    }

    private async Task<MentorIndex> IndexOfAsync(IQueryable<Guid> mentorIds, CancellationToken ct)
    {
        var index = new MentorIndex(directory.Index.Scorer.Options);
        index.AddOrUpdate(await MentorDirectory.ProfilesAsync(db, db.Profiles.WhereAskableMentor(db).Where(p => mentorIds.Contains(p.MemberId)), ct));
        return index;
    }

    private async Task<Result<MentorResults>> SearchAsync(MentorIndex index, Guid me, MentorQuery query, CancellationToken ct)
    {
        var errors = query.Validate();
        if (errors.Count > 0) return new Invalid(errors);
        var mentee = await MenteeAsync(me, ct);
        var words = string.IsNullOrWhiteSpace(query.Q) ? null : (await embedder.GenerateVectorAsync(query.Q, cancellationToken: ct)).ToArray();
        var request = new MentorSearchRequest
        {
            Mentee = mentee,
            ReferenceDate = await db.TodayForAsync(me, time, ct),
            Filter = query.ToFilter(),
            QueryEmbedding = words,
            MinQueryRelevance = words is null ? null : (float)index.Scorer.Options.MinQueryRelevance,
            Skip = (query.Page - 1) * query.PageSize,
            Take = query.PageSize,
        };
        var found = index.Search(request);
        if (words is null || found.TotalMatching > 0)
            return new MentorResults(found.TotalMatching, query.Page, query.PageSize, await DescribeAsync(found.Matches, ct),
                words is null ? SearchState.All : SearchState.Matches);
        // Nobody is close to the words: say so, and offer the mentors nearest the member's own goals (same filters) instead.
        var near = index.Search(request with { QueryEmbedding = null, MinQueryRelevance = null, Skip = 0 });
        return new MentorResults(0, 1, query.PageSize, await DescribeAsync(near.Matches, ct), SearchState.NoCloseMatch);
    }

    public async Task<IReadOnlyList<MentorResult>> RecommendAsync(Guid me, int take, CancellationToken ct)
    {
        var mentee = await MenteeAsync(me, ct);
        var found = directory.Index.Search(new MentorSearchRequest { Mentee = mentee, ReferenceDate = await db.TodayForAsync(me, time, ct), Take = take });
        return await DescribeAsync(found.Matches, ct);
    }

    /// <summary>"Why this could be a good match", for a mentee looking at a mentor's profile; null if not a mentor they could ask.</summary>
    public async Task<CompatibilityScore?> ExplainAsync(Guid me, Guid mentorId, CancellationToken ct)
    {
        if (me == mentorId) return null;
        var mentee = await MenteeAsync(me, ct);
        var today = await db.TodayForAsync(me, time, ct);
        // The index scores anyone it holds; a mentor a hard rule keeps from my results (a language we must share,
        // whom I ask for, time to meet) gets no "why this could be a good match" on their page either.
        var mentor = await AskableMentorAsync(mentorId, ct);
        if (mentor is null || HardFilters.Check(mentee, mentor, today, directory.Index.Scorer.Options.MinYearsAhead) != Exclusion.None) return null;
        return directory.Index.Explain(mentee, mentorId, today);
    }

    /// <summary>How well one mentor suits one mentee, in the words "Find a mentor" uses (a coordinator's draft match);
    /// null if the mentor cannot be asked (not open to mentoring, suspended, hidden, deleted).</summary>
    public async Task<(int Match, string Explanation, IReadOnlyList<string> Reasons)?> ScorePairAsync(Guid menteeId, Guid mentorId,
        CancellationToken ct)
    {
        var mentor = await AskableMentorAsync(mentorId, ct);
        if (mentor is null) return null;
        var score = directory.Index.Scorer.Score(await MenteeAsync(menteeId, ct), mentor, await db.TodayForAsync(menteeId, time, ct));
        return ((int)Math.Round(score.Total * 100), MatchExplanations.Explain(score), score.Reasons.Select(MatchExplanations.Sentence).ToList());
    }

    /// <summary>
    /// <see cref="ScorePairAsync"/> for many pairs at once (a bulk run's drafts), with the same result pair by pair:
    /// the mentees' profiles, vectors and blocks and the askable mentors are read a chunk at a time, never a pair at a time.
    /// </summary>
    public async Task<IReadOnlyList<(int Match, string Explanation, IReadOnlyList<string> Reasons)?>> ScorePairsAsync(
        IReadOnlyList<(Guid Mentee, Guid Mentor)> pairs, Action<int>? scored, CancellationToken ct, int chunk = 2_000)
    {
        var result = new (int, string, IReadOnlyList<string>)?[pairs.Count];
        var mentors = new Dictionary<Guid, MentorProfile?>();
        var now = time.GetUtcNow();
        for (var start = 0; start < pairs.Count; start += chunk)
        {
            var some = Enumerable.Range(start, Math.Min(chunk, pairs.Count - start)).Select(i => pairs[i]).ToList();
            var wanted = some.Select(p => p.Mentor).Where(m => !mentors.ContainsKey(m)).Distinct().ToList();
            var found = (await MentorDirectory.ProfilesAsync(db, db.Profiles.WhereAskableMentor(db).Where(p => wanted.Contains(p.MemberId)), ct))
                .ToDictionary(m => m.Id);
            foreach (var id in wanted) mentors[id] = found.GetValueOrDefault(id);
            var mentees = await MenteesAsync([.. some.Select(p => p.Mentee).Distinct()], ct);
            for (var i = 0; i < some.Count; i++)
            {
                if (mentors[some[i].Mentor] is not { } mentor) continue;
                var (mentee, zone) = mentees[some[i].Mentee];
                var score = directory.Index.Scorer.Score(mentee, mentor, zone.TodayAt(now));
                result[start + i] = ((int)Math.Round(score.Total * 100), MatchExplanations.Explain(score),
                    score.Reasons.Select(MatchExplanations.Sentence).ToList());
            }
            scored?.Invoke(start + some.Count);
        }
        return result;
    }

    /// <summary><see cref="MenteeAsync"/> for many members at once (a member without a profile reads as a new, empty one).</summary>
    private async Task<Dictionary<Guid, (MenteeProfile Mentee, TimeZoneInfo Zone)>> MenteesAsync(List<Guid> ids, CancellationToken ct)
    {
        var found = await db.Profiles.AsNoTracking().Where(p => ids.Contains(p.MemberId)).ToDictionaryAsync(p => p.MemberId, ct);
        var vectors = await db.ProfileEmbeddings.AsNoTracking()
            .Where(e => ids.Contains(e.MemberId) && e.Role == EmbeddingRole.Mentee && e.Model == EmbeddingRefresher.Model)
            .ToDictionaryAsync(e => e.MemberId, e => e.Vector, ct);
        var blocks = await db.Blocks.AsNoTracking().Where(b => ids.Contains(b.BlockerId) || ids.Contains(b.BlockedId))
            .Select(b => new { b.BlockerId, b.BlockedId }).ToListAsync(ct);
        var hidden = blocks.Select(b => (Of: b.BlockerId, Hidden: b.BlockedId)).Concat(blocks.Select(b => (Of: b.BlockedId, Hidden: b.BlockerId)))
            .ToLookup(b => b.Of, b => b.Hidden);
        var now = time.GetUtcNow();
        return ids.ToDictionary(id => id, id =>
        {
            var profile = found.GetValueOrDefault(id) ?? new Profile(id, now);
            var vector = vectors.GetValueOrDefault(id);
            var embedding = vector is null ? null : new ProfileEmbedding { Vector = vector }.Floats();
            var mentee = MatchingProfiles.Mentee(profile, embedding) with { BlockedIds = [.. hidden[id]] };
            return (mentee, MemberClock.Zone(profile.TimeZone));
        });
    }

    /// <summary>The mentor as the library sees them, or null when they cannot be asked (not open, suspended, hidden, deleted).</summary>
    private async Task<MentorProfile?> AskableMentorAsync(Guid mentorId, CancellationToken ct) =>
        (await MentorDirectory.ProfilesAsync(db, db.Profiles.WhereAskableMentor(db).Where(p => p.MemberId == mentorId), ct)).SingleOrDefault();

    private async Task<MenteeProfile> MenteeAsync(Guid me, CancellationToken ct)
    {
        var profile = await profiles.OwnProfileAsync(me, ct);
        var vector = await db.ProfileEmbeddings.AsNoTracking()
            .Where(e => e.MemberId == me && e.Role == EmbeddingRole.Mentee && e.Model == EmbeddingRefresher.Model)
            .Select(e => e.Vector).FirstOrDefaultAsync(ct);
        // Blocked members, either way, never appear in my results (the library's hard filter).
        var hidden = await Blocking.Blocks.HiddenFrom(db, me).ToListAsync(ct);
        return MatchingProfiles.Mentee(profile, vector is null ? null : new ProfileEmbedding { Vector = vector }.Floats()) with { BlockedIds = hidden };
    }

    private async Task<IReadOnlyList<MentorResult>> DescribeAsync(IReadOnlyList<MentorMatch> matches, CancellationToken ct)
    {
        var ids = matches.Select(m => m.MentorId).ToList();
        var people = await db.Profiles.Where(p => ids.Contains(p.MemberId))
            .Join(db.Users, p => p.MemberId, u => u.Id, (p, u) => new { p.MemberId, u.DisplayName, u.EmailConfirmed, p.Headline, p.Field, p.YearsOfExperience, p.MentorCapacity, p.ActiveMentees })
            .ToDictionaryAsync(x => x.MemberId, ct);
        var completed = await db.Mentorships.Where(m => ids.Contains(m.MentorId) && m.Status == Mentorships.MentorshipStatus.Completed)
            .GroupBy(m => m.MentorId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        // Endorsements count only once the mentor has chosen to show them (and moderation has not hidden them).
        var endorsed = await db.Endorsements.Where(e => ids.Contains(e.MentorId) && e.PublishedAt != null && e.HiddenAt == null)
            .GroupBy(e => e.MentorId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return matches.Where(m => people.ContainsKey(m.MentorId)).Select(m =>
        {
            var p = people[m.MentorId];
            return new MentorResult(m.MentorId, p.DisplayName, p.Headline, p.Field, p.YearsOfExperience,
                (int)Math.Round(m.Score * 100), MatchExplanations.Explain(m.Breakdown),
                m.Breakdown.Reasons.Select(MatchExplanations.Sentence).ToList(),
                p.EmailConfirmed, completed.GetValueOrDefault(m.MentorId), Math.Max(0, p.MentorCapacity - p.ActiveMentees),
                endorsed.GetValueOrDefault(m.MentorId));
        }).ToList();
    }
}
