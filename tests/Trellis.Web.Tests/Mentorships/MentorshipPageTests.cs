using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Mentorships;

public sealed class MentorshipPageTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task MemberPage_OffersAskToBeMyMentor_ToOthers_NotToTheMentorThemself()
    {
        var mentor = await app.MentorAsync("Maria Button");
        var mentee = await app.MenteeAsync("Tom Button");

        Assert.Contains("id=\"ask-to-mentor\"", await mentee.Member.Browser.GetStringAsync($"/Members/{mentor.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"ask-to-mentor\"", await mentor.Member.Browser.GetStringAsync($"/Members/{mentor.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"ask-to-mentor\"", await mentor.Member.Browser.GetStringAsync($"/Members/{mentee.Id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await mentor.Member.Browser.GetAsync($"/Mentorships/Ask/{mentee.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mentor.Member.Browser.GetAsync($"/Mentorships/Ask/{mentor.Id}")).StatusCode);
    }

    [Fact]
    public async Task AskPage_StartsFromTheLightTemplate_PreviewsWithoutSending_ThenSends()
    {
        var mentor = await app.MentorAsync("Maria Pages");
        var mentee = await app.MenteeAsync("Tom Pages");
        var browser = mentee.Member.Browser;
        var ask = $"/Mentorships/Ask/{mentor.Id}";

        var form = await browser.GetStringAsync(ask);
        Assert.Contains("<option value=\"Phone\" selected=\"selected\">", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Months\" selected=\"selected\">", form, StringComparison.Ordinal);
        Assert.Contains("value=\"60\"", form, StringComparison.Ordinal);

        var preview = await browser.PostAsync(ask, Fields(), handler: "Preview");
        var previewHtml = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Preview: what Maria Pages will read", previewHtml, StringComparison.Ordinal);
        Assert.Contains("<dd>every month</dd>", previewHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"send-request\"", previewHtml, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Mentorships.AnyAsync(m => m.MenteeId == mentee.Id)));

        var sent = await browser.PostAsync(ask, Fields(), handler: "Send");

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var id = await app.WithDbAsync(db => db.Mentorships.Where(m => m.MenteeId == mentee.Id).Select(m => m.Id).SingleAsync());
        Assert.Equal($"/Mentorships/{id}", sent.Headers.Location?.OriginalString);
        var stored = await app.WithDbAsync(db => db.AgreementVersions.SingleAsync(v => v.MentorshipId == id));
        Assert.Equal((1, CadenceUnit.Months, MeetingMedium.Phone), (stored.CadenceEvery, stored.CadenceUnit, stored.Medium));
        Assert.Equal(["Move into product management", "Learn to run a roadmap review"], stored.Goals);
    }

    [Fact]
    public async Task AskPage_WithBadInput_ShowsTheErrorNextToTheField_AndSendsNothing()
    {
        var mentor = await app.MentorAsync("Maria Fields");
        var mentee = await app.MenteeAsync("Tom Fields");
        var ask = $"/Mentorships/Ask/{mentor.Id}";

        var preview = await mentee.Member.Browser.PostAsync(ask, Fields(("Input.Agreement.CadenceEvery", "0")), handler: "Preview");
        var sent = await mentee.Member.Browser.PostAsync(ask, Fields(("Input.Agreement.ReviewEveryMonths", "24")), handler: "Send");

        Assert.Contains("Must be between 1 and 12", Forms.FieldError(await preview.Content.ReadAsStringAsync(), "Input_Agreement_CadenceEvery"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("longer than the planned duration", Forms.FieldError(await sent.Content.ReadAsStringAsync(), "Input_Agreement_ReviewEveryMonths"), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Mentorships.AnyAsync(m => m.MenteeId == mentee.Id)));
    }

    [Fact]
    public async Task InboxCounterAndAccept_ThroughThePages_BothSeeTheAgreementInForceAndTheDiff()
    {
        var mentor = await app.MentorAsync("Maria Inbox");
        var mentee = await app.MenteeAsync("Tom Inbox");
        var id = (await mentee.ProposeAsync(mentor)).Id();

        var inbox = await mentor.Member.Browser.GetStringAsync("/Mentorships");
        Assert.Contains("Tom Inbox (your mentee)", inbox, StringComparison.Ordinal);
        Assert.Contains("waiting for your answer", inbox, StringComparison.Ordinal);
        Assert.Contains("Tom Inbox", await mentor.Member.Browser.GetStringAsync("/Dashboard"), StringComparison.Ordinal);
        Assert.Contains("Maria Inbox (your mentor)", await mentee.Member.Browser.GetStringAsync("/Mentorships"), StringComparison.Ordinal);

        var change = $"/Mentorships/{id}/Change?mode=counter";
        var prefilled = await mentor.Member.Browser.GetStringAsync(change);
        Assert.Contains("name=\"Input.BasedOnVersion\" value=\"1\"", prefilled, StringComparison.Ordinal);
        var countered = await mentor.Member.Browser.PostAsync(change, Fields(("Input.Agreement.CadenceEvery", "2"), ("Input.Agreement.CadenceUnit", "Weeks"), ("Input.BasedOnVersion", "1"), ("Mode", "counter")));
        Assert.Equal(HttpStatusCode.Redirect, countered.StatusCode);

        var menteeView = await mentee.Member.Browser.GetStringAsync($"/Mentorships/{id}");
        Assert.Matches(new Regex("How often we meet</th><td><del>every month</del></td><td><ins>every 2 weeks</ins>"), menteeView);
        Assert.Contains("Accept version 2", menteeView, StringComparison.Ordinal);

        var accepted = await mentee.Member.Browser.PostAsync($"/Mentorships/{id}?version=2", [], handler: "Accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        foreach (var side in new[] { mentee, mentor })
        {
            var page = await side.Member.Browser.GetStringAsync($"/Mentorships/{id}");
            Assert.Contains("The agreement in force (version 2)", page, StringComparison.Ordinal);
            Assert.Contains("every 2 weeks", page, StringComparison.Ordinal);
            Assert.Contains("<del>every month</del>", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ACounterProposal_KeepsTheMenteesNote_AndCarriesTheMentorsReasonApart()
    {
        var mentor = await app.MentorAsync("Maria Reason");
        var mentee = await app.MenteeAsync("Tom Reason");
        var id = (await mentee.ProposeAsync(mentor)).Id();
        const string reason = "Fortnightly is all I can promise until March.";

        var change = $"/Mentorships/{id}/Change?mode=counter";
        var form = await mentor.Member.Browser.GetStringAsync(change);
        Assert.DoesNotContain("<textarea id=\"Input_Agreement_PersonalNote\"", form, StringComparison.Ordinal);
        Assert.Contains("I loved your talk on leading B2B product teams.", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Note\"", form, StringComparison.Ordinal);

        // Even a crafted post cannot put words in the mentee's note.
        var countered = await mentor.Member.Browser.PostAsync(change, Fields(("Input.Agreement.CadenceEvery", "2"), ("Input.Agreement.CadenceUnit", "Weeks"),
            ("Input.Agreement.PersonalNote", "Overwritten by the mentor"), ("Input.Note", reason), ("Input.BasedOnVersion", "1"), ("Mode", "counter")));
        Assert.Equal(HttpStatusCode.Redirect, countered.StatusCode);

        var versions = await app.WithDbAsync(db => db.AgreementVersions.AsNoTracking().Where(v => v.MentorshipId == id).OrderBy(v => v.Number).ToListAsync());
        Assert.Equal(2, versions.Count);
        Assert.Equal(versions[0].PersonalNote, versions[1].PersonalNote);
        Assert.Equal("I loved your talk on leading B2B product teams.", versions[1].PersonalNote);
        Assert.Equal("", versions[0].ChangeNote);
        Assert.Equal(reason, versions[1].ChangeNote);

        var menteeView = await mentee.Member.Browser.GetStringAsync($"/Mentorships/{id}");
        Assert.Matches($"Maria Reason(’|&#x2019;)s note on these changes: <q>{Regex.Escape(reason)}</q>", menteeView); // Razor encodes "’"
        Assert.DoesNotContain("Overwritten by the mentor", menteeView, StringComparison.Ordinal);
        Assert.DoesNotContain("Personal note</th>", menteeView, StringComparison.Ordinal); // not among the changes
        var told = await app.WithDbAsync(db => db.Notifications.Where(n => n.MemberId == mentee.Id && n.Kind == Trellis.Web.Features.Notifications.NotificationKind.CounterProposal).Select(n => n.Body).SingleAsync());
        Assert.Contains(reason, told, StringComparison.Ordinal);
        Assert.Contains($"Your note on these changes: <q>{reason}</q>", await mentor.Member.Browser.GetStringAsync($"/Mentorships/{id}"), StringComparison.Ordinal);

        // Too long: refused next to the field, nothing written.
        var tooLong = await mentee.Member.Browser.PostAsync(change, Fields(("Input.Note", new string('x', 1001)), ("Input.BasedOnVersion", "2"), ("Mode", "counter")));
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Matches("id=\"Input_Note-error\"[^>]*>[^<]*Must be at most 1000 characters", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(2, await app.WithDbAsync(db => db.AgreementVersions.CountAsync(v => v.MentorshipId == id)));
    }

    [Fact]
    public async Task Decline_WithAReasonFromTheList_AndAThirdMemberSeesNothing()
    {
        var mentor = await app.MentorAsync("Maria No");
        var mentee = await app.MenteeAsync("Tom No");
        var nosy = await app.MenteeAsync("Nora Pages");
        var id = (await mentee.ProposeAsync(mentor)).Id();

        Assert.Equal(HttpStatusCode.NotFound, (await nosy.Member.Browser.GetAsync($"/Mentorships/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nosy.Member.Browser.GetAsync($"/Mentorships/{id}/Change")).StatusCode);
        Assert.DoesNotContain("Tom No", await nosy.Member.Browser.GetStringAsync("/Mentorships"), StringComparison.Ordinal);

        var noReason = await mentor.Member.Browser.PostAsync($"/Mentorships/{id}", new { Decline__Message = "Sorry" }, handler: "Decline");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Choose a reason", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var declined = await mentor.Member.Browser.PostAsync($"/Mentorships/{id}", new { Decline__Reason = "TimingIsWrong", Decline__Message = "Ask me again in spring." }, handler: "Decline");
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var seen = await mentee.Member.Browser.GetStringAsync($"/Mentorships/{id}");
        Assert.Contains("The timing is wrong for me at the moment.", seen, StringComparison.Ordinal);
        Assert.Contains("Ask me again in spring.", seen, StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, string>> Fields(params (string Name, string Value)[] overrides)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Agreement.Formality", "Informal"),
            new("Input.Agreement.CadenceEvery", "1"),
            new("Input.Agreement.CadenceUnit", "Months"),
            new("Input.Agreement.MeetingMinutes", "60"),
            new("Input.Agreement.Medium", "Phone"),
            new("Input.Agreement.Channels", "email"),
            new("Input.Agreement.Channels", "messages"),
            new("Input.Agreement.ResponseWithinDays", "3"),
            new("Input.Agreement.Goals", "Move into product management\r\nLearn to run a roadmap review"),
            new("Input.Agreement.Confidentiality", Agreement.DefaultConfidentiality),
            new("Input.Agreement.StartDate", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.Agreement.DurationMonths", "12"),
            new("Input.Agreement.ReviewEveryMonths", "3"),
            new("Input.Agreement.MenteeCommitments", "A question or two for every call."),
            new("Input.Agreement.PersonalNote", "Your talk on B2B product teams stayed with me."),
        };
        foreach (var (name, value) in overrides)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }
        return fields;
    }
}
