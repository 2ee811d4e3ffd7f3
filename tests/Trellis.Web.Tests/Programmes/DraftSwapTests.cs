using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Programmes.Matching;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Programmes;

/// <summary>Swapping the mentors of two drafts on the board: versions checked, every rule checked again for the new pairs.</summary>
public sealed class DraftSwapTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task Swapping_ExchangesTheMentors_ScoredAfresh_AStaleVersionIs409_AndTheBoardStillApprovesAndRemoves()
    {
        var (programme, team) = await ProgrammeAsync();
        var (tom, eve, ann) = (await MenteeAsync(programme, team, "Tom Swap", "A"), await MenteeAsync(programme, team, "Eve Swap", "B"),
            await MenteeAsync(programme, team, "Ann Swap", "C"));
        var (maria, olga, mark) = (await MentorAsync(programme, team, "Maria Swap", "X"), await MentorAsync(programme, team, "Olga Swap", "Y"),
            await MentorAsync(programme, team, "Mark Swap", "Z"));
        var first = await DraftAsync(programme, tom, maria);
        var second = await DraftAsync(programme, eve, olga);
        await DraftAsync(programme, ann, mark);
        var outsider = await app.EnrollingAsync(kind: "Evergreen", name: "Another programme");

        Assert.Equal(HttpStatusCode.NotFound, (await Swap(programme, first, second, outsider.Owner)).StatusCode);
        var stale = await Swap(programme, first, second, second2: new { id = second["id"], version = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var missing = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/drafts/swap", new { first = new { id = first["id"], version = first["version"] } });
        Assert.Equal(["second"], (await missing.ErrorsAsync()).Select(e => e.Key));
        Assert.Equal((maria.Id, olga.Id), (await MentorOfAsync(tom), await MentorOfAsync(eve)));

        var swapped = await Swap(programme, first, second);

        Assert.Equal(HttpStatusCode.OK, swapped.StatusCode);
        var views = (await swapped.Content.ReadFromJsonAsync<JsonArray>())!;
        Assert.Equal((olga.Id, maria.Id), (await MentorOfAsync(tom), await MentorOfAsync(eve)));
        foreach (var (view, mentee, mentor) in new[] { (views[0]!, tom, olga), (views[1]!, eve, maria) })
        {
            Assert.Equal("ByHand", (string)view["source"]!);
            var compared = await programme.Owner.Api.GetFromJsonAsync<JsonObject>($"{programme.Api}/compare?menteeId={mentee.Id}&mentorId={mentor.Id}");
            Assert.Equal((int)compared!["score"]!, (int)view["score"]!);
            Assert.Equal(compared["reasons"]!.AsArray().Select(r => (string)r!), view["reasons"]!.AsArray().Select(r => (string)r!));
        }
        // The versions read before the swap are stale now.
        Assert.Equal(HttpStatusCode.Conflict, (await Swap(programme, first, second)).StatusCode);
        Assert.Equal((olga.Id, maria.Id), (await MentorOfAsync(tom), await MentorOfAsync(eve)));

        // From the page: swap back, then remove one and approve all the rest, as the board does.
        var page = await programme.Owner.Member.Browser.GetStringAsync($"{programme.Manage}/Matching");
        Assert.Contains("Swap mentors: Tom Swap", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"draft-source\">by hand</td>", page, StringComparison.Ordinal);
        var drafts = await app.WithDbAsync(db => db.DraftMatches.AsNoTracking().Where(d => d.ProgrammeId == programme.Id).ToListAsync());
        var (t, e) = (drafts.Single(d => d.MenteeId == tom.Id), drafts.Single(d => d.MenteeId == eve.Id));
        var back = await programme.Owner.Member.Browser.PostAsync($"{programme.Manage}/Matching",
            new { draftId = t.Id, version = t.Version, with = $"{e.Id}/{e.Version}" }, handler: "Swap");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal((maria.Id, olga.Id), (await MentorOfAsync(tom), await MentorOfAsync(eve)));
        var annDraft = drafts.Single(d => d.MenteeId == ann.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await programme.Owner.Member.Browser.PostAsync($"{programme.Manage}/Matching",
            new { draftId = annDraft.Id }, handler: "Remove")).StatusCode);
        var open = await app.WithDbAsync(db => db.DraftMatches.AsNoTracking()
            .Where(d => d.ProgrammeId == programme.Id && d.Status == DraftStatus.Draft).ToListAsync());
        var fields = open.SelectMany(d => new[] { new KeyValuePair<string, string>("draftIds", d.Id.ToString()),
            new KeyValuePair<string, string>("versions", d.Version.ToString()) });
        Assert.Equal(HttpStatusCode.Redirect, (await programme.Owner.Member.Browser.PostAsync($"{programme.Manage}/Matching", fields, "ApproveAll")).StatusCode);
        var pairs = await app.WithDbAsync(db => db.Mentorships.AsNoTracking().Where(m => m.ProgrammeId == programme.Id)
            .Select(m => new { m.MenteeId, m.MentorId }).ToListAsync());
        Assert.Equal(new[] { (tom.Id, maria.Id), (eve.Id, olga.Id) }.Order(), pairs.Select(p => (p.MenteeId, p.MentorId)).Order());
        var csv = await programme.Owner.Api.GetStringAsync($"{programme.Api}/export/matches.csv");
        Assert.Contains(",Maria Swap,approved,by hand,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Ann Swap", csv, StringComparison.Ordinal); // a removed draft is not a match
    }

    [Fact]
    public async Task ASwapThatBreaksAHardQuestion_OrAPin_Is409_AndChangesNothing()
    {
        var (programme, team) = await ProgrammeAsync();
        var tom = await MenteeAsync(programme, team, "Tom Apart", "A");
        var eve = await MenteeAsync(programme, team, "Eve Apart", "B");
        var maria = await MentorAsync(programme, team, "Maria Apart", "B");
        var olga = await MentorAsync(programme, team, "Olga Apart", "A");
        var first = await DraftAsync(programme, tom, maria);
        var second = await DraftAsync(programme, eve, olga);

        // Tom and Olga are both on team A: the programme's "different team" question keeps them apart.
        var apart = await Swap(programme, first, second);
        Assert.Equal(HttpStatusCode.Conflict, apart.StatusCode);
        Assert.Contains("hard questions keep them apart", await apart.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var ben = await MenteeAsync(programme, team, "Ben Pinned", "C");
        var mark = await MentorAsync(programme, team, "Mark Pinned", "D");
        await (await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/pair-rules", new { menteeId = ben.Id, mentorId = mark.Id, kind = "Pin" })).JsonAsync();
        var pinned = await DraftAsync(programme, ben, mark);
        var pin = await Swap(programme, pinned, second);
        Assert.Equal(HttpStatusCode.Conflict, pin.StatusCode);
        Assert.Contains("remove the pin first", await pin.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var stored = await app.WithDbAsync(db => db.DraftMatches.AsNoTracking().Where(d => d.ProgrammeId == programme.Id).ToListAsync());
        Assert.Equal(new[] { (tom.Id, maria.Id), (eve.Id, olga.Id), (ben.Id, mark.Id) }.Order(), stored.Select(d => (d.MenteeId, d.MentorId)).Order());
        Assert.Equal(new[] { first, second, pinned }.Select(d => d["version"]!.GetValue<Guid>()).Order(), stored.Select(d => d.Version).Order());
    }

    private async Task<(TestProgramme, Guid Team)> ProgrammeAsync()
    {
        var programme = await app.EnrollingAsync(kind: "Evergreen");
        await programme.SetModeAsync("ByHand");
        return (programme, await programme.QuestionAsync("team", "ShortText", "Hard", hardRule: "Different"));
    }

    private async Task<Person> MentorAsync(TestProgramme programme, Guid team, string name, string answer)
    {
        var mentor = await app.MentorAsync(name);
        await mentor.EnrolledAsync(programme, "Mentor", new() { [team] = [answer] }, capacity: 1);
        return mentor;
    }

    private async Task<Person> MenteeAsync(TestProgramme programme, Guid team, string name, string answer)
    {
        var mentee = await app.ProfiledMenteeAsync(name);
        await mentee.EnrolledAsync(programme, "Mentee", new() { [team] = [answer] });
        return mentee;
    }

    private static async Task<JsonObject> DraftAsync(TestProgramme programme, Person mentee, Person mentor) =>
        await (await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/drafts", new { menteeId = mentee.Id, mentorId = mentor.Id })).JsonAsync();

    private static Task<HttpResponseMessage> Swap(TestProgramme programme, JsonObject first, JsonObject second, Person? who = null,
        object? second2 = null) =>
        (who ?? programme.Owner).Api.PostAsJsonAsync($"{programme.Api}/drafts/swap", new
        {
            first = new { id = first["id"], version = first["version"] },
            second = second2 ?? new { id = second["id"], version = second["version"] },
        });

    private Task<Guid> MentorOfAsync(Person mentee) =>
        app.WithDbAsync(db => db.DraftMatches.Where(d => d.MenteeId == mentee.Id && d.Status == DraftStatus.Draft).Select(d => d.MentorId).SingleAsync());
}
