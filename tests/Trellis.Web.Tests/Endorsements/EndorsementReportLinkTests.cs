using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Moderation;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Reviews;

namespace Trellis.Web.Tests.Endorsements;

public sealed class EndorsementReportLinkTests(KeepingApp app) : IClassFixture<KeepingApp>
{
    [Fact]
    public async Task APublishedEndorsement_CanBeReportedFromTheProfile_ButNotByItsAuthorOrTheProfilesOwner()
    {
        var (mentor, mentee, id) = await app.ActiveAsync("Maria Reportable", "Tom Reportable");
        await app.SetStatusAsync(id, MentorshipStatus.Completed);
        Assert.Equal(HttpStatusCode.Created, (await mentee.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/endorsement", new { text = "LINKED-ENDORSEMENT" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mentor.Api.PostAsync($"/api/v1/mentorships/{id}/endorsement/publish", null)).StatusCode);
        var endorsementId = await app.WithDbAsync(db => db.Endorsements.Where(e => e.MentorshipId == id).Select(e => e.Id).SingleAsync());
        var link = $"/Report/Endorsement/{endorsementId}";
        var profile = $"/Members/{mentor.Id}";

        var stranger = await app.MenteeAsync("Eve Reportable");
        Assert.Contains(link, await stranger.Member.Browser.GetStringAsync(profile), StringComparison.Ordinal);
        Assert.DoesNotContain(link, await mentee.Member.Browser.GetStringAsync(profile), StringComparison.Ordinal);
        Assert.DoesNotContain(link, await mentor.Member.Browser.GetStringAsync(profile), StringComparison.Ordinal);
        // In the workspace the mentor, whom it is about, may report it; its author may not.
        Assert.Contains(link, await mentor.Member.Browser.GetStringAsync($"/Mentorships/{id}/Endorsement"), StringComparison.Ordinal);
        Assert.DoesNotContain(link, await mentee.Member.Browser.GetStringAsync($"/Mentorships/{id}/Endorsement"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await stranger.Member.Browser.PostAsync(link, new { Input__Reason = "Spam" })).StatusCode);
        var report = await app.WithDbAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.ReporterId == stranger.Id));
        Assert.Equal((ReportKind.Endorsement, endorsementId, "LINKED-ENDORSEMENT"), (report.Kind, report.ItemId, report.ReportedText));
    }
}
