using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Programmes.Matching;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Programmes;

/// <summary>Matching by hand: the board's candidates and reasons, the side-by-side comparison, drafts made from the board.</summary>
public sealed class MatchBoardTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task TheBoard_ShowsUnmatchedMentees_WithTheBestMentorsWhoHaveAPlace_AndFindAMentorsReasons()
    {
        var programme = await app.EnrollingAsync(kind: "Evergreen");
        await programme.SetModeAsync("ByHand");
        var team = await programme.QuestionAsync("team", "ShortText", "Hard", hardRule: "Different");
        var maria = await app.MentorAsync("Maria Same Team");
        var mark = await app.MentorAsync("Mark Other Team");
        var olga = await app.MentorAsync("Olga Full");
        var tom = await app.ProfiledMenteeAsync("Tom Board");
        var ben = await app.ProfiledMenteeAsync("Ben Board");
        var ann = await app.ProfiledMenteeAsync("Ann Drafted");
        await maria.EnrolledAsync(programme, "Mentor", new() { [team] = ["Payments"] }, capacity: 1);
        await mark.EnrolledAsync(programme, "Mentor", new() { [team] = ["Growth"] }, capacity: 2);
        await olga.EnrolledAsync(programme, "Mentor", new() { [team] = ["Growth"] }, capacity: 1);
        await tom.EnrolledAsync(programme, "Mentee", new() { [team] = ["payments "] }); // the same team, told differently
        await ben.EnrolledAsync(programme, "Mentee");
        await ann.EnrolledAsync(programme, "Mentee");
        var annDraft = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/drafts", new { menteeId = ann.Id, mentorId = olga.Id });
        Assert.True(annDraft.IsSuccessStatusCode, await annDraft.Content.ReadAsStringAsync());

        var board = await BoardAsync(programme);

        // Ann has a draft; Olga's one place is taken by it; Maria is on Tom's team (a hard question).
        Assert.Equal(2, (int)board["total"]!);
        Assert.Equal(2, (int)board["mentorsWithPlaces"]!);
        var mentees = board["mentees"]!.AsArray().ToDictionary(m => m!["memberId"]!.GetValue<Guid>());
        Assert.Equal(new[] { tom.Id, ben.Id }.Order(), mentees.Keys.Order());
        Assert.Equal([mark.Id], Candidates(mentees[tom.Id]!));
        Assert.Equal(new[] { maria.Id, mark.Id }.Order(), Candidates(mentees[ben.Id]!).Order());

        // One engine: the candidate's score and reasons are exactly what the draft (Find a mentor's scorer) records.
        var shown = mentees[tom.Id]!["candidates"]!.AsArray().Single()!;
        Assert.NotEmpty(shown["reasons"]!.AsArray());
        var page = await programme.Owner.Member.Browser.GetStringAsync($"{programme.Manage}/Matching");
        Assert.Contains("Tom Board", page, StringComparison.Ordinal);
        Assert.Contains("Mark Other Team", page, StringComparison.Ordinal);
        Assert.Contains($"{(int)shown["match"]!}% match", page, StringComparison.Ordinal);
        // Each form beside a mentee or a draft posts to its own handler and page (asp-route-page had made their action
        // empty, so a browser posted to the board itself and nothing happened), and ?page= turns the board's pages.
        var actions = Regex.Matches(page, "<form method=\"post\" action=\"([^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Contains(actions, a => a.EndsWith("?handler=Draft&page=1", StringComparison.Ordinal));
        Assert.Contains(actions, a => a.EndsWith("?handler=Remove&page=1", StringComparison.Ordinal));
        Assert.All(actions, a => Assert.StartsWith($"{programme.Manage}/Matching?handler=", a, StringComparison.Ordinal));
        Assert.DoesNotContain("id=\"no-unmatched\"", page, StringComparison.Ordinal);
        var second = await programme.Owner.Member.Browser.GetStringAsync($"{programme.Manage}/Matching?page=2");
        Assert.Contains("id=\"no-unmatched\"", second, StringComparison.Ordinal);
        Assert.Contains("?handler=Remove&amp;page=2", second, StringComparison.Ordinal);

        var drafted = await programme.Owner.Member.Browser.PostAsync($"{programme.Manage}/Matching",
            new { menteeId = tom.Id, mentorId = mark.Id }, handler: "Draft");
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var draft = await app.WithDbAsync(db => db.DraftMatches.AsNoTracking().SingleAsync(d => d.ProgrammeId == programme.Id && d.MenteeId == tom.Id));
        Assert.Equal((mark.Id, DraftStatus.Draft, DraftSource.ByHand, (int)shown["match"]!), (draft.MentorId, draft.Status, draft.Source, draft.Score));
        Assert.Equal(shown["reasons"]!.AsArray().Select(r => (string)r!), draft.Reasons);
        var after = await BoardAsync(programme);
        Assert.Equal([ben.Id], after["mentees"]!.AsArray().Select(m => m!["memberId"]!.GetValue<Guid>()));

        // Approve Tom's from the board (the existing approval path), remove Ann's: she is unmatched again.
        var approved = await programme.Owner.Member.Browser.PostAsync($"{programme.Manage}/Matching",
            new { draftId = draft.Id, version = draft.Version }, handler: "Approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var mentorship = await app.WithDbAsync(db => db.Mentorships.AsNoTracking().SingleAsync(m => m.MenteeId == tom.Id));
        Assert.Equal((mark.Id, programme.Id, MentorshipStatus.Proposed), (mentorship.MentorId, mentorship.ProgrammeId, mentorship.Status));
        var annId = await app.WithDbAsync(db => db.DraftMatches.Where(d => d.MenteeId == ann.Id).Select(d => d.Id).SingleAsync());
        var removed = await programme.Owner.Member.Browser.PostAsync($"{programme.Manage}/Matching", new { draftId = annId }, handler: "Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(DraftStatus.Discarded, await app.WithDbAsync(db => db.DraftMatches.Where(d => d.Id == annId).Select(d => d.Status).SingleAsync()));
        var last = await BoardAsync(programme);
        Assert.Equal(new[] { ben.Id, ann.Id }.Order(), last["mentees"]!.AsArray().Select(m => m!["memberId"]!.GetValue<Guid>()).Order());
        // Mark has one place left after Tom's proposal, Olga hers again; Maria's is still free.
        Assert.Equal(3, (int)last["mentorsWithPlaces"]!);
    }

    [Fact]
    public async Task TheComparison_ShowsTheTwoSideBySide_MarkingWhatTheyShare()
    {
        var programme = await app.EnrollingAsync(kind: "Evergreen");
        await programme.SetModeAsync("ByHand");
        var site = await programme.QuestionAsync("site", "SingleChoice", "Soft", choices: ["Lisbon", "Porto"]);
        var maria = await app.MentorAsync("Maria Compared");
        var tom = await app.ProfiledMenteeAsync("Tom Compared");
        await maria.EnrolledAsync(programme, "Mentor", new() { [site] = ["Lisbon"] });
        await tom.EnrolledAsync(programme, "Mentee", new() { [site] = ["Lisbon"] });

        var compared = await programme.Owner.Api.GetFromJsonAsync<JsonObject>($"{programme.Api}/compare?menteeId={tom.Id}&mentorId={maria.Id}");

        Assert.Equal(["pt"], Shared(compared!["mentee"]!["languages"]!));
        Assert.Equal(["roadmaps"], Shared(compared["mentee"]!["skills"]!));
        Assert.Equal(["climbing"], Shared(compared["mentor"]!["interests"]!));
        Assert.Equal(["video"], Shared(compared["mentor"]!["formats"]!));
        Assert.False((bool)compared["sameField"]!);
        var answer = compared["answers"]!.AsArray().Single()!;
        Assert.Equal(("What is your site?", true), ((string)answer["question"]!, (bool)answer["shared"]!));
        var drafted = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/drafts", new { menteeId = tom.Id, mentorId = maria.Id });
        var score = (await drafted.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((int)score["score"]!, (int)compared["score"]!);
        Assert.Equal(score["reasons"]!.AsArray().Select(r => (string)r!), compared["reasons"]!.AsArray().Select(r => (string)r!));
        var page = await programme.Owner.Member.Browser.GetStringAsync($"{programme.Manage}/Matching/Compare?mentee={tom.Id}&mentor={maria.Id}");
        Assert.Contains("<mark>roadmaps</mark>", page, StringComparison.Ordinal);
        Assert.Contains("<mark>Lisbon</mark>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Twelve years in robotics", page, StringComparison.Ordinal); // a bio is not the coordinator's to read

        // Someone not in the programme in that role is not there to compare.
        Assert.Equal(HttpStatusCode.NotFound, (await programme.Owner.Api.GetAsync($"{programme.Api}/compare?menteeId={maria.Id}&mentorId={tom.Id}")).StatusCode);
    }

    [Fact]
    public async Task TheBoardAndTheComparison_Are404_ForAnyoneButTheProgrammesCoordinators()
    {
        var programme = await app.EnrollingAsync(kind: "Evergreen");
        var other = await app.EnrollingAsync(kind: "Evergreen", name: "Another programme");
        var maria = await app.MentorAsync("Maria Guarded");
        var tom = await app.ProfiledMenteeAsync("Tom Guarded");
        await maria.EnrolledAsync(programme, "Mentor");
        await tom.EnrolledAsync(programme, "Mentee");

        foreach (var outsider in new[] { other.Owner, tom, maria })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.GetAsync($"{programme.Api}/board")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.GetAsync($"{programme.Api}/compare?menteeId={tom.Id}&mentorId={maria.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Member.Browser.GetAsync($"{programme.Manage}/Matching")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound,
                (await outsider.Member.Browser.GetAsync($"{programme.Manage}/Matching/Compare?mentee={tom.Id}&mentor={maria.Id}")).StatusCode);
        }
        var bad = await programme.Owner.Api.GetAsync($"{programme.Api}/board?pageSize=500");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("pageSize", (await bad.ErrorsAsync()).Select(e => e.Key));
    }

    private async Task<JsonObject> BoardAsync(TestProgramme programme)
    {
        var response = await programme.Owner.Api.GetAsync($"{programme.Api}/board");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static List<Guid> Candidates(JsonNode mentee) =>
        mentee["candidates"]!.AsArray().Select(c => c!["mentorId"]!.GetValue<Guid>()).ToList();

    private static List<string> Shared(JsonNode items) =>
        items.AsArray().Where(i => (bool)i!["shared"]!).Select(i => (string)i!["text"]!).ToList();
}
