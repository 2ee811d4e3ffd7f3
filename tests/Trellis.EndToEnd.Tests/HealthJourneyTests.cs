using Microsoft.EntityFrameworkCore;
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
/// Issue 13's pair health, clicked in the browser: the coordinator opens the health page from the manage nav, sees a
/// stalled pair's signal (and nothing of its content), nudges it, and both members receive the e-mail. The programme and
/// its pair are written into the database (what the signals read, not how they got there).
/// </summary>
public sealed class HealthJourneyTests(LiveTrellis trellis) : IClassFixture<LiveTrellis>
{
    [Fact]
    public async Task ACoordinator_NudgesAStalledPair_FromTheHealthPage()
    {
        await using var context = await trellis.Browser.NewContextAsync(Screen(1280));
        var cora = await context.NewPageAsync();
        var coraEmail = await trellis.RegisterAndSignIn(cora, "Cora Mendes");
        var (slug, menteeEmail, mentorEmail) = await SeedAsync(coraEmail);

        await cora.GotoAsync($"{trellis.BaseUrl}/Programmes/{slug}/Manage");
        await cora.GetByRole(AriaRole.Navigation, new() { Name = "Programme" }).GetByRole(AriaRole.Link, new() { Name = "Pair health" }).ClickAsync();
        await Expect(cora.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Pair health");
        var row = cora.Locator("#pairs-needing-help").GetByRole(AriaRole.Row, new() { Name = "Tina Stalled" });
        await Expect(row).ToContainTextAsync("No meeting in 4 weeks");
        await AssertAccessible(cora, "pair health");

        await row.GetByRole(AriaRole.Button, new() { Name = "Nudge Tina Stalled and Marco Stalled" }).ClickAsync();

        await Expect(cora.GetByText("Nudge sent to both members.")).ToBeVisibleAsync();
        await Expect(cora.Locator("#pairs-needing-help").GetByRole(AriaRole.Row, new() { Name = "Tina Stalled" })).ToContainTextAsync("Nudged");
        await Expect(cora.Locator("#nudge-log")).ToContainTextAsync("Sent by a coordinator");
        await AssertAccessible(cora, "pair health after a nudge");
        foreach (var (to, other) in new[] { (menteeEmail, "Marco Stalled"), (mentorEmail, "Tina Stalled") })
            await trellis.MailAsync(to, $"Spring circle: how is your mentorship with {other} going?");
    }

    /// <summary>Cora's programme and one pair that started 60 days ago and has never met.</summary>
    private async Task<(string Slug, string Mentee, string Mentor)> SeedAsync(string ownerEmail)
    {
        await using var scope = trellis.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var handlers = scope.ServiceProvider.GetRequiredService<ProgrammeHandlers>();
        var slug = $"health-{Guid.NewGuid():N}"[..20];
        var created = await handlers.CreateAsync(new CreateProgrammeInput { Slug = slug, Name = "Spring circle", Kind = ProgrammeKind.Evergreen, OwnerEmail = ownerEmail },
            TestContext.Current.CancellationToken);
        var programme = created.Value!.Id;
        var at = DateTimeOffset.UtcNow.AddDays(-60);
        (Guid Id, string Email) Person(string name)
        {
            var email = $"{name.Split(' ')[0].ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
            var member = new Member
            {
                Id = Guid.CreateVersion7(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                NormalizedEmail = email.ToUpperInvariant(), DisplayName = name, CreatedAt = at, EmailConfirmed = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            db.Users.Add(member);
            var role = name.StartsWith("Tina", StringComparison.Ordinal) ? ProgrammeRole.Mentee : ProgrammeRole.Mentor;
            var p = new Participant(programme, member.Id, role, ParticipantSource.Self, at);
            p.Fill([], 2, complete: true, at);
            db.Participants.Add(p);
            return (member.Id, email);
        }
        var mentee = Person("Tina Stalled");
        var mentor = Person("Marco Stalled");
        await db.SaveChangesAsync();
        var terms = AgreementTemplates.Find(AgreementTemplates.StructuredProgramme).Build(DateOnly.FromDateTime(at.UtcDateTime));
        var m = Mentorship.OfferMatch(mentee.Id, mentor.Id, terms, at, new Deadline(at.AddDays(14), at.AddDays(7)), programme);
        Assert.Null(m.Accept(mentee.Id, 1, at));
        Assert.Null(m.Accept(mentor.Id, 1, at));
        db.Mentorships.Add(m);
        await db.SaveChangesAsync();
        Assert.Equal(MentorshipStatus.Active, await db.Mentorships.Where(x => x.Id == m.Id).Select(x => x.Status).SingleAsync());
        return (slug, mentee.Email, mentor.Email);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
