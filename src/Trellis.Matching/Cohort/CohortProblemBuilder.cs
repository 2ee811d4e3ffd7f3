using Trellis.Matching.Scoring;

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
        if (menteeSide is not null && mentorSide is not null)
            ProfileRules(mentees, mentors, menteeSide, mentorSide, Bit, settings.ReferenceDate);
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
                foreach (var language in spoken) languages[p] |= Bit(language);
                orgUnits[p] = unit is null ? -1 : units.TryGetValue(unit, out var u) ? u : units[unit] = units.Count;
            }
            return new CohortSide(dims, flat, languages, orgUnits, capacity);
        }

        ulong Bit(string language)
        {
            var key = language.Trim().ToLowerInvariant();
            if (!languageBits.TryGetValue(key, out var bit)) languageBits[key] = bit = languageBits.Count;
            return bit < 64 ? 1UL << bit : 0;
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

    /// <summary>
    /// The profile facts into the packed arrays <see cref="HardFilters.CheckProfileRules"/> reads. When a shared window is
    /// required, schedules are grouped (people with the same zone, hours and windows are one class) and each mentee class
    /// is checked once against each mentor class, with <see cref="HardFilters"/>' own week.
    /// </summary>
    private static void ProfileRules(IReadOnlyList<CohortMentee> mentees, IReadOnlyList<CohortMentor> mentors,
        CohortSide menteeSide, CohortSide mentorSide, Func<string, ulong> bit, DateOnly referenceDate)
    {
        var any = false;
        for (var i = 0; i < mentees.Count; i++)
        {
            var m = mentees[i];
            foreach (var language in m.RequiredLanguages) menteeSide.RequiredLanguages[i] |= bit(language);
            if (m.YearsOfExperience is { } years) menteeSide.Years[i] = years;
            menteeSide.Ask[i] = m.Ask;
            any |= m.RequiredLanguages.Count > 0 || m.YearsOfExperience is not null || m.Ask != MentorAsk.Mentor || m.RequiresMeetingOverlap;
        }
        for (var j = 0; j < mentors.Count; j++)
        {
            if (mentors[j].YearsOfExperience is { } years) mentorSide.Years[j] = years;
            (mentorSide.OpenToPeer[j], mentorSide.OpenToReverse[j]) = (mentors[j].OpenToPeerMentoring, mentors[j].OpenToReverseMentoring);
        }
        if (mentees.Any(m => m.RequiresMeetingOverlap))
        {
            var mentorClasses = Classes(mentors.Select(m => m.Schedule ?? MeetingSchedule.Default), mentorSide.Schedule);
            var menteeClasses = Classes(mentees.Select(m => m.RequiresMeetingOverlap ? m.Schedule ?? MeetingSchedule.Default : null),
                menteeSide.Schedule);
            menteeSide.CanMeet = [.. menteeClasses.Select(a => mentorClasses.Select(b => HardFilters.CanMeet(HardFilters.WeeklyMinutes(
                a.TimeZone, a.WorkingHours, a.Windows, b.TimeZone, b.WorkingHours, b.Windows, referenceDate))).ToArray())];
        }
        menteeSide.HasProfileRules = any;
    }

    private static List<MeetingSchedule> Classes(IEnumerable<MeetingSchedule?> schedules, int[] classOf)
    {
        var classes = new List<MeetingSchedule>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var p = 0;
        foreach (var schedule in schedules)
        {
            if (schedule is not null)
            {
                if (!byKey.TryGetValue(schedule.Key, out var c))
                {
                    byKey[schedule.Key] = c = classes.Count;
                    classes.Add(schedule);
                }
                classOf[p] = c;
            }
            p++;
        }
        return classes;
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
