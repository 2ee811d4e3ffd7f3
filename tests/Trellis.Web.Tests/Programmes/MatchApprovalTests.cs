using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Programmes.Matching;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Programmes;

/// <summary>Mentee choice inside a programme, draft matches by hand, and approval starting the relationship.</summary>
public sealed class MatchApprovalTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task AMenteeAsksInsideTheProgramme_TheMentorshipBelongsToIt_AndTheLimitOfOpenRequestsHolds()
    {
        var programme = await app.EnrollingAsync(kind: "Evergreen");
        await programme.SetModeAsync("MenteeChoice", maxOpenRequests: 1);
        var maria = await app.ProgrammesOnlyMentorAsync("Maria Chosen");
        var mark = await app.MentorAsync("Mark Second Choice");
        var tom = await app.MenteeAsync("Tom Chooser");
        var eve = await app.MenteeAsync("Eve Not In It");
        await maria.EnrolledAsync(programme, "Mentor");
        await mark.EnrolledAsync(programme, "Mentor");
        await tom.EnrolledAsync(programme, "Mentee");

        var ask = await tom.Member.Browser.GetStringAsync($"/Mentorships/Ask/{maria.Id}?programme={programme.Id}");
        Assert.Contains("You are asking inside Spring cohort", ask, StringComparison.Ordinal);
        var first = await tom.Api.PostAsJsonAsync("/api/v1/mentorships", Proposal(maria.Id, programme.Id));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var second = await tom.Api.PostAsJsonAsync("/api/v1/mentorships", Proposal(mark.Id, programme.Id));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("the most it allows at once", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var mine = await app.WithDbAsync(db => db.Mentorships.AsNoTracking().Where(m => m.MenteeId == tom.Id).ToListAsync());
        Assert.Equal(maria.Id, Assert.Single(mine).MentorId);
        Assert.Equal(programme.Id, mine[0].ProgrammeId);

        // Outside the programme its rules do not open a door: an outsider asking "inside" it finds no programme.
        var outsider = await eve.Api.PostAsJsonAsync("/api/v1/mentorships", Proposal(mark.Id, programme.Id));
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await eve.Member.Browser.GetAsync($"/Mentorships/Ask/{mark.Id}?programme={programme.Id}")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Mentorships.AnyAsync(m => m.MenteeId == eve.Id)));
    }

    [Fact]
    public async Task ApprovingADraft_SendsTheProgrammesAgreementAsAProposal_WithTheIntroduction_AndTheMentorAccepts()
    {
        var (programme, tom, maria) = await ByHandAsync("Approve");
        var stranger = await app.MenteeAsync("Sam Stranger");
        var other = await app.EnrollingAsync(kind: "Evergreen", name: "Another programme");

        var bad = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/drafts", new { mentorId = maria.Id });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("menteeId", (await bad.ErrorsAsync()).Select(e => e.Key));
        Assert.False(await app.WithDbAsync(db => db.DraftMatches.AnyAsync(d => d.ProgrammeId == programme.Id)));

        var draft = await DraftAsync(programme, tom, maria);
        Assert.InRange((int)draft["score"]!, 1, 100);
        Assert.NotEmpty(draft["reasons"]!.AsArray());
        foreach (var outsider in new[] { stranger, other.Owner, tom })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.GetAsync($"{programme.Api}/drafts")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.PostAsJsonAsync($"{programme.Api}/drafts/{draft["id"]}/approve",
                new { version = draft["version"] })).StatusCode);
        }
        Assert.False(await app.WithDbAsync(db => db.Mentorships.AnyAsync(m => m.MenteeId == tom.Id)));

        var approved = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/drafts/{draft["id"]}/approve", new { version = draft["version"] });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var mentorship = await app.WithDbAsync(db => db.Mentorships.AsNoTracking().Include(m => m.Versions)
            .SingleAsync(m => m.MenteeId == tom.Id));
        Assert.Equal((maria.Id, programme.Id, MentorshipStatus.Proposed), (mentorship.MentorId, mentorship.ProgrammeId, mentorship.Status));
        var template = (await programme.ViewAsync())["template"]!;
        Assert.Equal((int)template["meetingMinutes"]!, mentorship.Current.Terms.MeetingMinutes);
        foreach (var member in new[] { tom, maria })
        {
            var intro = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == member.Member.Email)
                                                          && m.Subject == "Spring cohort: meet Maria Approve and Tom Approve");
            Assert.Contains($"/Mentorships/{mentorship.Id}", intro.Text(), StringComparison.Ordinal);
        }
        var drafts = await programme.Owner.Api.GetFromJsonAsync<JsonArray>($"{programme.Api}/drafts");
        Assert.Equal("Approved", (string)drafts!.Single()!["status"]!);
        Assert.Equal((1, 0), await PairCountsAsync(programme));

        // The normal negotiation: the mentor accepts the proposal, and the pair is running (the coordinators count it).
        var accepted = await maria.AcceptAsync(mentorship.Id, 1);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(MentorshipStatus.Active, await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == mentorship.Id)
            .Select(m => m.Status).SingleAsync()));
        Assert.Equal((0, 1), await PairCountsAsync(programme));
        var overview = await programme.Owner.Member.Browser.GetStringAsync($"/Programmes/{programme.Slug}/Manage");
        Assert.Matches(@"<th scope=""row"">Running</th><td>1</td>", overview);
        Assert.Matches(@"<th scope=""row"">Waiting for an answer</th><td>0</td>", overview);

        var again = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/drafts/{draft["id"]}/approve", new { version = draft["version"] });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Mentorships.CountAsync(m => m.MenteeId == tom.Id)));
    }

    [Fact]
    public async Task ApprovingTheSameDraftTwiceAtOnce_MakesOneMentorship_AndTheOtherIs409()
    {
        var (programme, tom, maria) = await ByHandAsync("Twice");
        var draft = await DraftAsync(programme, tom, maria);
        var url = $"{programme.Api}/drafts/{draft["id"]}/approve";
        var second = await app.ApiAsync(programme.Owner.Member); // a second tab of the same coordinator

        var answers = await Task.WhenAll(
            programme.Owner.Api.PostAsJsonAsync(url, new { version = draft["version"] }),
            second.PostAsJsonAsync(url, new { version = draft["version"] }));

        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }, answers.Select(a => a.StatusCode).Order());
        Assert.Equal(1, await app.WithDbAsync(db => db.Mentorships.CountAsync(m => m.MenteeId == tom.Id)));
        var stored = await app.WithDbAsync(db => db.DraftMatches.AsNoTracking().SingleAsync(d => d.ProgrammeId == programme.Id));
        Assert.Equal(DraftStatus.Approved, stored.Status);
        Assert.Equal(await app.WithDbAsync(db => db.Mentorships.Where(m => m.MenteeId == tom.Id).Select(m => m.Id).SingleAsync()),
            stored.MentorshipId);
    }

    private async Task<(TestProgramme, Person Mentee, Person Mentor)> ByHandAsync(string suffix)
    {
        var programme = await app.EnrollingAsync(kind: "Evergreen");
        await programme.SetModeAsync("ByHand");
        var tom = await app.MenteeAsync($"Tom {suffix}");
        var maria = await app.MentorAsync($"Maria {suffix}");
        await tom.EnrolledAsync(programme, "Mentee");
        await maria.EnrolledAsync(programme, "Mentor");
        return (programme, tom, maria);
    }

    private static async Task<JsonObject> DraftAsync(TestProgramme programme, Person mentee, Person mentor)
    {
        var created = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/drafts", new { menteeId = mentee.Id, mentorId = mentor.Id });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static JsonObject Proposal(Guid mentorId, Guid programmeId)
    {
        var proposal = MentorshipBuilders.Proposal(mentorId);
        proposal["programmeId"] = programmeId;
        return proposal;
    }

    /// <summary>The coordinators' counts of the programme's pairs: (waiting for an answer, running).</summary>
    private static async Task<(int Waiting, int Running)> PairCountsAsync(TestProgramme programme)
    {
        var pairs = (await programme.Owner.Api.GetFromJsonAsync<JsonObject>($"{programme.Api}/counts"))!["pairs"]!;
        return ((int)pairs["waiting"]!, (int)pairs["running"]!);
    }
}
