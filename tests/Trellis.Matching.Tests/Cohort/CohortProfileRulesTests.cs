using CsCheck;
using Trellis.Matching.Cohort;
using Trellis.Matching.Scoring;
using Trellis.Matching.Tests.Support;

namespace Trellis.Matching.Tests.Cohort;

/// <summary>
/// Bulk matching applies Find a mentor's hard rules (issue 14 item 8): a cohort row carries the profile's facts and the
/// engine never makes a pair that <see cref="HardFilters.Check(MenteeProfile, MentorProfile, DateOnly, int)"/> excludes.
/// </summary>
public sealed class CohortProfileRulesTests
{
    private static readonly DateOnly Week = Builders.November;
    private static readonly string[] Languages = ["en", "pt", "de"];
    private static readonly string[] Zones = ["Europe/London", "Asia/Tokyo", "America/Los_Angeles"];
    private static readonly WeeklyWindow[] Windows =
        [new(DayOfWeek.Monday, new(19, 0), new(22, 0)), new(DayOfWeek.Saturday, new(9, 0), new(9, 20)), new(DayOfWeek.Tuesday, new(7, 0), new(9, 0))];

    private static T[] Subset<T>(T[] pool, int gene) => [.. pool.Where((_, i) => (gene >> i & 1) == 1)];

    private static readonly Gen<MenteeProfile> GenMentee = Gen.Int[0, 100_000].Array[6].Select(g => new MenteeProfile
    {
        Id = Guid.NewGuid(), Field = "law", YearsOfExperience = g[0] % 20,
        Languages = [Languages[g[1] % 3], .. Subset(Languages, g[1] >> 2)],
        RequiredLanguages = g[2] % 3 == 0 ? [Languages[g[2] % 3 == 0 ? (g[2] >> 2) % 3 : 0]] : [],
        Ask = (MentorAsk)(g[3] % 3),
        TimeZone = Zones[g[4] % 3], MeetingWindows = g[4] % 2 == 0 ? Subset(Windows, g[4] >> 2) : [],
        RequiresMeetingOverlap = g[5] % 2 == 0,
        Embedding = Builders.UnitVector(g[5] % 7),
    });

    private static readonly Gen<MentorProfile> GenMentor = Gen.Int[0, 100_000].Array[5].Select(g => new MentorProfile
    {
        Id = Guid.NewGuid(), Field = "law", YearsOfExperience = g[0] % 25, Languages = [Languages[g[1] % 3], .. Subset(Languages, g[1] >> 2)],
        OpenToPeerMentoring = g[2] % 2 == 0, OpenToReverseMentoring = g[2] % 3 == 0,
        TimeZone = Zones[g[3] % 3], MeetingWindows = g[3] % 2 == 0 ? Subset(Windows, g[3] >> 2) : [],
        OpenToMentoring = true, Capacity = 50,
        Embedding = Builders.UnitVector(g[4] % 7),
    });

    private static CohortMentee Row(MenteeProfile p) => new(p.Id.ToString(), p.Languages, null, p.Embedding)
    {
        RequiredLanguages = p.RequiredLanguages, YearsOfExperience = p.YearsOfExperience, Ask = p.Ask,
        Schedule = new MeetingSchedule(p.TimeZone, p.WorkingHours, p.MeetingWindows), RequiresMeetingOverlap = p.RequiresMeetingOverlap,
    };

    private static CohortMentor Row(MentorProfile p) => new(p.Id.ToString(), p.Languages, null, p.Capacity, p.Embedding)
    {
        YearsOfExperience = p.YearsOfExperience, OpenToPeerMentoring = p.OpenToPeerMentoring, OpenToReverseMentoring = p.OpenToReverseMentoring,
        Schedule = new MeetingSchedule(p.TimeZone, p.WorkingHours, p.MeetingWindows),
    };

    [Fact]
    public void EveryPair_PassesFindAMentorsRules_AndAMenteeIsLeftOutOnlyWhenNoMentorPassesThem() =>
        Gen.Select(GenMentee.Array[1, 30], GenMentor.Array[1, 12], Gen.Bool).Sample((mentees, mentors, stable) =>
        {
            var settings = new CohortSettings { Mode = stable ? CohortMode.Stable : CohortMode.Optimal, ReferenceDate = Week, CandidatesPerMentee = 3 };
            var result = CohortMatcher.Match([.. mentees.Select(Row)], [.. mentors.Select(Row)], settings);

            Assert.True(result.IsValid);
            foreach (var a in result.Assignments)
            {
                var mentee = mentees[a.Mentee];
                if (a.Mentor is { } j)
                    Assert.Equal(Exclusion.None, HardFilters.Check(mentee, mentors[j], Week, MatchingOptions.DefaultMinYearsAhead));
                else
                    // Every mentor has room for all of them, so only a rule can leave a mentee out.
                    Assert.All(mentors, m => Assert.NotEqual(Exclusion.None, HardFilters.Check(mentee, m, Week, MatchingOptions.DefaultMinYearsAhead)));
            }
        }, iter: 150);

    [Fact]
    public void TheBestTextMatch_IsNeverMade_WhenFindAMentorWouldExcludeIt()
    {
        var goals = Builders.UnitVector(1);
        var mentee = new CohortMentee("e1", ["en", "pt"], null, goals) { RequiredLanguages = ["pt"], YearsOfExperience = 5 };
        var closest = new CohortMentor("close", ["en"], null, 1, goals) { YearsOfExperience = 20 };
        var portuguese = new CohortMentor("pt", ["pt"], null, 1, Builders.UnitVector(2)) { YearsOfExperience = 20 };
        var junior = new CohortMentor("junior", ["pt"], null, 1, goals) { YearsOfExperience = 5 };

        var result = CohortMatcher.Match([mentee], [closest, junior, portuguese], new CohortSettings { ReferenceDate = Week });

        Assert.Equal(2, result.Assignments.Single().Mentor);

        var askingForAPeer = mentee with { RequiredLanguages = [], Ask = MentorAsk.Peer };
        var openPeer = junior with { Id = "peer", OpenToPeerMentoring = true, Embedding = Builders.UnitVector(3) };
        result = CohortMatcher.Match([askingForAPeer], [closest, openPeer], new CohortSettings { ReferenceDate = Week });
        Assert.Equal(1, result.Assignments.Single().Mentor);

        var evenings = new MeetingSchedule("Europe/London", WorkingHours.NineToFive, [new(DayOfWeek.Monday, new(19, 0), new(22, 0))]);
        var mustMeet = mentee with { RequiredLanguages = [], Schedule = evenings, RequiresMeetingOverlap = true };
        var tokyo = closest with { Schedule = new MeetingSchedule("Asia/Tokyo", WorkingHours.NineToFive, []) };
        var london = portuguese with { Languages = ["en"], Schedule = new MeetingSchedule("Europe/London", WorkingHours.NineToFive, [new(DayOfWeek.Monday, new(20, 0), new(21, 0))]) };
        result = CohortMatcher.Match([mustMeet], [tokyo, london], new CohortSettings { ReferenceDate = Week });
        Assert.Equal(1, result.Assignments.Single().Mentor);

        result = CohortMatcher.Match([mustMeet], [tokyo], new CohortSettings { ReferenceDate = Week, Pinned = [("e1", "close")] });
        Assert.Equal(Exclusion.NoTimeToMeet, Assert.Single(result.Problems).Exclusion);
    }
}
