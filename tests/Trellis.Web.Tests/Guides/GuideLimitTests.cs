using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Platform;
using Trellis.Web.Tests.Programmes;

namespace Trellis.Web.Tests.Guides;

/// <summary>Asking and answering count towards the messages limit, per member; a refused question is not stored.</summary>
public sealed class GuideLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task OneQuestionTooMany_Is429_AndIsNotStored_AndReadingDoesNotCount()
    {
        var admin = await app.AdministratorAsync();
        var guide = await admin.GuideAsync("MembersOnly", null, "Limits");
        var member = await app.MenteeAsync("Lou Limit");
        for (var i = 0; i < RateLimitedApp.Messages; i++)
            Assert.Equal(HttpStatusCode.Created, (await member.Api.PostAsJsonAsync($"{guide.Api}/questions", new { text = $"Question {i}?" })).StatusCode);

        var refused = await member.Api.PostAsJsonAsync($"{guide.Api}/questions", new { text = "One too many?" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.Api.GetAsync($"{guide.Api}/questions")).StatusCode);
        Assert.Equal(RateLimitedApp.Messages, await app.WithDbAsync(db => db.GuideQuestions.CountAsync(q => q.GuideId == guide.Id)));
    }

    [Fact]
    public async Task TheManagePage_LinksToWritingAGuideForTheProgramme_WhichIsChosenOnTheForm()
    {
        var programme = await app.ProgrammeAsync();
        var manage = await programme.Owner.Member.Browser.GetStringAsync(programme.Manage);
        Assert.Contains($"href=\"/Guides/New?programme={programme.Id}\"", manage, StringComparison.Ordinal);
        var form = await programme.Owner.Member.Browser.GetStringAsync($"/Guides/New?programme={programme.Id}");
        Assert.Contains($"<option value=\"{programme.Id}\" selected=\"selected\">Spring cohort</option>", form, StringComparison.Ordinal);
    }
}
