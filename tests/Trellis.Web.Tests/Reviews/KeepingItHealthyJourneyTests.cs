using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Reviews;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Reviews;

/// <summary>
/// The journey through the pages, as two members click it: a review is due → the mentee answers 2
/// and asks for a revision → the mentor proposes a revised cadence → the mentee accepts → the mentee
/// proposes completing the mentorship and the mentor confirms (on the Manage page) → the mentee endorses
/// → the mentor publishes it → it shows on the mentor's profile. Only "three months have passed" is set
/// in the database. The same story in a real browser: Trellis.EndToEnd.Tests.KeepingItHealthyJourneyTests.
/// </summary>
public sealed class KeepingItHealthyJourneyTests(KeepingApp app) : IClassFixture<KeepingApp>
{
    [Fact]
    public async Task FromADueReview_ToARevisedAgreement_ToAPublishedEndorsement()
    {
        var (mentor, mentee, id) = await app.ActiveAsync("Maria Journey", "Tom Journey");
        await app.ReviewDueAsync(id);
        await new ReviewReminders(app.Services.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(DateTimeOffset.UtcNow)).RunOnceAsync(default);
        var reminder = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.MemberId == mentee.Id && n.Kind == NotificationKind.ReviewDue));

        var reviews = reminder.Link!;
        Assert.Contains("Your review is due", await mentee.Member.Browser.GetStringAsync(reviews), StringComparison.Ordinal);
        var answered = await mentee.Member.Browser.PostAsync(reviews,
            new { Input__Score = 2, Input__Direction = "MeetMoreOften", Input__WantsRevision = "true", Input__ShouldChange = "We rarely get to my questions." }, handler: "Answer");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var invitation = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.MemberId == mentor.Id && n.Title == "An invitation to revisit your agreement"));
        var revise = invitation.Link!;
        var form = await mentor.Member.Browser.GetStringAsync(revise);
        Assert.Contains("Propose a revised agreement", form, StringComparison.Ordinal);
        Assert.DoesNotContain("We rarely get to my questions", form, StringComparison.Ordinal);

        var proposed = await mentor.Member.Browser.PostAsync(revise, KeepingBuilders.AgreementFormFields(form, ("Input.Agreement.CadenceEvery", "2"), ("Input.Agreement.CadenceUnit", "Weeks")));
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var onTable = await mentee.Member.Browser.GetStringAsync($"/Mentorships/{id}");
        Assert.Contains("A revision is on the table", onTable, StringComparison.Ordinal);
        Assert.Contains("The agreement in force (version 1)", onTable, StringComparison.Ordinal);

        var accepted = await mentee.Member.Browser.PostAsync(revise + "?version=2", new Dictionary<string, string>(), handler: "Accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var inForce = await app.WithDbAsync(db => db.Mentorships.Include(m => m.Versions).SingleAsync(m => m.Id == id));
        Assert.Equal((2, 2, CadenceUnit.Weeks, MentorshipStatus.Active), (inForce.AcceptedVersion!.Value, inForce.InForce!.CadenceEvery, inForce.InForce.CadenceUnit, inForce.Status));

        var manage = $"/Mentorships/{id}/Manage";
        Assert.Equal(HttpStatusCode.Redirect, (await mentee.Member.Browser.PostAsync(manage, new Dictionary<string, string>(), handler: "Complete")).StatusCode);
        Assert.Contains("Tom Journey proposes completing the mentorship", await mentor.Member.Browser.GetStringAsync(manage), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await mentor.Member.Browser.PostAsync(manage, new Dictionary<string, string>(), handler: "Complete")).StatusCode);
        Assert.Equal(MentorshipStatus.Completed, await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));

        var endorsement = $"/Mentorships/{id}/Endorsement";
        Assert.Equal(HttpStatusCode.Redirect, (await mentee.Member.Browser.PostAsync(endorsement, new { Text = "Maria listened, then asked the question I had been avoiding." }, handler: "Write")).StatusCode);
        Assert.DoesNotContain("the question I had been avoiding", await mentee.Member.Browser.GetStringAsync($"/Members/{mentor.Id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await mentor.Member.Browser.PostAsync(endorsement, new Dictionary<string, string>(), handler: "Publish")).StatusCode);

        var profile = await mentee.Member.Browser.GetStringAsync($"/Members/{mentor.Id}");
        Assert.Contains("the question I had been avoiding", profile, StringComparison.Ordinal);
        Assert.Contains("1 mentorship completed", profile, StringComparison.Ordinal);
    }
}
