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

    [Theory]
    [InlineData("en", true)]
    [InlineData("PT", true)]
    [InlineData("xx", false)]
    [InlineData("eng", false)]
    [InlineData("", false)]
    public void LanguageCodes_AreIso6391(string code, bool valid) => Assert.Equal(valid, LanguageSet.IsValidCode(code));
}
