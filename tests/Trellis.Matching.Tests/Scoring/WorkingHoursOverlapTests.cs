using Trellis.Matching.Scoring;

namespace Trellis.Matching.Tests.Scoring;

public sealed class WorkingHoursOverlapTests
{
    private static double Overlap(string zoneA, string zoneB, DateOnly date, WorkingHours? a = null, WorkingHours? b = null) =>
        TimeZones.WorkingHoursOverlap(TimeZones.FindOrUtc(zoneA), a ?? WorkingHours.NineToFive, TimeZones.FindOrUtc(zoneB), b ?? WorkingHours.NineToFive, date);

    [Fact]
    public void LondonAndNewYork_OverlapThreeHours_InNovember() =>
        Assert.Equal(3, Overlap("Europe/London", "America/New_York", new DateOnly(2026, 11, 26)));

    [Fact]
    public void LondonAndNewYork_OverlapFourHours_WhenOnlyAmericaHasMovedItsClocks() =>
        Assert.Equal(4, Overlap("Europe/London", "America/New_York", new DateOnly(2026, 3, 16)));

    [Fact]
    public void TokyoAndLosAngeles_OverlapAcrossMidnight() =>
        Assert.Equal(1, Overlap("Asia/Tokyo", "America/Los_Angeles", new DateOnly(2026, 11, 26)));

    [Fact]
    public void IsSymmetric_AndHandlesHalfHourZones()
    {
        var date = new DateOnly(2026, 11, 26);
        Assert.Equal(Overlap("Asia/Kolkata", "Europe/Berlin", date), Overlap("Europe/Berlin", "Asia/Kolkata", date));
        Assert.Equal(3.5, Overlap("Asia/Kolkata", "Europe/Berlin", date));
    }

    [Fact]
    public void NightShift_PastMidnight_Counts()
    {
        var night = new WorkingHours(new TimeOnly(22, 0), new TimeOnly(6, 0));
        Assert.Equal(2, Overlap("Etc/UTC", "Etc/UTC", new DateOnly(2026, 11, 26), night, new WorkingHours(new TimeOnly(4, 0), new TimeOnly(12, 0))));
    }

    [Fact]
    public void UnknownZone_FallsBackToUtc_AndIsReportedInvalid()
    {
        Assert.False(TimeZones.IsValid("Mars/Olympus_Mons"));
        Assert.True(TimeZones.IsValid("Europe/Lisbon"));
        Assert.Equal(TimeZoneInfo.Utc, TimeZones.FindOrUtc("Mars/Olympus_Mons"));
    }
}
