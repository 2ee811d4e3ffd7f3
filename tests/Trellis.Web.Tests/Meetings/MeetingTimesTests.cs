using Trellis.Web.Features.Meetings;

namespace Trellis.Web.Tests.Meetings;

public sealed class MeetingTimesTests
{
    private static readonly DateTimeOffset LongAgo = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Find_PicksTheFirstHalfHourInsideBothWorkdays()
    {
        var slot = MeetingTimes.Find(new Workday("Europe/London", 9, 17), new Workday("America/New_York", 9, 17), new DateOnly(2027, 1, 6), null, 60, LongAgo);
        Assert.True(slot.FitsBoth);
        Assert.Equal(new DateTimeOffset(2027, 1, 6, 14, 0, 0, TimeSpan.Zero), slot.StartsAt); // 14:00 London = 09:00 New York
    }

    [Fact]
    public void Find_SkipsWeekends_AndTimesBeforeNotBefore()
    {
        // Saturday 9 January 2027 → Monday 11th.
        var slot = MeetingTimes.Find(new Workday("Europe/Paris", 9, 17), new Workday("Europe/Paris", 9, 17), new DateOnly(2027, 1, 9), new TimeOnly(10, 0), 60, LongAgo);
        Assert.Equal(new DateTimeOffset(2027, 1, 11, 10, 0, 0, TimeSpan.FromHours(1)), slot.StartsAt);
        var later = MeetingTimes.Find(new Workday("Europe/Paris", 9, 17), new Workday("Europe/Paris", 9, 17), new DateOnly(2027, 1, 11), new TimeOnly(10, 0), 60,
            new DateTimeOffset(2027, 1, 11, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2027, 1, 11, 13, 0, 0, TimeSpan.FromHours(1)), later.StartsAt); // 13:00 Paris = 12:00 UTC
    }

    [Fact]
    public void Find_WithoutOverlap_FallsBackToTheOrganisersHours()
    {
        var slot = MeetingTimes.Find(new Workday("Pacific/Auckland", 9, 17), new Workday("Europe/London", 9, 17), new DateOnly(2027, 1, 6), null, 60, LongAgo);
        Assert.False(slot.FitsBoth);
        Assert.True(new Workday("Pacific/Auckland", 9, 17).Contains(slot.StartsAt, 60));
    }

    [Fact]
    public void ALocalTimeSkippedByTheClocks_HasNoInstant_AndARepeatedOne_IsTheFirst()
    {
        var london = MeetingTimes.Zone("Europe/London");
        Assert.Null(MeetingTimes.ToInstant(new DateTime(2027, 3, 28, 1, 30, 0), london));
        Assert.Equal(new DateTimeOffset(2027, 10, 31, 0, 30, 0, TimeSpan.Zero), MeetingTimes.ToInstant(new DateTime(2027, 10, 31, 1, 30, 0), london));
    }

    [Fact]
    public void MonthlyCadence_StepsInTheOrganisersCalendar()
    {
        Assert.Equal(new DateOnly(2027, 2, 28), MeetingTimes.Next(new DateOnly(2027, 1, 31), 1, Trellis.Web.Features.Mentorships.Agreements.CadenceUnit.Months));
        Assert.Equal(new DateOnly(2027, 3, 17), MeetingTimes.Next(new DateOnly(2027, 3, 3), 2, Trellis.Web.Features.Mentorships.Agreements.CadenceUnit.Weeks));
    }
}
