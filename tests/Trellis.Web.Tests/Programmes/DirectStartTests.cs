using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Programmes;

/// <summary>A programme that starts approved pairs directly: both members accept the match as it stands, or one declines.</summary>
public sealed class DirectStartTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task Approving_OffersTheMatchToBoth_WithTheTemplate_AndBothAcceptingStartsIt()
    {
        var (programme, tom, maria) = await DirectAsync("Offer");
        var draft = await DraftAsync(programme, tom, maria);
        Assert.Equal(HttpStatusCode.OK, (await Approve(programme, draft)).StatusCode);

        var m = await MentorshipAsync(tom);
        Assert.Equal((true, MentorshipStatus.Proposed, programme.Id, 1), (m.DirectStart, m.Status, m.ProgrammeId, m.Versions.Count));
        Assert.False(m.Current.AcceptedByMentee || m.Current.AcceptedByMentor);
        var template = (await programme.ViewAsync())["template"]!;
        Assert.Equal((int)template["meetingMinutes"]!, m.Current.Terms.MeetingMinutes);
        foreach (var member in new[] { tom, maria })
        {
            var intro = await app.Mail.WaitForAsync(x => x.To.Mailboxes.Any(b => b.Address == member.Member.Email)
                                                         && x.Subject == "Spring cohort: meet Maria Offer and Tom Offer");
            Assert.Contains("Accept or decline the match", intro.Text(), StringComparison.Ordinal);
            Assert.Contains($"/Mentorships/{m.Id}", intro.Text(), StringComparison.Ordinal);
            Assert.Contains($"{(int)template["meetingMinutes"]!} minutes", intro.Text(), StringComparison.Ordinal);
            Assert.Contains(await TitlesAsync(member), t => t.StartsWith("Spring cohort: ", StringComparison.Ordinal) && t.EndsWith(" and you", StringComparison.Ordinal));
            var view = await ViewAsync(member, m.Id);
            Assert.Equal((true, true, false), ((bool)view["directStart"]!, (bool)view["myTurn"]!, (bool)view["canEdit"]!));
        }

        // Nobody negotiates a direct match: its terms stand until it has started.
        Assert.Equal(HttpStatusCode.Conflict, (await maria.CounterAsync(m.Id, 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await tom.Api.PostAsync($"/api/v1/mentorships/{m.Id}/withdraw", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await tom.AcceptAsync(m.Id, 1)).StatusCode);
        Assert.Equal(MentorshipStatus.Proposed, (await MentorshipAsync(tom)).Status);
        Assert.Equal(0, await ActiveMenteesAsync(maria)); // no place is taken until both have accepted
        Assert.Equal(HttpStatusCode.Conflict, (await tom.AcceptAsync(m.Id, 1)).StatusCode);
        // What the other member sees: Tom has accepted, and it is her turn.
        var hers = await ViewAsync(maria, m.Id);
        Assert.Equal((true, true, false), ((bool)hers["myTurn"]!, (bool)hers["versions"]![0]!["acceptedByMentee"]!, (bool)hers["versions"]![0]!["acceptedByMentor"]!));
        Assert.Contains("Tom Offer accepted your programme's match", await TitlesAsync(maria));
        var page = await maria.Member.Browser.GetStringAsync($"/Mentorships/{m.Id}");
        Assert.Contains("Tom Offer has accepted the match.", page, StringComparison.Ordinal);
        Assert.Contains("id=\"accept\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"counter\"", page, StringComparison.Ordinal);
        Assert.Contains("You accepted the match.", await tom.Member.Browser.GetStringAsync($"/Mentorships/{m.Id}"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await maria.AcceptAsync(m.Id, 1)).StatusCode);

        var started = await MentorshipAsync(tom);
        Assert.Equal((MentorshipStatus.Active, 1), (started.Status, started.AcceptedVersion));
        Assert.Equal(1, await ActiveMenteesAsync(maria));
        Assert.Contains("Maria Offer accepted: your mentorship has started", await TitlesAsync(tom));
        // The coordinators see the pair's status, never inside it.
        var listed = (await programme.Owner.Api.GetFromJsonAsync<JsonArray>($"{programme.Api}/drafts"))!.Single()!;
        Assert.Equal(("Approved", "Active"), ((string)listed["status"]!, (string)listed["pairStatus"]!));
        Assert.Equal(HttpStatusCode.NotFound, (await programme.Owner.Api.GetAsync($"/api/v1/mentorships/{m.Id}")).StatusCode);
    }

    [Fact]
    public async Task Declining_ClosesTheMatch_TellsTheOtherMember_AndTheCoordinatorsOnlyThatItClosed()
    {
        var (programme, tom, maria) = await DirectAsync("Decline");
        await Approve(programme, await DraftAsync(programme, tom, maria));
        var m = await MentorshipAsync(tom);
        Assert.Equal(HttpStatusCode.OK, (await tom.AcceptAsync(m.Id, 1)).StatusCode);
        const string Words = "I am moving to Lisbon next month";

        var declined = await maria.Api.PostAsJsonAsync($"/api/v1/mentorships/{m.Id}/decline", new { message = Words });

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var closed = await MentorshipAsync(tom);
        Assert.Equal((MentorshipStatus.Declined, (Party?)Party.Mentor, Words), (closed.Status, closed.ClosedBy, closed.DeclineMessage));
        Assert.Equal(0, await ActiveMenteesAsync(maria));
        var told = await NotificationsAsync(tom);
        Assert.Contains(told, n => n.Title == "Maria Decline declined your programme's match" && n.Body.Contains(Words, StringComparison.Ordinal));
        Assert.Contains("The match was declined.", await tom.Member.Browser.GetStringAsync($"/Mentorships/{m.Id}"), StringComparison.Ordinal);

        var coordinator = await NotificationsAsync(programme.Owner);
        var notice = Assert.Single(coordinator, n => n.Title == "Spring cohort: a match was declined");
        Assert.Contains("Tom Decline", notice.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Words, notice.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Maria Decline declined", notice.Body, StringComparison.Ordinal); // not who, not why
        var drafts = await programme.Owner.Api.GetStringAsync($"{programme.Api}/drafts");
        Assert.Contains("\"pairStatus\":\"Declined\"", drafts, StringComparison.Ordinal);
        Assert.DoesNotContain(Words, drafts, StringComparison.Ordinal);
        var csv = await programme.Owner.Api.GetStringAsync($"{programme.Api}/export/matches.csv");
        Assert.Contains(",declined,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(Words, csv, StringComparison.Ordinal);
        // Tom is unmatched again: back on the board.
        var board = await programme.Owner.Api.GetFromJsonAsync<JsonObject>($"{programme.Api}/board");
        Assert.Contains(board!["mentees"]!.AsArray(), x => x!["memberId"]!.GetValue<Guid>() == tom.Id);
        Assert.Equal(HttpStatusCode.Conflict, (await tom.AcceptAsync(m.Id, 1)).StatusCode);
    }

    [Fact]
    public async Task BothAcceptingAtOnce_StartsItOnce_OrOneIs409AndTriesAgain()
    {
        var (programme, tom, maria) = await DirectAsync("Together");
        await Approve(programme, await DraftAsync(programme, tom, maria));
        var m = await MentorshipAsync(tom);

        var answers = await Task.WhenAll(tom.AcceptAsync(m.Id, 1), maria.AcceptAsync(m.Id, 1));

        var codes = answers.Select(a => a.StatusCode).Order().ToArray();
        var after = await MentorshipAsync(tom);
        if (codes.SequenceEqual([HttpStatusCode.OK, HttpStatusCode.OK]))
        {
            Assert.Equal(MentorshipStatus.Active, after.Status);
        }
        else
        {
            Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }, codes);
            Assert.Equal((MentorshipStatus.Proposed, 0), (after.Status, await ActiveMenteesAsync(maria)));
            var loser = answers[0].StatusCode == HttpStatusCode.Conflict ? tom : maria;
            Assert.Equal(HttpStatusCode.OK, (await loser.AcceptAsync(m.Id, 1)).StatusCode);
        }
        Assert.Equal(MentorshipStatus.Active, (await MentorshipAsync(tom)).Status);
        Assert.Equal(1, await ActiveMenteesAsync(maria));
        Assert.Equal(1, await app.WithDbAsync(db => db.Mentorships.CountAsync(x => x.MenteeId == tom.Id)));
    }

    [Fact]
    public async Task TheLastAcceptanceAgainstADecline_HasOneOutcome_AndKeepsToTheMentorsCapacity()
    {
        var (programme, tom, maria) = await DirectAsync("Race");
        await Approve(programme, await DraftAsync(programme, tom, maria));
        var m = await MentorshipAsync(tom);
        Assert.Equal(HttpStatusCode.OK, (await tom.AcceptAsync(m.Id, 1)).StatusCode);

        var answers = await Task.WhenAll(maria.AcceptAsync(m.Id, 1),
            tom.Api.PostAsJsonAsync($"/api/v1/mentorships/{m.Id}/decline", new { message = "" }));

        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }, answers.Select(a => a.StatusCode).Order());
        var after = await MentorshipAsync(tom);
        Assert.Equal(answers[0].StatusCode == HttpStatusCode.OK ? (MentorshipStatus.Active, 1) : (MentorshipStatus.Declined, 0),
            (after.Status, await ActiveMenteesAsync(maria)));

        // A mentor whose places are all taken elsewhere cannot be the second to accept: 409, the match waits.
        var (other, ann, olga) = await DirectAsync("Full", mentorCapacity: 1);
        var busy = await app.MenteeAsync("Ben Busy");
        var request = await busy.ProposeAsync(olga);
        Assert.Equal(HttpStatusCode.OK, (await olga.AcceptAsync(request.Id(), 1)).StatusCode);
        await Approve(other, await DraftAsync(other, ann, olga));
        var full = await MentorshipAsync(ann);
        Assert.Equal(HttpStatusCode.OK, (await ann.AcceptAsync(full.Id, 1)).StatusCode);
        var refused = await olga.AcceptAsync(full.Id, 1);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("no room for another mentee", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((MentorshipStatus.Proposed, 1), ((await MentorshipAsync(ann)).Status, await ActiveMenteesAsync(olga)));
    }

    private async Task<(TestProgramme, Person Mentee, Person Mentor)> DirectAsync(string suffix, int mentorCapacity = 3)
    {
        var programme = await app.EnrollingAsync(kind: "Evergreen");
        await programme.SetModeAsync("ByHand", startDirectly: true);
        Assert.True((bool)(await programme.ViewAsync())["startDirectly"]!);
        var tom = await app.MenteeAsync($"Tom {suffix}");
        var maria = await app.MentorAsync($"Maria {suffix}", mentorCapacity);
        await tom.EnrolledAsync(programme, "Mentee");
        await maria.EnrolledAsync(programme, "Mentor");
        return (programme, tom, maria);
    }

    private static async Task<JsonObject> DraftAsync(TestProgramme programme, Person mentee, Person mentor) =>
        await (await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/drafts", new { menteeId = mentee.Id, mentorId = mentor.Id })).JsonAsync();

    private static Task<HttpResponseMessage> Approve(TestProgramme programme, JsonObject draft) =>
        programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/drafts/{draft["id"]}/approve", new { version = draft["version"] });

    private Task<Mentorship> MentorshipAsync(Person mentee) =>
        app.WithDbAsync(db => db.Mentorships.AsNoTracking().Include(m => m.Versions).SingleAsync(m => m.MenteeId == mentee.Id));

    private Task<int> ActiveMenteesAsync(Person mentor) =>
        app.WithDbAsync(db => db.Profiles.Where(p => p.MemberId == mentor.Id).Select(p => p.ActiveMentees).SingleAsync());

    private static async Task<JsonObject> ViewAsync(Person who, Guid id) =>
        (await who.Api.GetFromJsonAsync<JsonObject>($"/api/v1/mentorships/{id}"))!;

    private static async Task<List<(string Title, string Body)>> NotificationsAsync(Person who) =>
        (await who.Api.GetFromJsonAsync<JsonObject>("/api/v1/me/notifications"))!["items"]!.AsArray()
            .Select(n => ((string)n!["title"]!, (string)n["body"]!)).ToList();

    private static async Task<List<string>> TitlesAsync(Person who) => [.. (await NotificationsAsync(who)).Select(n => n.Title)];
}
