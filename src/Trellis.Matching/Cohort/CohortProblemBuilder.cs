namespace Trellis.Matching.Cohort;

/// <summary>The people turned into the packed arrays the search and solvers read, with ids resolved to indices.</summary>
internal sealed record CohortProblemData(CohortSide Mentees, CohortSide Mentors, List<(int Mentee, int Mentor)> Blocked,
    int[][] MenteeRanking, int[][] MentorRanking, List<(int Mentee, int Mentor)> Pinned);

internal static class CohortProblemBuilder
{
    public static (CohortProblemData? Data, List<CohortProblem> Problems) Build(IReadOnlyList<CohortMentee> mentees,
        IReadOnlyList<CohortMentor> mentors, CohortSettings settings)
    {
        var problems = new List<CohortProblem>();
        var menteeIndex = Index(mentees.Select(p => p.Id), problems, mentee: true);
        var mentorIndex = Index(mentors.Select(p => p.Id), problems, mentee: false);
        if (settings.UnmatchedPenalty < 0) problems.Add(new(CohortProblemKind.NegativePenalty));

        var languageBits = new Dictionary<string, int>(StringComparer.Ordinal);
        var units = new Dictionary<string, int>(StringComparer.Ordinal);
        var dims = mentees.Count > 0 ? mentees[0].Embedding.Length : mentors.Count > 0 ? mentors[0].Embedding.Length : 0;
        var menteeSide = Side(mentees.Select(p => (p.Languages, p.OrgUnit, p.Embedding)).ToList(), null);
        var mentorSide = Side(mentors.Select(p => (p.Languages, p.OrgUnit, p.Embedding)).ToList(),
            [.. mentors.Select(p => p.Capacity)]);
        if (languageBits.Count > 64) problems.Add(new(CohortProblemKind.TooManyLanguages, Count: languageBits.Count));

        var blocked = new List<(int, int)>();
        for (var i = 0; i < mentees.Count; i++)
            foreach (var id in mentees[i].Blocked)
                if (Resolve(mentorIndex, id, mentees[i].Id, id, problems) is { } j) blocked.Add((i, j));
        foreach (var (e, m) in settings.Forbidden)
            if (Pair(e, m) is { } pair) blocked.Add(pair);
        var pinned = new List<(int, int)>();
        foreach (var (e, m) in settings.Pinned)
            if (Pair(e, m) is { } pair) pinned.Add(pair);

        var menteeRanking = mentees.Select(p => Ranking(p.Ranking, mentorIndex, p.Id, menteeSide: true)).ToArray();
        var mentorRanking = mentors.Select(p => Ranking(p.Ranking, menteeIndex, p.Id, menteeSide: false)).ToArray();
        if (problems.Count > 0) return (null, problems);
        return (new CohortProblemData(menteeSide!, mentorSide!, blocked, menteeRanking, mentorRanking, pinned), problems);

        CohortSide? Side(List<(IReadOnlyList<string> Languages, string? Unit, ReadOnlyMemory<float> Embedding)> people,
            int[]? capacity)
        {
            var flat = new float[people.Count * dims];
            var languages = new ulong[people.Count];
            var orgUnits = new int[people.Count];
            for (var p = 0; p < people.Count; p++)
            {
                var (spoken, unit, embedding) = people[p];
                if (embedding.Length != dims)
                {
                    problems.Add(new(CohortProblemKind.EmbeddingSize, Count: embedding.Length));
                    return null;
                }
                embedding.Span.CopyTo(flat.AsSpan(p * dims));
                foreach (var language in spoken)
                {
                    var key = language.Trim().ToLowerInvariant();
                    if (!languageBits.TryGetValue(key, out var bit)) languageBits[key] = bit = languageBits.Count;
                    if (bit < 64) languages[p] |= 1UL << bit;
                }
                orgUnits[p] = unit is null ? -1 : units.TryGetValue(unit, out var u) ? u : units[unit] = units.Count;
            }
            return new CohortSide(dims, flat, languages, orgUnits, capacity);
        }

        (int, int)? Pair(string menteeId, string mentorId)
        {
            var i = Resolve(menteeIndex, menteeId, menteeId, mentorId, problems);
            var j = Resolve(mentorIndex, mentorId, menteeId, mentorId, problems);
            return i is { } a && j is { } b ? (a, b) : null;
        }

        int[] Ranking(IReadOnlyList<string> ids, Dictionary<string, int> other, string owner, bool menteeSide) =>
            [.. ids.Select(id => Resolve(other, id, menteeSide ? owner : id, menteeSide ? id : owner, problems))
                .OfType<int>()];
    }

    private static Dictionary<string, int> Index(IEnumerable<string> ids, List<CohortProblem> problems, bool mentee)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var at = 0;
        foreach (var id in ids)
            if (!index.TryAdd(id, at++))
                problems.Add(mentee ? new(CohortProblemKind.DuplicateId, MenteeId: id) : new(CohortProblemKind.DuplicateId, MentorId: id));
        return index;
    }

    private static int? Resolve(Dictionary<string, int> index, string id, string menteeId, string mentorId,
        List<CohortProblem> problems)
    {
        if (index.TryGetValue(id, out var at)) return at;
        problems.Add(new(CohortProblemKind.UnknownId, menteeId, mentorId));
        return null;
    }
}
