using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Programmes;

/// <summary>Invitations by e-mail: through the outbox, expiring, resendable, only for the invited address.</summary>
public sealed class InvitationTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    private static async Task<string> InviteLinkAsync(TrellisApp app, string email, IReadOnlySet<string>? seen = null)
    {
        var mail = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == email)
            && (m.Subject ?? "").StartsWith("You are invited to", StringComparison.Ordinal), seen);
        return Members.LinkIn(mail.Text(), "/Programmes/Invitations/");
    }

    [Fact]
    public async Task AnInvitation_IsEmailed_AndItsLinkLeadsTheInvitedMemberToTheForm()
    {
        var programme = await app.EnrollingAsync();
        await programme.SetEnrolmentAsync(menteeAccess: "InvitationOnly");
        var email = Members.NewEmail("invited");

        var invited = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/invitations",
            new { emails = new[] { email.ToUpperInvariant() + ", not-an-address" }, role = "Mentee" });
        Assert.Equal(HttpStatusCode.BadRequest, invited.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.ProgrammeId == programme.Id)));
        invited = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/invitations",
            new { emails = new[] { email.ToUpperInvariant() }, role = "Mentee" });
        Assert.Equal(1, (int)(await invited.Content.ReadFromJsonAsync<JsonObject>())!["invited"]!);

        var link = await InviteLinkAsync(app, email);
        var member = await app.SignedInAsync("Ines Invited", email: email);
        var opened = await member.Browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/Programmes/{programme.Slug}/Enrol?role=Mentee", opened.Headers.Location!.OriginalString);
        var ines = new Person(member, await app.ApiAsync(member));
        await ines.EnrolledAsync(programme, "Mentee");

        var row = await app.WithDbAsync(db => db.Participants.AsNoTracking().SingleAsync(p => p.MemberId == member.Id));
        Assert.Equal(ParticipantSource.Invitation, row.Source);
        Assert.Equal(member.Id, await app.WithDbAsync(db => db.Invitations.Where(i => i.ProgrammeId == programme.Id)
            .Select(i => i.AcceptedBy).SingleAsync()));
        // The token is never stored: only its hash.
        var token = link[(link.LastIndexOf('/') + 1)..];
        Assert.False(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.TokenHash == token)));
    }

    [Fact]
    public async Task SomeoneElse_CannotUseTheLink_AndTheStrangerDoesNotLearnTheAddress()
    {
        var programme = await app.EnrollingAsync();
        await programme.SetEnrolmentAsync(menteeAccess: "InvitationOnly");
        var email = Members.NewEmail("jane");
        await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/invitations", new { emails = new[] { email }, role = "Mentee" });
        var link = await InviteLinkAsync(app, email);
        var eve = await app.MenteeAsync("Eve Forwarded");

        var opened = await eve.Member.Browser.GetAsync(link);
        var enrol = await eve.EnrolAsync(programme, "Mentee");

        Assert.Equal(HttpStatusCode.Conflict, opened.StatusCode);
        var page = await opened.Content.ReadAsStringAsync();
        Assert.Contains("j***@example.org", page, StringComparison.Ordinal);
        Assert.DoesNotContain(email, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, enrol.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Participants.AnyAsync(p => p.ProgrammeId == programme.Id)));
    }

    [Fact]
    public async Task ResendingGivesANewLink_TheOldOneStopsWorking_AndAnExpiredOneSaysSo()
    {
        var programme = await app.EnrollingAsync();
        await programme.SetEnrolmentAsync(menteeAccess: "InvitationOnly");
        var email = Members.NewEmail("late");
        await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/invitations", new { emails = new[] { email }, role = "Mentee" });
        var first = await InviteLinkAsync(app, email);
        var seen = app.Mail.To(email).Select(m => m.MessageId ?? "").ToHashSet();
        var member = await app.SignedInAsync("Lou Late", email: email);
        var id = await app.WithDbAsync(db => db.Invitations.Where(i => i.Email == email).Select(i => i.Id).SingleAsync());

        // Expired: the day passes (the invitation's own expiry is moved back).
        await app.WithDbAsync(db => db.Invitations.Where(i => i.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        var expired = await member.Browser.GetAsync(first);
        Assert.Equal(HttpStatusCode.Conflict, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var list = await programme.Owner.Api.GetFromJsonAsync<JsonArray>($"{programme.Api}/invitations");
        Assert.Equal("Expired", (string)list!.Single()!["state"]!);

        var resent = await programme.Owner.Api.PostAsync($"{programme.Api}/invitations/{id}/resend", null);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        var second = await InviteLinkAsync(app, email, seen);

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Browser.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await member.Browser.GetAsync(second)).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Invitations.Where(i => i.Id == id).Select(i => i.SendCount).SingleAsync()));
    }

    [Fact]
    public async Task AWithdrawnInvitation_NoLongerAdmits()
    {
        var programme = await app.EnrollingAsync();
        await programme.SetEnrolmentAsync(menteeAccess: "InvitationOnly");
        var member = await app.SignedInAsync("Rita Revoked");
        await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/invitations", new { emails = new[] { member.Email }, role = "Mentee" });
        var link = await InviteLinkAsync(app, member.Email);
        var id = await app.WithDbAsync(db => db.Invitations.Where(i => i.Email == member.Email).Select(i => i.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.OK, (await programme.Owner.Api.DeleteAsync($"{programme.Api}/invitations/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await member.Browser.GetAsync(link)).StatusCode);
        var rita = new Person(member, await app.ApiAsync(member));
        Assert.Equal(HttpStatusCode.Conflict, (await rita.EnrolAsync(programme, "Mentee")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Participants.AnyAsync(p => p.ProgrammeId == programme.Id)));
    }
}
