using CsCheck;
using Trellis.Matching.Scoring;
using Trellis.Matching.Search;
using Trellis.Matching.Tests.Support;

namespace Trellis.Matching.Tests.Search;

/// <summary>
/// Random mentor populations drawn from small value pools, so ties, blocks, closed and full
/// mentors, missing languages and the mentee appearing as a mentor all happen often.
/// </summary>
public sealed class MentorIndexPropertyTests
{
    private static readonly Guid MenteeId = new("00000000-0000-0000-0000-00000000beef");
    private static readonly string[] Fields = ["design", "law", "Software Engineering"];
    private static readonly string[] Skills = ["figma", "sql", "public speaking", "negotiation"];
    private static readonly string[] Interests = ["chess", "jazz", "climbing", "baking", "running"];
    private static readonly string[] Languages = ["en", "es", "pt"];
    private static readonly string[] Zones = ["Europe/London", "America/New_York", "Asia/Tokyo", "Asia/Kolkata"];
    private static readonly WeeklyWindow[] Windows =
    [
        new(DayOfWeek.Monday, new TimeOnly(19, 0), new TimeOnly(22, 0)),
        new(DayOfWeek.Saturday, new TimeOnly(10, 0), new TimeOnly(13, 0)),
        new(DayOfWeek.Wednesday, new TimeOnly(23, 0), new TimeOnly(1, 0)),
    ];
    private static readonly float[][] Vectors = [.. Enumerable.Range(0, 4).Select(Builders.UnitVector)];

    private static T Pick<T>(T[] pool, int gene) => pool[gene % pool.Length];

    private static string[] Subset(string[] pool, int gene) => [.. pool.Where((_, i) => (gene >> i & 1) == 1)];

    private static readonly Gen<MentorProfile> GenMentor =
        Gen.Select(Gen.Int[0, 1000].Array[14], Gen.Int[1, 60_000], (g, n) => new MentorProfile
        {
            Id = g[0] % 23 == 0 ? MenteeId : new Guid(n, 0, 0, new byte[8]),
            Field = Pick(Fields, g[1]),
            RelatedFields = g[2] % 3 == 0 ? Subset(Fields, g[2]) : [],
            PreviousFields = g[2] % 3 == 1 ? Subset(Fields, g[2] >> 3) : [],
            YearsOfExperience = g[3] % 30,
            Skills = Subset(Skills, g[4]),
            QualitiesOffered = (MentorQualities)(g[5] % 64),
            Interests = Subset(Interests, g[6]),
            TimeZone = Pick(Zones, g[7]),
            MeetingWindows = g[7] % 3 == 0 ? [Pick(Windows, g[7] >> 2)] : [],
            Languages = Subset(Languages, g[8] % 8),
            Formats = (MeetingFormats)(g[9] % 16),
            OpenToMentoring = g[10] % 7 != 0,
            Capacity = g[11] % 4,
            ActiveMentees = g[12] % 3,
            HoursPerMonth = g[12] % 11,
            OpenToPeerMentoring = g[13] % 2 == 0,
            OpenToReverseMentoring = g[13] % 3 == 0,
            BlockedIds = g[2] % 11 == 0 ? [MenteeId] : [],
            Embedding = g[13] % 5 == 4 ? null : Vectors[g[13] % 4],
        });

    private static readonly Gen<MenteeProfile> GenMentee =
        Gen.Int[0, 1000].Array[10].Select(g => new MenteeProfile
        {
            Id = MenteeId,
            Field = Pick(Fields, g[0]),
            RelatedFields = g[1] % 2 == 0 ? Subset(Fields, g[1]) : [],
            // A career changer half the time (a field, or one no mentor is in); the rest stay.
            TargetField = (g[1] % 4) switch { 1 => Pick(Fields, g[1] >> 2), 3 => "Nursing", _ => null },
            YearsOfExperience = g[2] % 20,
            SkillsSought = Subset(Skills, g[3]),
            QualitiesSought = (MentorQualities)(g[4] % 16),
            Interests = Subset(Interests, g[5]),
            TimeZone = Pick(Zones, g[6]),
            MeetingWindows = g[6] % 2 == 0 ? [Pick(Windows, g[6] >> 2)] : [],
            RequiresMeetingOverlap = g[6] % 3 == 0,
            Languages = Subset(Languages, 1 + g[7] % 7),
            RequiresSharedLanguage = g[8] % 2 == 0,
            RequiredLanguages = g[8] % 5 == 0 ? Subset(Languages, g[8] >> 3) : [],
            Ask = (MentorAsk)(g[2] % 7 % 3),
            FormatsPreferred = (MeetingFormats)(g[9] % 16),
            Embedding = g[9] % 5 == 4 ? null : Vectors[g[8] % 4],
        });

    private static readonly Gen<MentorFilter> GenFilter =
        Gen.Int[0, 1000].Array[8].Select(g => new MentorFilter
        {
            Fields = g[0] % 3 == 0 ? Subset(Fields, g[0]) : null,
            SkillsOrTopics = g[1] % 3 == 0 ? Subset(Skills, g[1]) : null,
            Languages = g[2] % 4 == 0 ? Subset(Languages, g[2]) : null,
            Formats = g[3] % 3 == 0 ? (MeetingFormats)(1 + g[3] % 15) : null,
            MinOverlapHours = g[4] % 3 == 0 ? g[4] % 6 : null,
            MinYearsOfExperience = g[5] % 3 == 0 ? g[5] % 15 : null,
            MaxYearsOfExperience = g[6] % 3 == 0 ? 10 + g[6] % 20 : null,
            OpenToPeerOrReverse = (g[7] % 3) switch { 0 => true, 1 => false, _ => null },
        });

