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

    [Theory]
    [InlineData("en", true)]
    [InlineData("PT", true)]
    [InlineData("xx", false)]
    [InlineData("eng", false)]
    [InlineData("", false)]
    public void LanguageCodes_AreIso6391(string code, bool valid) => Assert.Equal(valid, LanguageSet.IsValidCode(code));
}
