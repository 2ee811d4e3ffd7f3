using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Admin;
using Trellis.Web.Features.Moderation;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Messages;

/// <summary>The "Report this message" link under the other member's messages, with the real Messages report target.</summary>
public sealed partial class MessageReportLinkTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [GeneratedRegex("href=\"(/Report/Message/[0-9a-f-]+)\"")]
    private static partial Regex ReportHref();

    private static List<string> ReportLinks(string page) => ReportHref().Matches(page).Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task TheOtherMembersMessage_HasAReportLink_ThatFilesAReport_AndTheAdministratorSeesOnlyThatMessage()
    {
        var pair = await app.PairAsync("Maria Linked", "Tom Linked");
        var rude = (await pair.Mentee.SentAsync(pair.Id, "RUDE-LINKED you are useless")).MessageId();
        var polite = (await pair.Mentor.SentAsync(pair.Id, "POLITE-LINKED let us talk")).MessageId();
        var before = (await pair.Mentee.SentAsync(pair.Id, "GONE-LINKED")).MessageId();
        Assert.True((await pair.Mentee.Api.DeleteAsync($"{pair.Messages}/{before}")).IsSuccessStatusCode);

        // Only under the other member's messages that are still there; never under one's own.
        Assert.Equal([$"/Report/Message/{rude}"], ReportLinks(await pair.Mentor.Member.Browser.GetStringAsync(pair.Page)));
        Assert.Equal([$"/Report/Message/{polite}"], ReportLinks(await pair.Mentee.Member.Browser.GetStringAsync(pair.Page)));
        // The live script's single-message fragment carries it too.
        Assert.Contains($"/Report/Message/{rude}", await pair.Mentor.Member.Browser.GetStringAsync($"{pair.Page}?handler=Message&messageId={rude}"), StringComparison.Ordinal);

        var link = $"/Report/Message/{rude}";
        Assert.Equal(HttpStatusCode.OK, (await pair.Mentor.Member.Browser.GetAsync(link)).StatusCode);
        var filed = await pair.Mentor.Member.Browser.PostAsync(link, new { Input__Reason = "Harassment", Input__Text = "Insulted me." });
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var report = await app.WithDbAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.ReporterId == pair.Mentor.Id));
        Assert.Equal((ReportKind.Message, rude, pair.Mentee.Id), (report.Kind, report.ItemId, report.AuthorId));

        var admin = await AdminAsync();
        var details = (await admin.Api.GetFromJsonAsync<JsonObject>($"/api/v1/admin/reports/{report.Id}"))!;
        Assert.Equal("RUDE-LINKED you are useless", (string?)details["reportedText"]);
        var adminPage = await admin.Member.Browser.GetStringAsync($"/Admin/Reports/{report.Id}");
        Assert.Contains("RUDE-LINKED", adminPage, StringComparison.Ordinal);
        foreach (var other in new[] { "POLITE-LINKED", "GONE-LINKED" })
        {
            Assert.DoesNotContain(other, details.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain(other, adminPage, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Api.GetAsync(pair.Messages)).StatusCode);

        // A third member cannot report it.
        var stranger = await app.MenteeAsync("Eve Linked");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Member.Browser.GetAsync(link)).StatusCode);
    }

    private async Task<Person> AdminAsync()
    {
        var member = await app.SignedInAsync("Alex Linked Admin");
        var output = new StringWriter();
        Assert.Equal(0, await AdministratorsCommand.RunAsync(app.Services, ["grant", member.Email], output, output, default));
        var browser = app.Browser();
        await browser.SignInAsync(member.Email, member.Password);
        return new Person(member with { Browser = browser }, await app.ApiAsync(member));
    }
}
