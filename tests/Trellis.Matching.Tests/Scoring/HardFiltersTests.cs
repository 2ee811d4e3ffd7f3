using Trellis.Matching.Scoring;
using Trellis.Matching.Tests.Support;

namespace Trellis.Matching.Tests.Scoring;

public sealed class HardFiltersTests
{
    [Fact]
    public void Check_NamesTheRuleThatExcludesAMentor()
    {
        var mentee = Builders.Mentee() with { Languages = ["fr"], RequiresSharedLanguage = true };
        var mentor = Builders.Mentor() with { Languages = ["fr"] };

        Assert.Equal(Exclusion.None, HardFilters.Check(mentee, mentor));
        Assert.Equal(Exclusion.IsTheMentee, HardFilters.Check(mentee, mentor with { Id = mentee.Id }));
        Assert.Equal(Exclusion.NotOpenToMentoring, HardFilters.Check(mentee, mentor with { OpenToMentoring = false }));
        Assert.Equal(Exclusion.NoRemainingCapacity, HardFilters.Check(mentee, mentor with { ActiveMentees = 3 }));
        Assert.Equal(Exclusion.Blocked, HardFilters.Check(mentee, mentor with { BlockedIds = [mentee.Id] }));
        Assert.Equal(Exclusion.Blocked, HardFilters.Check(mentee with { BlockedIds = [mentor.Id] }, mentor));
        Assert.Equal(Exclusion.NoSharedLanguage, HardFilters.Check(mentee, mentor with { Languages = ["de"] }));
        Assert.Equal(Exclusion.None, HardFilters.Check(mentee with { RequiresSharedLanguage = false }, mentor with { Languages = ["de"] }));
    }

    [Fact]
    public void RequiredLanguages_MustAllBeSpoken_WhateverElseIsShared()
    {
        var mentee = Builders.Mentee() with { Languages = ["en", "pt"], RequiredLanguages = ["pt"] };
        Assert.Equal(Exclusion.MissingRequiredLanguage, HardFilters.Check(mentee, Builders.Mentor() with { Languages = ["en"] }));
        Assert.Equal(Exclusion.None, HardFilters.Check(mentee, Builders.Mentor() with { Languages = ["pt"] }));
        Assert.Equal(Exclusion.MissingRequiredLanguage,
            HardFilters.Check(mentee with { RequiredLanguages = ["pt", "de"] }, Builders.Mentor() with { Languages = ["pt", "en"] }));
    }

    // Mentee has 10 years; the band of peers is fewer than 3 years apart.
    [Theory]
    [InlineData(MentorAsk.Mentor, 13, false, false, Exclusion.None)]
    [InlineData(MentorAsk.Mentor, 11, false, false, Exclusion.None)]             // slightly ahead: allowed, scored low
    [InlineData(MentorAsk.Mentor, 10, false, false, Exclusion.NotAheadAndNotOpen)]
    [InlineData(MentorAsk.Mentor, 9, true, false, Exclusion.None)]               // a peer who opted in
    [InlineData(MentorAsk.Mentor, 4, true, false, Exclusion.NotAheadAndNotOpen)] // junior, but only open to peers
    [InlineData(MentorAsk.Mentor, 4, false, true, Exclusion.None)]
    [InlineData(MentorAsk.Peer, 13, true, true, Exclusion.NotAPeer)]
    [InlineData(MentorAsk.Peer, 11, false, true, Exclusion.NotAPeer)]
    [InlineData(MentorAsk.Peer, 11, true, false, Exclusion.None)]
    [InlineData(MentorAsk.Junior, 8, true, true, Exclusion.NotJunior)]
    [InlineData(MentorAsk.Junior, 7, false, true, Exclusion.None)]
    [InlineData(MentorAsk.Junior, 2, true, false, Exclusion.NotJunior)]
    public void CareerStage_NotAheadNeedsAnOptIn_AndAPeerOrJuniorAskGetsOnlyThose(MentorAsk ask, int years, bool peer, bool reverse, Exclusion expected)
    {
        var mentee = Builders.Mentee() with { YearsOfExperience = 10, Ask = ask };
        var mentor = Builders.Mentor() with { YearsOfExperience = years, OpenToPeerMentoring = peer, OpenToReverseMentoring = reverse };
        Assert.Equal(expected, HardFilters.Check(mentee, mentor));
    }

    [Fact]
    public void RequiredMeetingWindow_LosAngelesEveningsMeetTokyoWorkingHours_NotLondons()
    {
        // Mon–Fri 19:00–22:00 in Los Angeles (UTC−8 in November) is 12:00–15:00 the next day in Tokyo.
        var evenings = WeeklyWindow.FromWorkingHours(new WorkingHours(new TimeOnly(19, 0), new TimeOnly(22, 0)));
        var mentee = Builders.Mentee() with { TimeZone = "America/Los_Angeles", MeetingWindows = evenings, RequiresMeetingOverlap = true };
        var tokyo = Builders.Mentor() with { TimeZone = "Asia/Tokyo" };
        var london = Builders.Mentor() with { TimeZone = "Europe/London" };
        var monday = new DateOnly(2026, 11, 16);

        Assert.Equal(Exclusion.None, HardFilters.Check(mentee, tokyo, monday, 3));
        Assert.Equal(Exclusion.NoTimeToMeet, HardFilters.Check(mentee, london, monday, 3));
        Assert.Equal(Exclusion.None, HardFilters.Check(mentee with { RequiresMeetingOverlap = false }, london, monday, 3));
        // Friday evening in LA is Saturday in Tokyo, outside a Mon–Fri working week: 4 evenings × 3 hours.
        var overlap = TimeZones.WeeklyOverlap(TimeZones.FindOrUtc("America/Los_Angeles"), evenings, TimeZones.FindOrUtc("Asia/Tokyo"),
            WeeklyWindow.FromWorkingHours(WorkingHours.NineToFive), monday);
        Assert.Equal(4 * 180, overlap.WeeklyMinutes);
        Assert.Equal(new WeeklyWindow(DayOfWeek.Monday, new TimeOnly(19, 0), new TimeOnly(22, 0)), overlap.FirstForMentee);
        Assert.Equal(new WeeklyWindow(DayOfWeek.Tuesday, new TimeOnly(12, 0), new TimeOnly(15, 0)), overlap.FirstForMentor);
    }

    [Fact]
    public void WeeklyOverlap_UsesEachDatesRealOffset_AcrossTheDaylightSavingChange()
    {
        // Week of Monday 30 March 2026: Europe moved to summer time on the 29th, New York on 8 March.
        var london = WeeklyWindow.FromWorkingHours(WorkingHours.NineToFive);
        var newYork = WeeklyWindow.FromWorkingHours(WorkingHours.NineToFive);
        var before = TimeZones.WeeklyOverlap(TimeZones.FindOrUtc("Europe/London"), london, TimeZones.FindOrUtc("America/New_York"), newYork, new DateOnly(2026, 3, 16));
        var after = TimeZones.WeeklyOverlap(TimeZones.FindOrUtc("Europe/London"), london, TimeZones.FindOrUtc("America/New_York"), newYork, new DateOnly(2026, 3, 30));
        Assert.Equal(5 * 4 * 60, before.WeeklyMinutes); // four hours apart for those three weeks
        Assert.Equal(5 * 3 * 60, after.WeeklyMinutes);
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("PT", true)]
    [InlineData("xx", false)]
    [InlineData("eng", false)]
    [InlineData("", false)]
    public void LanguageCodes_AreIso6391(string code, bool valid) => Assert.Equal(valid, LanguageSet.IsValidCode(code));
}