    private static readonly Gen<(MenteeProfile Mentee, MentorProfile[] Mentors, MentorFilter Filter, int Take)> GenScenario =
        Gen.Select(GenMentee, GenMentor.Array[0, 40], GenFilter, Gen.Int[1, 12], Gen.Int[0, 1000], (mentee, mentors, filter, take, g) =>
        {
            var unique = mentors.DistinctBy(m => m.Id).ToArray();
            var blocked = unique.Where((m, i) => (g + i) % 9 == 0).Select(m => m.Id).ToArray();
            return (mentee with { BlockedIds = blocked }, unique, filter, take);
        });

    private static MentorSearchRequest Request(MenteeProfile mentee, MentorFilter filter, int take) =>
        new() { Mentee = mentee, ReferenceDate = Builders.November, Filter = filter, Take = take };

    [Fact]
    public void Search_NeverBreaksAHardFilter_AndEqualsBruteForce() =>
        GenScenario.Sample(s =>
        {
            var index = MentorIndex.Build(s.Mentors);
            var result = index.Search(Request(s.Mentee, s.Filter, s.Take));

            Assert.All(result.Matches, m => Assert.True(HardFilters.Allows(s.Mentee, s.Mentors.Single(x => x.Id == m.MentorId), Builders.November)));
            var expected = s.Mentors
                .Where(m => HardFilters.Allows(s.Mentee, m, Builders.November) && PassesFilter(s.Mentee, m, s.Filter))
                .Select(m => (m.Id, Score: index.Explain(s.Mentee, m.Id, Builders.November)!.Total))
                .OrderByDescending(x => x.Score).ThenBy(x => x.Id)
                .ToList();
            Assert.Equal(expected.Count, result.TotalMatching);
            Assert.Equal(expected.Take(s.Take), result.Matches.Select(m => (m.MentorId, m.Score)));
        }, iter: 300);

    [Fact]
    public void Search_IsDeterministic_WhateverTheInsertionOrder() =>
        GenScenario.Sample(s =>
        {
            var request = Request(s.Mentee, s.Filter, s.Take);
            var first = MentorIndex.Build(s.Mentors).Search(request).Matches.Select(m => (m.MentorId, m.Score, Builders.Explanation(m))).ToList();
            var reversed = MentorIndex.Build(s.Mentors.Reverse()).Search(request).Matches.Select(m => (m.MentorId, m.Score, Builders.Explanation(m))).ToList();
            var again = MentorIndex.Build(s.Mentors).Search(request).Matches.Select(m => (m.MentorId, m.Score, Builders.Explanation(m))).ToList();
            Assert.Equal(first, reversed);
            Assert.Equal(first, again);
        }, iter: 200);

    [Fact]
    public void AddingAnUnrelatedMentor_NeverChangesTheOrderOfTheOthers() =>
        Gen.Select(GenScenario, GenMentor).Sample(t =>
        {
            var (s, newcomer) = t;
            if (s.Mentors.Any(m => m.Id == newcomer.Id) || newcomer.Id == MenteeId) return;
            var index = MentorIndex.Build(s.Mentors);
            var request = Request(s.Mentee, s.Filter, MentorSearchRequest.MaxPageSize);
            var before = index.Search(request).Matches.Select(m => m.MentorId).ToList();

            index.AddOrUpdate(newcomer);
            var after = index.Search(request).Matches.Select(m => m.MentorId).Where(id => id != newcomer.Id).ToList();

            Assert.Equal(before, after);
        }, iter: 200);

    /// <summary>The search filters, written out independently of the index.</summary>
    private static bool PassesFilter(MenteeProfile mentee, MentorProfile m, MentorFilter f)
    {
        static string N(string s) => s.Trim().ToLowerInvariant();
        if (f.Fields is { } fields && !fields.Select(N).Contains(N(m.Field))) return false;
        if (f.SkillsOrTopics is { } skills && !m.Skills.Concat(m.Topics).Select(N).Intersect(skills.Select(N)).Any()) return false;
        if (f.Languages is { } languages && !m.Languages.Intersect(languages).Any()) return false;
        if (f.Formats is { } formats && (m.Formats & formats) == 0) return false;
        if (f.MinYearsOfExperience is { } min && m.YearsOfExperience < min) return false;
        if (f.MaxYearsOfExperience is { } max && m.YearsOfExperience > max) return false;
        if (f.OpenToPeerOrReverse is { } open && (m.OpenToPeerMentoring || m.OpenToReverseMentoring) != open) return false;
        if (f.MinOverlapHours is { } hours && TimeZones.WorkingHoursOverlap(TimeZones.FindOrUtc(mentee.TimeZone), mentee.WorkingHours,
                TimeZones.FindOrUtc(m.TimeZone), m.WorkingHours, Builders.November) < hours) return false;
        return true;
    }
}
