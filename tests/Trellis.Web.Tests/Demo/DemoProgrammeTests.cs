using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Demo;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Programmes;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Demo;

/// <summary>Issue 12 item 9: seed-demo shows a newcomer the coordinator's side at once.</summary>
public sealed class DemoProgrammeTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task SeedDemo_AddsARunningAndAnEnrollingProgramme_AndPrintsACoordinatorWhoCanSignInAndSeeThem()
    {
        var output = new StringWriter();
        Assert.Equal(0, await AdminCommands.RunAsync(app.Services, ["seed-demo", "--count", "80", "--seed", "5"], output, output, default));

        var printed = output.ToString();
        Assert.Contains($"sign in as the coordinator {DemoProgrammes.CoordinatorEmail}", printed, StringComparison.Ordinal);
        Assert.Contains($"/Programmes/{DemoProgrammes.RunningSlug}/Manage", printed, StringComparison.Ordinal);
        var programmes = await app.WithDbAsync(db => db.Programmes.AsNoTracking().ToDictionaryAsync(p => p.Slug));
        Assert.Equal(ProgrammeStatus.Running, programmes[DemoProgrammes.RunningSlug].Status);
        Assert.Equal(ProgrammeStatus.Enrolling, programmes[DemoProgrammes.EnrollingSlug].Status);
        var running = programmes[DemoProgrammes.RunningSlug].Id;
        var pairs = await app.WithDbAsync(db => db.Mentorships.Where(m => m.ProgrammeId == running).Select(m => m.Status).ToListAsync());
        Assert.Equal(4, pairs.Count);
        Assert.Equal(3, pairs.Count(s => s == MentorshipStatus.Active));
        Assert.True(await app.WithDbAsync(db => db.Participants.CountAsync(p => p.ProgrammeId == programmes[DemoProgrammes.EnrollingSlug].Id)) >= 6);

        // The printed account signs in and sees the programme's overview and its counts.
        var browser = app.Browser();
        var signIn = await browser.SignInAsync(DemoProgrammes.CoordinatorEmail, DemoSeeder.Password);
        Assert.Equal("/Dashboard", signIn.Headers.Location?.OriginalString);
        var manage = await browser.GetAsync($"/Programmes/{DemoProgrammes.RunningSlug}/Manage");
        Assert.Equal(HttpStatusCode.OK, manage.StatusCode);
        Assert.Contains("Career changers circle", await manage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Running it again adds nothing.
        var again = new StringWriter();
        Assert.Equal(0, await AdminCommands.RunAsync(app.Services, ["seed-demo", "--count", "80", "--seed", "5"], again, again, default));
        Assert.Equal(2, await app.WithDbAsync(db => db.Programmes.CountAsync()));
        Assert.Equal(4, await app.WithDbAsync(db => db.Mentorships.CountAsync(m => m.ProgrammeId == running)));
    }
}
