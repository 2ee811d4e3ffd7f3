using System.Net;
using System.Text.Json.Nodes;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Programmes;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Programmes;

/// <summary>
/// The programme reports (ADR 0030) against a seeded programme whose true figures are known: each figure exact,
/// 1–4 people "fewer than 5", 5 the number, and nobody but its coordinators sees them.
/// </summary>
public sealed class ReportTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    private sealed record Seeded(TestProgramme Programme, Guid Mentee);

    /// <summary>
    /// Mentees: 12 enrolled (7 matched, 5 not), 4 with the form not finished, 6 who left. Mentors: 5 enrolled, capacities
    /// 2, 2, 3, 1, 2 holding 2, 2, 2, 1, 0 running pairs. Pairs that started: 7 running, 5 completed, 10 ended early
    /// (5 "no time", 3 "goals changed", 2 "other"), plus one pair outside the programme and one proposal not started.
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        var programme = await app.ProgrammeAsync();
        var seed = new ReportSeed(app, programme.Id);
        var mentees = Enumerable.Range(0, 12).Select(_ => seed.Participant(ProgrammeRole.Mentee, ParticipantStatus.Enrolled)).ToArray();
        for (var i = 0; i < 4; i++) seed.Participant(ProgrammeRole.Mentee, ParticipantStatus.Incomplete);
        for (var i = 0; i < 6; i++) seed.Participant(ProgrammeRole.Mentee, ParticipantStatus.Left);
        int[] capacities = [2, 2, 3, 1, 2];
        var mentors = capacities.Select(c => seed.Participant(ProgrammeRole.Mentor, ParticipantStatus.Enrolled, c)).ToArray();

        int[] runningMentor = [0, 0, 1, 1, 2, 2, 3];
        for (var i = 0; i < 7; i++) seed.Pair(mentees[i], mentors[runningMentor[i]]);
        for (var i = 0; i < 5; i++) seed.Completed(mentees[i], mentors[4], daysAgo: 200 + i);
        EndReason[] reasons = [.. Enumerable.Repeat(EndReason.NoTime, 5), .. Enumerable.Repeat(EndReason.GoalsChanged, 3),
            EndReason.Other, EndReason.Other];
        for (var i = 0; i < reasons.Length; i++) seed.Ended(mentees[i % 7], mentors[(i + 1) % 5], reasons[i], daysAgo: 300 + i);
        // Neither counts: a pair outside the programme (of an unmatched mentee), a proposal nobody accepted yet.
        seed.Pair(mentees[7], seed.Member(), inProgramme: false);
        seed.Pair(mentees[8], mentors[4], start: false);
        await seed.SaveAsync();
        return new Seeded(programme, mentees[0]);
    }

    [Fact]
    public async Task Reports_CountTheSeededProgrammeExactly_AndSuppressFewerThanFive()
    {
        var s = await SeedAsync();
        var view = await s.Programme.ReportsAsync();

        Assert.Equal(
        [
            "Enrolled: 12 | 5 | 17",
            "Form not finished: fewer than 5 | 0 | fewer than 5",
            "Left: not shown | 0 | not shown",
            "Removed: 0 | 0 | 0",
            "All: 22 | 5 | 27",
        ], view.Report("enrolment").Lines());
        Assert.Equal(["Mentees", "Mentors", "Both roles"],
            view.Report("enrolment")["columns"]!.AsArray().Select(c => (string)c!));

        Assert.Equal(
        [
            "Matched: their pair has started: 7 | 58%",
            "Proposed, waiting for answers: fewer than 5 | fewer than 5",
            "Not matched yet: fewer than 5 | fewer than 5",
            "All: 12 | 100%",
        ], view.Report("match-rate").Lines());

        Assert.Equal(
        [
            "Running: 7 | 32%",
            "Completed: 5 | 23%",
            "Ended early: 10 | 45%",
            "All: 22 | 100%",
        ], view.Report("completion").Lines());

        Assert.Equal(
        [
            "It wasn't working: 0 | 0%",
            "No time any more: 5 | 50%",
            "Goals changed: fewer than 5 | fewer than 5",
            "Something changed in their life: 0 | 0%",
            "Another reason: fewer than 5 | fewer than 5",
            "No reason given: 0 | 0%",
            "Ended early: 10 | 100%",
        ], view.Report("end-reasons").Lines());

        Assert.Equal(
        [
            "No pair yet: fewer than 5 | fewer than 5",
            "Below capacity: fewer than 5 | fewer than 5",
            "At capacity: fewer than 5 | fewer than 5",
            "Above capacity: 0 | 0%",
            "All: 5 | 100%",
        ], view.Report("mentor-load").Lines());
    }

    [Fact]
    public async Task ASuppressedCell_CarriesNoValue_AndAShownOneCarriesTheNumber()
    {
        var s = await SeedAsync();
        var enrolment = (await s.Programme.ReportsAsync()).Report("enrolment");

        var four = enrolment.Cell("Form not finished", "Mentees");
        Assert.True(four["suppressed"]!.GetValue<bool>());
        Assert.Null(four["value"]);
        Assert.DoesNotContain("4", four.ToJsonString(), StringComparison.Ordinal);
        var five = enrolment.Cell("Enrolled", "Mentors");
        Assert.False(five["suppressed"]!.GetValue<bool>());
        Assert.Equal(5, five["value"]!.GetValue<double>());
        Assert.Equal("5", five["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reports_Are404_ForAThirdMember_AParticipant_AndACoordinatorOfAnotherProgramme()
    {
        var s = await SeedAsync();
        var stranger = await app.MenteeAsync("Sam Stranger");
        var participant = await app.MenteeAsync("Pia Participant");
        var seed = new ReportSeed(app, s.Programme.Id);
        seed.Participant(ProgrammeRole.Mentee, ParticipantStatus.Enrolled, member: participant.Id);
        await seed.SaveAsync();
        var other = await app.ProgrammeAsync();

        foreach (var who in new[] { stranger, participant, other.Owner })
        {
            var response = await who.Api.GetAsync($"{s.Programme.Api}/reports");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("enrolment", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync($"{s.Programme.Api}/reports")).StatusCode);
    }

    [Fact]
    public async Task TheCsv_WritesTheTablesTexts_FewerThanFiveIncluded()
    {
        var s = await SeedAsync();
        var response = await s.Programme.Owner.Api.GetAsync($"{s.Programme.Api}/reports/enrolment.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        Assert.Equal(
        [
            ",Mentees,Mentors,Both roles", "Enrolled,12,5,17", "Form not finished,fewer than 5,0,fewer than 5",
            "Left,not shown,0,not shown", "Removed,0,0,0", "All,22,5,27",
        ], csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
        var reasons = await (await s.Programme.Owner.Api.GetAsync($"{s.Programme.Api}/reports/end-reasons.csv")).Content.ReadAsStringAsync();
        Assert.Contains("Goals changed,fewer than 5,fewer than 5", reasons, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE", reasons, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await s.Programme.Owner.Api.GetAsync($"{s.Programme.Api}/reports/nothing.csv")).StatusCode);
        var stranger = await app.MenteeAsync("Sid Stranger");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.GetAsync($"{s.Programme.Api}/reports/enrolment.csv")).StatusCode);
    }

    [Fact]
    public async Task ThePage_ShowsEachReportAsAChartAndATable_AndIs404ForAnyoneElse()
    {
        var s = await SeedAsync();
        var page = await s.Programme.Owner.Member.Browser.GetStringAsync($"{s.Programme.Manage}/Reports");

        foreach (var key in new[] { "enrolment", "joined", "match-rate", "first-meeting", "meetings", "review-scores", "check-ins",
            "completion", "end-reasons", "mentor-load" })
        {
            Assert.Contains($"<canvas id=\"{key}-chart\"", page, StringComparison.Ordinal);
            Assert.Contains($"<table id=\"{key}-table\">", page, StringComparison.Ordinal);
            Assert.Contains($"/reports/{key}.csv", page, StringComparison.Ordinal);
            // Each CSV builds its own report only, so each key must lead to it.
            var csv = await s.Programme.Owner.Api.GetAsync($"{s.Programme.Api}/reports/{key}.csv");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal($"{key}.csv", csv.Content.Headers.ContentDisposition?.FileName);
        }
        var table = page[page.IndexOf("<table id=\"enrolment-table\">", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains("<th scope=\"row\">Form not finished</th>", table, StringComparison.Ordinal);
        Assert.Contains("<td class=\"suppressed\">fewer than 5</td>", table, StringComparison.Ordinal);
        Assert.Contains("<td>5</td>", table, StringComparison.Ordinal);
        // The chart's data holds no suppressed value: a gap.
        var data = page[page.IndexOf("id=\"enrolment-data\">", StringComparison.Ordinal)..];
        data = data[(data.IndexOf('>') + 1)..data.IndexOf("</script>", StringComparison.Ordinal)];
        var chart = JsonNode.Parse(data)!;
        Assert.Equal("[12,null,null,0]", chart["series"]![0]!["data"]!.ToJsonString());
        Assert.Contains("/lib/chartjs/chart.umd.min.js", page, StringComparison.Ordinal);
        Assert.Contains("/js/report-charts.js", page, StringComparison.Ordinal);

        var stranger = await app.MenteeAsync("Stu Stranger");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Member.Browser.GetAsync($"{s.Programme.Manage}/Reports")).StatusCode);
    }

    [Fact]
    public async Task TheOverview_ShowsTheFiveNumbers_LinkedToTheReports()
    {
        var s = await SeedAsync();
        var page = await s.Programme.Owner.Member.Browser.GetStringAsync(s.Programme.Manage);

        Assert.Contains("<strong>17</strong> participants enrolled", page, StringComparison.Ordinal);
        Assert.Contains("<strong>7</strong> matched", page, StringComparison.Ordinal);
        Assert.Contains("<strong>0</strong> pairs meeting (last 4 weeks)", page, StringComparison.Ordinal);
        Assert.Contains("<strong>0</strong> healthy pairs", page, StringComparison.Ordinal);
        Assert.Contains("<strong>5</strong> pairs completed", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{s.Programme.Manage}/Reports#completion\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyProgramme_ReportsZeros_NotFewerThanFive()
    {
        var programme = await app.ProgrammeAsync();
        var view = await programme.ReportsAsync();
        Assert.Equal("All: 0 | 0 | 0", view.Report("enrolment").Lines()[^1]);
        Assert.Equal("All: 0 | –", view.Report("match-rate").Lines()[^1]);
        Assert.All(view["reports"]!.AsArray(), r => Assert.DoesNotContain("\"suppressed\":true", r!.ToJsonString(), StringComparison.Ordinal));
    }
}
