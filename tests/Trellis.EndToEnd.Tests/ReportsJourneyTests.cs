using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Features.Programmes;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure.Data;
using static Trellis.EndToEnd.Tests.PageSteps;

namespace Trellis.EndToEnd.Tests;

/// <summary>
/// Issue 13's reports, clicked in the browser: the coordinator opens the overview's five numbers, follows one to the
/// reports, sees a chart drawn and its table (fewer than 5 where it must), downloads the CSV and finds the same texts.
/// The programme's people and pairs are written into the database (what the reports count, not how they got there).
/// </summary>
public sealed class ReportsJourneyTests(LiveTrellis trellis) : IClassFixture<LiveTrellis>
{
    [Fact]
    public async Task ACoordinator_OpensTheFiveNumbers_AChartAndItsTable_AndDownloadsTheCsv()
    {
        await using var context = await trellis.Browser.NewContextAsync(Screen(1280));
        var cora = await context.NewPageAsync();
        var coraEmail = await trellis.RegisterAndSignIn(cora, "Cora Mendes");
        var slug = await SeedAsync(coraEmail);

        await cora.GotoAsync($"{trellis.BaseUrl}/Programmes/{slug}/Manage");
        await Expect(cora.Locator("#glance-participants")).ToContainTextAsync("11 participants enrolled");
        await Expect(cora.Locator("#glance-completed")).ToContainTextAsync("5 pairs completed");
        await AssertAccessible(cora, "overview with the five numbers");

        await cora.Locator("#glance-completed").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(cora.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Reports");
        await Expect(cora.Locator("#completion figure.report-chart.drawn")).ToHaveCountAsync(1);
        var box = await cora.Locator("#completion-chart").BoundingBoxAsync();
        Assert.True(box is { Width: > 100, Height: > 100 }, "the completion chart is drawn");
        var table = cora.Locator("#enrolment-table");
        await Expect(table.GetByRole(AriaRole.Row, new() { Name = "Form not finished" })).ToContainTextAsync("fewer than 5");
        await Expect(cora.Locator("#completion-table").GetByRole(AriaRole.Row, new() { Name = "Completed" })).ToContainTextAsync("5");
        await AssertAccessible(cora, "reports");

        var download = await cora.RunAndWaitForDownloadAsync(() =>
            cora.Locator("#enrolment").GetByRole(AriaRole.Link, new() { Name = "Download “Enrolment by role” as CSV" }).ClickAsync());
        Assert.Equal("enrolment.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        // 3 mentees and 2 mentors have not finished the form: each "fewer than 5"; the 6 and 5 enrolled are withheld, or
        // the totals would give them away.
        Assert.Contains("Enrolled,not shown,not shown,11", csv, StringComparison.Ordinal);
        Assert.Contains("Form not finished,fewer than 5,fewer than 5,5", csv, StringComparison.Ordinal);
        Assert.Contains("All,9,7,16", csv, StringComparison.Ordinal);
    }

    /// <summary>Cora's programme: 6 mentees and 5 mentors enrolled, 3 mentees and 2 mentors who have not finished the
    /// form, and five pairs that started and completed.</summary>
    private async Task<string> SeedAsync(string ownerEmail)
    {
        await using var scope = trellis.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var handlers = scope.ServiceProvider.GetRequiredService<ProgrammeHandlers>();
        var slug = $"reports-{Guid.NewGuid():N}"[..20];
        var created = await handlers.CreateAsync(new CreateProgrammeInput { Slug = slug, Name = "Autumn cohort", Kind = ProgrammeKind.Cohort, OwnerEmail = ownerEmail },
            TestContext.Current.CancellationToken);
        var programme = created.Value!.Id;
        var at = DateTimeOffset.UtcNow.AddDays(-90);
        Guid Person(int n)
        {
            var email = $"seeded{n}.{Guid.NewGuid():N}@example.org";
            var member = new Member
            {
                Id = Guid.CreateVersion7(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                NormalizedEmail = email.ToUpperInvariant(), DisplayName = $"Seeded {n}", CreatedAt = at, EmailConfirmed = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            db.Users.Add(member);
            return member.Id;
        }
        Guid Join(int n, ProgrammeRole role, bool complete)
        {
            var id = Person(n);
            var p = new Participant(programme, id, role, ParticipantSource.Self, at);
            if (complete) p.Fill([], 2, complete: true, at);
            db.Participants.Add(p);
            return id;
        }
        var mentees = Enumerable.Range(0, 6).Select(i => Join(i, ProgrammeRole.Mentee, true)).ToArray();
        var mentors = Enumerable.Range(6, 5).Select(i => Join(i, ProgrammeRole.Mentor, true)).ToArray();
        for (var i = 11; i < 14; i++) Join(i, ProgrammeRole.Mentee, false);
        for (var i = 14; i < 16; i++) Join(i, ProgrammeRole.Mentor, false);
        await db.SaveChangesAsync();
        var terms = AgreementTemplates.Find(AgreementTemplates.StructuredProgramme).Build(DateOnly.FromDateTime(at.UtcDateTime));
        for (var i = 0; i < 5; i++)
        {
            var m = Mentorship.OfferMatch(mentees[i], mentors[i], terms, at, new Deadline(at.AddDays(14), at.AddDays(7)), programme);
            Assert.Null(m.Accept(mentees[i], 1, at));
            Assert.Null(m.Accept(mentors[i], 1, at));
            Assert.Null(m.Complete(mentees[i], at.AddDays(60)));
            Assert.Null(m.Complete(mentors[i], at.AddDays(60)));
            db.Mentorships.Add(m);
        }
        await db.SaveChangesAsync();
        return slug;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
