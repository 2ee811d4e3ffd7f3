using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Features.CheckIns;
using Trellis.Web.Features.Meetings;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Programmes;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Features.Reviews;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Programmes;

/// <summary>
/// The reports over time (ADR 0030) against a seeded programme placed in whole calendar months (M-2, M-1, this month),
/// so each figure is known exactly whatever today is.
/// </summary>
public sealed class ActivityReportTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    private static readonly DateTimeOffset M0 = new(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset M1 = M0.AddMonths(-1), M2 = M0.AddMonths(-2);
    private static string Label(DateTimeOffset month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>
    /// 10 mentees and 5 mentors joined in M-2, 3 mentees and 2 mentors in M-1. Ten pairs started on M-2's second day;
    /// their first meetings came 1, 2, 3, 4, 6, 9, 12, 20 and 40 days later (the tenth pair has only a cancelled and a future
    /// one); pairs 0-4 met again in M-1. Review answers: 4 in M-2, 10 in M-1 (5 of them 1 or 2). Check-ins with a deadline:
    /// 6 answered in time, 1 late, 3 overdue, 1 not due yet, and one that can wait (not counted).
    /// </summary>
    private async Task<TestProgramme> SeedAsync()
    {
        var programme = await app.ProgrammeAsync();
        var seed = new ReportSeed(app, programme.Id);
        var joined = M2.AddHours(12);
        var mentees = Enumerable.Range(0, 10).Select(_ => seed.Participant(ProgrammeRole.Mentee, ParticipantStatus.Enrolled, at: joined)).ToArray();
        var mentors = Enumerable.Range(0, 5).Select(_ => seed.Participant(ProgrammeRole.Mentor, ParticipantStatus.Enrolled, 2, at: joined)).ToArray();
        for (var i = 0; i < 3; i++) seed.Participant(ProgrammeRole.Mentee, ParticipantStatus.Enrolled, at: M1.AddHours(12));
        for (var i = 0; i < 2; i++) seed.Participant(ProgrammeRole.Mentor, ParticipantStatus.Enrolled, at: M1.AddHours(12));

        var started = M2.AddDays(1);
        var daysAgo = (int)Math.Round((seed.Now - started).TotalDays);
        var pairs = Enumerable.Range(0, 10).Select(i => seed.Pair(mentees[i], mentors[i / 2], daysAgo)).ToArray();
        int[] firstAfter = [1, 2, 3, 4, 6, 9, 12, 20, 40];
        var meetings = new List<Meeting>();
        Meeting Held(int pair, DateTimeOffset at)
        {
            var m = new Meeting(pairs[pair].Id, mentees[pair], mentees[pair], at, "UTC", 60, MeetingMedium.Video, true, at.AddDays(-1));
            Assert.Null(m.Confirm(mentors[pair / 2], at.AddDays(-1)));
            meetings.Add(m);
            return m;
        }
        for (var i = 0; i < firstAfter.Length; i++) Held(i, pairs[i].ActivatedAt!.Value.AddDays(firstAfter[i]).AddHours(1));
        for (var i = 0; i < 5; i++) Held(i, M1.AddDays(5));
        var cancelled = new Meeting(pairs[9].Id, mentees[9], mentees[9], M1.AddDays(3), "UTC", 60, MeetingMedium.Video, true, M1);
        Assert.Null(cancelled.Cancel(mentees[9], "PRIVATE-CANCEL-NOTE", M1.AddDays(1)));
        var future = new Meeting(pairs[9].Id, mentees[9], mentees[9], seed.Now.AddDays(3), "UTC", 60, MeetingMedium.Video, true, seed.Now);
        Assert.Null(future.Confirm(mentors[4], seed.Now));
        foreach (var m in meetings.Append(cancelled).Append(future)) seed.Add(m);

        void Reviewed(int pair, DateTimeOffset at, int menteeScore, int mentorScore)
        {
            var review = Review.Schedule(pairs[pair].Id, at.AddDays(-1), at.AddDays(-2));
            Assert.Null(review.Answer(Party.Mentee, new ReviewAnswerInput(menteeScore, "PRIVATE-REVIEW-TEXT", "", ReviewDirection.KeepGoing, false), at));
            Assert.Null(review.Answer(Party.Mentor, new ReviewAnswerInput(mentorScore, "PRIVATE-REVIEW-TEXT", "", ReviewDirection.KeepGoing, false), at));
            seed.Add(review);
        }
        Reviewed(5, M2.AddDays(20), 5, 4);
        Reviewed(6, M2.AddDays(20), 4, 4);
        int[] scores = [5, 4, 4, 3, 3, 2, 2, 1, 1, 2];
        for (var i = 0; i < 5; i++) Reviewed(i, M1.AddDays(10), scores[2 * i], scores[2 * i + 1]);
        await seed.SaveAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var access = scope.ServiceProvider.GetRequiredService<MentorshipAccess>();
        async Task CheckIn(int pair, DateTimeOffset at, CheckInUrgency urgency, double? answeredAfterHours)
        {
            var asMentee = (await access.FindAsync(mentees[pair], pairs[pair].Id, default))!;
            var checkIn = Trellis.Web.Features.CheckIns.CheckIn.Raise(asMentee, "PRIVATE-CHECKIN", urgency, at).Value!;
            if (answeredAfterHours is { } h)
                Assert.Null(checkIn.AnswerWith((await access.FindAsync(mentors[pair / 2], pairs[pair].Id, default))!, "PRIVATE-ANSWER", at.AddHours(h)));
            db.CheckIns.Add(checkIn);
        }
        for (var i = 0; i < 6; i++) await CheckIn(i, M1.AddDays(1), CheckInUrgency.Today, 2);
        await CheckIn(6, M1.AddDays(1), CheckInUrgency.Today, 30);
        for (var i = 0; i < 3; i++) await CheckIn(7 + i, seed.Now.AddDays(-3), CheckInUrgency.Today, null);
        await CheckIn(0, seed.Now.AddHours(-1), CheckInUrgency.Today, null);
        await CheckIn(1, seed.Now.AddDays(-3), CheckInUrgency.CanWaitForNextMeeting, null);
        await db.SaveChangesAsync();
        return programme;
    }

    [Fact]
    public async Task TheReportsOverTime_CountTheSeededMonthsExactly()
    {
        var programme = await SeedAsync();
        var view = await programme.ReportsAsync();

        Assert.Equal(
        [
            $"{Label(M2)}: not shown | not shown | 15",
            $"{Label(M1)}: fewer than 5 | fewer than 5 | 5",
            $"{Label(M0)}: 0 | 0 | 0",
            "All: 13 | 7 | 20",
        ], view.Report("joined").Lines());

        Assert.Equal(
        [
            "Within a week: 5 | 50%",
            "8–14 days: fewer than 5 | fewer than 5",
            "15–28 days: fewer than 5 | fewer than 5",
            "More than 28 days: fewer than 5 | fewer than 5",
            "Not met yet: fewer than 5 | fewer than 5",
            "All: 10 | 100%",
            "Median days, pairs that met: 6 | –",
        ], view.Report("first-meeting").Lines());

        Assert.Equal(
        [
            $"{Label(M2)}: 10 | 8 | 8 | 0.8",
            $"{Label(M1)}: 10 | 6 | 6 | 0.6",
            $"{Label(M0)}: 10 | 0 | 0 | 0",
        ], view.Report("meetings").Lines());

        Assert.Equal(
        [
            $"{Label(M2)}: fewer than 5 | fewer than 5 | fewer than 5",
            $"{Label(M1)}: 10 | 2.7 | 50%",
            $"{Label(M0)}: 0 | – | –",
        ], view.Report("review-scores").Lines());

        Assert.Equal(
        [
            "Answered in time: 6 | 55%",
            "Answered late: fewer than 5 | fewer than 5",
            "Overdue, not answered: fewer than 5 | fewer than 5",
            "Not due yet: fewer than 5 | fewer than 5",
            "Resolved before an answer: 0 | 0%",
            "All with a deadline: 11 | 100%",
        ], view.Report("check-ins").Lines());

        Assert.DoesNotContain("PRIVATE", view.ToJsonString(), StringComparison.Ordinal);
    }
}
