using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Domain;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Programmes.Health;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Programmes;

/// <summary>Issue 13 item 3's nudge: a coordinator nudges a pair; both members hear of it through the outbox, once a day at most.</summary>
public sealed class NudgeTests(HealthApp app) : IClassFixture<HealthApp>
{
    private Task<int> ClaimsAsync(Guid pair) => app.WithDbAsync(db => db.NudgeClaims.CountAsync(c => c.SubjectId == pair));

    [Fact]
    public async Task ACoordinatorNudge_EmailsBothMembers_AndASecondWithin24Hours_Is409WithNothingSent()
    {
        var programme = await app.ByHandAsync("Nudge circle");
        var pair = await app.RunningPairAsync(programme, "Nudged");

        var sent = await programme.Owner.Api.PostAsync($"{programme.Api}/health/{pair.Id}/nudge", null);

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var body = (await sent.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, (int)body["recipients"]!);
        foreach (var (member, other) in new[] { (pair.Mentee, "Maria Nudged"), (pair.Mentor, "Tom Nudged") })
        {
            var mail = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == member.Member.Email)
                                                      && m.Subject == $"Nudge circle: how is your mentorship with {other} going?");
            Assert.Contains($"/Mentorships/{pair.Id}", mail.Text(), StringComparison.Ordinal);
            Assert.Contains("They cannot see your messages, notes or reviews.", mail.Text(), StringComparison.Ordinal);
            Assert.Equal(1, await app.NudgeNotificationsAsync(member.Id));
        }
        Assert.Equal(1, await ClaimsAsync(pair.Id));

        var again = await programme.Owner.Api.PostAsync($"{programme.Api}/health/{pair.Id}/nudge", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("This pair was nudged at", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await ClaimsAsync(pair.Id));
        Assert.Equal(1, await app.NudgeNotificationsAsync(pair.Mentee.Id));
        Assert.Equal(1, await app.NudgeNotificationsAsync(pair.Mentor.Id));
    }

    [Fact]
    public async Task TheWindowIs24HoursOnTheClock()
    {
        var programme = await app.ByHandAsync("Nudge clock");
        var pair = await app.RunningPairAsync(programme, "Clock");
        var t = DateTimeOffset.UtcNow;

        Assert.True((await app.NudgeAtAsync(programme, pair.Id, t)).IsSuccess);
        var early = await app.NudgeAtAsync(programme, pair.Id, t + TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        Assert.IsType<ConflictError>(early.Error);
        Assert.Equal(1, await ClaimsAsync(pair.Id));
        Assert.True((await app.NudgeAtAsync(programme, pair.Id, t + TimeSpan.FromHours(24))).IsSuccess);
        Assert.Equal(2, await ClaimsAsync(pair.Id));
        Assert.Equal(2, await app.NudgeNotificationsAsync(pair.Mentee.Id));
    }

    [Fact]
    public async Task AMemberWhoTurnedProgrammeEmailsOff_GetsTheNotificationButNoEmail()
    {
        var programme = await app.ByHandAsync("Nudge quiet");
        var pair = await app.RunningPairAsync(programme, "Quiet");
        await app.WithDbAsync(async db =>
        {
            db.NotificationPreferences.Add(new NotificationPreference(pair.Mentor.Id, NotificationKind.Programme, EmailFrequency.Never));
            await db.SaveChangesAsync();
        });

        (await programme.Owner.Api.PostAsync($"{programme.Api}/health/{pair.Id}/nudge", null)).EnsureSuccessStatusCode();

        Assert.Equal(1, await app.NudgeNotificationsAsync(pair.Mentor.Id));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == pair.Mentor.Member.Email && m.Subject.Contains("how is your mentorship"))));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == pair.Mentee.Member.Email && m.Subject.Contains("how is your mentorship"))));
    }

    [Fact]
    public async Task OnlyTheProgrammesCoordinators_CanNudge_AndOnlyItsOwnPairs_OthersGet404AndNothingIsWritten()
    {
        var programme = await app.ByHandAsync("Nudge guarded");
        var pair = await app.RunningPairAsync(programme, "Guarded");
        var other = await app.ByHandAsync("Nudge elsewhere");
        var elsewhere = await app.RunningPairAsync(other, "Elsewhere");
        var third = await app.MenteeAsync("Theo Nudger");

        foreach (var who in new[] { third, pair.Mentee, pair.Mentor, other.Owner })
            Assert.Equal(HttpStatusCode.NotFound, (await who.Api.PostAsync($"{programme.Api}/health/{pair.Id}/nudge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await programme.Owner.Api.PostAsync($"{programme.Api}/health/{elsewhere.Id}/nudge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await programme.Owner.Api.PostAsync($"{programme.Api}/health/{Guid.NewGuid()}/nudge", null)).StatusCode);

        Assert.Equal(0, await app.WithDbAsync(db => db.NudgeClaims.CountAsync(c => c.SubjectId == pair.Id || c.SubjectId == elsewhere.Id)));
        Assert.Equal(0, await app.NudgeNotificationsAsync(pair.Mentee.Id));
        Assert.Equal(0, await app.NudgeNotificationsAsync(elsewhere.Mentee.Id));
    }

    [Fact]
    public async Task FromTheHealthPage_TheCoordinatorNudgesAStalledPair_AndThePageSaysWhen()
    {
        var programme = await app.ByHandAsync("Nudge page");
        var pair = await app.RunningPairAsync(programme, "Paged");
        await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == pair.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ActivatedAt, DateTimeOffset.UtcNow.AddDays(-40))));
        var browser = programme.Owner.Member.Browser;
        var page = $"{programme.Manage}/Health";
        Assert.Contains("aria-label=\"Nudge Tom Paged and Maria Paged\"", await browser.GetStringAsync(page), StringComparison.Ordinal);

        var posted = await browser.PostAsync(page, [new("mentorshipId", pair.Id.ToString())], handler: "Nudge");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await browser.GetStringAsync(page);
        Assert.Contains("Nudge sent to both members.", after, StringComparison.Ordinal);
        Assert.Contains("Nudged ", after, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"Nudge Tom Paged and Maria Paged\"", after, StringComparison.Ordinal);
        await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == pair.Mentee.Member.Email) && (m.Subject ?? "").StartsWith("Nudge page:", StringComparison.Ordinal));
        Assert.Equal(1, await ClaimsAsync(pair.Id));
    }
}
