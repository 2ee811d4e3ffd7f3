using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Demo;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Demo;

public sealed class DemoSeedTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public void TheDemoCommunity_IsDeterministic_AndEveryProfileIsValid()
    {
        var first = DemoCommunity.Generate(500, 42, 2026);
        var second = DemoCommunity.Generate(500, 42, 2026);
        Assert.Equal(500, first.Count);
        Assert.Equal(first.Select(p => System.Text.Json.JsonSerializer.Serialize(p)), second.Select(p => System.Text.Json.JsonSerializer.Serialize(p)));
        Assert.Equal(500, first.Select(p => p.Email).Distinct().Count());
        foreach (var person in first)
            Assert.Empty(person.Profile.Validate(2026));
        Assert.Contains(first, p => p.Profile.OpenToMentoring && p.Profile.SeekingMentor);
        Assert.Contains(first, p => p.Profile.OpenToMentoring && !p.Profile.SeekingMentor);
        Assert.Contains(first, p => !p.Profile.OpenToMentoring && p.Profile.SeekingMentor);
        Assert.True(first.Select(p => p.Profile.TimeZone).Distinct().Count() >= 8);
        Assert.True(first.Select(p => p.Profile.Field).Distinct().Count() >= 10);
        // The facts of issue 14's rules, for a realistic share: enough to see each rule at work, not everyone.
        var seeking = first.Where(p => p.Profile.SeekingMentor).Select(p => p.Profile).ToList();
        Assert.InRange(seeking.Count(p => p.Direction == CareerDirection.Move && p.TargetField.Length > 0), seeking.Count / 10, seeking.Count / 3);
        Assert.InRange(first.Count(p => p.Profile.PreviousFields.Count > 0), 500 / 6, 500 / 3);
        Assert.InRange(first.Count(p => p.Profile.MeetingWindows.Count > 0), 500 / 6, 500 / 3);
        Assert.Contains(seeking, p => p.RequiredLanguages.Count > 0);
        Assert.Contains(seeking, p => p.Ask == AskFor.Peer);
        Assert.Contains(seeking, p => p.Ask == AskFor.Junior);
        Assert.Contains(seeking, p => p.RequireMeetingOverlap);
    }

    [Fact]
    public async Task SeedDemo_WritesMembersWhoCanSignIn_AndIsIdempotent()
    {
        var added = await DemoSeeder.SeedAsync(app.Services, 25, 7, TextWriter.Null, default);
        Assert.Equal(25, added);
        Assert.Equal(0, await DemoSeeder.SeedAsync(app.Services, 25, 7, TextWriter.Null, default));
        var someone = DemoCommunity.Generate(25, 7, DateTimeOffset.UtcNow.Year)[3];
        Assert.Equal(someone.Profile.Field, await app.WithDbAsync(db => db.Profiles.Join(db.Users, p => p.MemberId, u => u.Id, (p, u) => new { p.Field, u.Email }).Where(x => x.Email == someone.Email).Select(x => x.Field).SingleAsync()));
        var signIn = await app.Browser().SignInAsync(someone.Email, DemoSeeder.Password);
        Assert.Equal("/Dashboard", signIn.Headers.Location?.OriginalString);
    }
}
