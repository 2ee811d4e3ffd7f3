using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Timeline;

namespace Trellis.Web.Tests.Goals;

public sealed class GoalApiTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    private static string InAYear => DateOnly.FromDateTime(DateTime.UtcNow.AddYears(1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<JsonObject> CreateAsync(Person owner, string title, params Guid[] mentorshipIds)
    {
        var response = await owner.PostJsonAsync("/api/v1/me/goals", new { title, whyItMatters = "It matters", targetDate = InAYear, measurableOutcome = "An offer", mentorshipIds });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static Guid IdOf(JsonNode? node) => Guid.Parse((string)node!["id"]!);

    [Fact]
    public async Task AcceptingAMentorship_SeedsTheAgreementsGoals_ReusingOnesTheMenteeHasAlready()
    {
        var mentor = await app.MentorAsync("Maria Seed");
        var mentee = await app.MenteeAsync("Tom Seed");
        var existing = IdOf(await CreateAsync(mentee, "learn to run a ROADMAP review"));
        var id = (await mentee.ProposeAsync(mentor)).Id();

        // Nothing is seeded while the request is open.
        Assert.Single((await mentee.Api.GetFromJsonAsync<JsonArray>("/api/v1/me/goals"))!);
        (await mentor.AcceptAsync(id, 1)).EnsureSuccessStatusCode();

        var mine = (await mentee.Api.GetFromJsonAsync<JsonArray>("/api/v1/me/goals"))!;
        Assert.Equal(2, mine.Count);
        Assert.Equal(existing, IdOf(mine.Single(g => (string)g!["title"]! == "learn to run a ROADMAP review")));
        Assert.Contains(mine, g => (string)g!["title"]! == "Move from engineering into product management");
        Assert.All(mine, g => Assert.Equal(id, Guid.Parse((string)g!["links"]![0]!["mentorshipId"]!)));

        var seenByMentor = await mentor.GetJsonAsync($"/api/v1/mentorships/{id}/goals");
        Assert.Equal(2, seenByMentor["goals"]!.AsArray().Count);
        Assert.All(seenByMentor["goals"]!.AsArray(), g => Assert.False((bool)g!["canEdit"]!));
        Assert.All(seenByMentor["goals"]!.AsArray(), g => Assert.Empty(g!["links"]!.AsArray())); // the mentee's other mentorships are not the mentor's business

        // A second mentorship with the same goals shares the same two goals instead of copying them.
        var second = await mentee.WorkWithAsync(await app.MentorAsync("Maria Second"));
        mine = (await mentee.Api.GetFromJsonAsync<JsonArray>("/api/v1/me/goals"))!;
        Assert.Equal(2, mine.Count);
        Assert.All(mine, g => Assert.Equal(2, g!["links"]!.AsArray().Count));
        Assert.Equal(2, await app.WithDbAsync(db => db.TimelineEntries.CountAsync(e => (e.MentorshipId == id || e.MentorshipId == second.Id) && e.Kind == "goal")));
    }

    [Fact]
    public async Task AGoalIsSeenOnlyByTheMentorsOfTheMentorshipsItIsLinkedTo()
    {
        var linked = await app.ActiveAsync("Linked");
        var mentee = linked.Mentee;
        var other = await mentee.WorkWithAsync(await app.MentorAsync("Maria NotLinked"));
        var goal = IdOf(await CreateAsync(mentee, "Speak at a conference", linked.Id));
        var privateGoal = IdOf(await CreateAsync(mentee, "Find a new job quietly"));

        Assert.Equal("Speak at a conference", (string)(await linked.Mentor.GetJsonAsync($"/api/v1/mentorships/{linked.Id}/goals/{goal}"))["title"]!);
        Assert.DoesNotContain((await linked.Mentor.GetJsonAsync($"/api/v1/mentorships/{linked.Id}/goals"))["goals"]!.AsArray(), g => IdOf(g) == privateGoal);

        // The mentor of the mentee's other, non-linked mentorship: 404 however they ask.
        Assert.Equal(HttpStatusCode.NotFound, (await other.Mentor.Api.GetAsync($"/api/v1/mentorships/{other.Id}/goals/{goal}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Mentor.Api.GetAsync($"/api/v1/mentorships/{linked.Id}/goals/{goal}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Mentor.Api.GetAsync($"/api/v1/me/goals/{goal}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Mentor.PostJsonAsync($"/api/v1/mentorships/{other.Id}/goals/{goal}/notes", new { text = "Nosy" })).StatusCode);
        Assert.DoesNotContain((await other.Mentor.GetJsonAsync($"/api/v1/mentorships/{other.Id}/goals"))["goals"]!.AsArray(), g => IdOf(g) == goal);
        // The linked mentor cannot reach the private goal, nor change the linked one.
        Assert.Equal(HttpStatusCode.NotFound, (await linked.Mentor.Api.GetAsync($"/api/v1/mentorships/{linked.Id}/goals/{privateGoal}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await linked.Mentor.Api.PutAsJsonAsync($"/api/v1/me/goals/{goal}", new { title = "Mine now", version = Guid.NewGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await linked.Mentor.Api.DeleteAsync($"/api/v1/me/goals/{goal}")).StatusCode);

        // The linked mentor comments; the mentee sees it marked with the author; once the goal is also shared with
        // the other mentor, they see the mentee's notes but not the first mentor's.
        (await linked.Mentor.PostJsonAsync($"/api/v1/mentorships/{linked.Id}/goals/{goal}/notes", new { text = "Submit to **two** CFPs" })).EnsureSuccessStatusCode();
        (await mentee.PostJsonAsync($"/api/v1/me/goals/{goal}/notes", new { text = "Drafted an abstract" })).EnsureSuccessStatusCode();
        var notes = (await mentee.GetJsonAsync($"/api/v1/me/goals/{goal}"))["notes"]!.AsArray();
        Assert.Equal(new[] { "Maria Linked", "Tom Linked" }, notes.Select(n => (string)n!["authorName"]!));
        Assert.Equal(new[] { false, true }, notes.Select(n => (bool)n!["byOwner"]!));

        (await mentee.PostJsonAsync($"/api/v1/me/goals/{goal}/links", new { mentorshipId = other.Id })).EnsureSuccessStatusCode();
        var seenByOther = await other.Mentor.GetJsonAsync($"/api/v1/mentorships/{other.Id}/goals/{goal}");
        Assert.Equal(new[] { "Drafted an abstract" }, seenByOther["notes"]!.AsArray().Select(n => (string)n!["text"]!));

        // Unlinking hides it again.
        (await mentee.Api.DeleteAsync($"/api/v1/me/goals/{goal}/links/{other.Id}")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Mentor.Api.GetAsync($"/api/v1/mentorships/{other.Id}/goals/{goal}")).StatusCode);

        // The timeline tells both members something happened, without the goal's words.
        var texts = await app.WithDbAsync(db => db.TimelineEntries.Where(e => e.MentorshipId == linked.Id && e.Kind == "goal").Select(e => e.Text).ToListAsync());
        Assert.Contains("Maria Linked added a progress note to a goal.", texts);
        Assert.All(texts, t => Assert.DoesNotContain("conference", t, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Milestones_CanBeAdded_TickedOff_AndRemoved_ByTheOwnerOnly()
    {
        var w = await app.ActiveAsync("Milestones");
        var goal = IdOf(await CreateAsync(w.Mentee, "Ship a side project", w.Id));
        var added = await (await w.Mentee.PostJsonAsync($"/api/v1/me/goals/{goal}/milestones", new { title = "Pick the idea", dueDate = "2020-01-01" })).JsonAsync();
        var milestone = IdOf(added["milestones"]![0]);
        Assert.True((bool)added["milestones"]![0]!["overdue"]!);

        var ticked = await w.Mentee.Api.PutAsJsonAsync($"/api/v1/me/goals/{goal}/milestones/{milestone}", new { title = "Pick the idea", dueDate = "2020-01-01", done = true });
        var view = await ticked.JsonAsync();
        Assert.True((bool)view["milestones"]![0]!["done"]!);
        Assert.False((bool)view["milestones"]![0]!["overdue"]!);
        Assert.True(await app.WithDbAsync(db => db.TimelineEntries.AnyAsync(e => e.MentorshipId == w.Id && e.Text == "Tom Milestones reached a milestone of a goal.")));

        await (await w.Mentee.Api.PutAsJsonAsync($"/api/v1/me/goals/{goal}/milestones/{milestone}", new { title = " ", done = true })).AssertNamesFieldAsync("title");
        Assert.Equal(HttpStatusCode.NotFound, (await w.Mentee.Api.PutAsJsonAsync($"/api/v1/me/goals/{goal}/milestones/{Guid.NewGuid()}", new { title = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Mentor.PostJsonAsync($"/api/v1/me/goals/{goal}/milestones", new { title = "Mentor's idea" })).StatusCode);

        (await w.Mentee.Api.DeleteAsync($"/api/v1/me/goals/{goal}/milestones/{milestone}")).EnsureSuccessStatusCode();
        Assert.Equal(0, await app.WithDbAsync(db => db.Goals.Where(g => g.Id == goal).SelectMany(g => g.Milestones).CountAsync()));

        Assert.Equal(HttpStatusCode.NoContent, (await w.Mentee.Api.DeleteAsync($"/api/v1/me/goals/{goal}")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Goals.AnyAsync(g => g.Id == goal)));
        Assert.Equal(HttpStatusCode.NotFound, (await w.Mentor.Api.GetAsync($"/api/v1/mentorships/{w.Id}/goals/{goal}")).StatusCode);
    }

    [Fact]
    public async Task TwoEditsFromTheSameVersion_TheSecondGets409()
    {
        var owner = await app.MenteeAsync("Tom Edits");
        var goal = await CreateAsync(owner, "Get promoted");
        var id = IdOf(goal);
        var version = (string)goal["version"]!;

        var first = await owner.Api.PutAsJsonAsync($"/api/v1/me/goals/{id}", new { title = "Get promoted to staff", targetDate = InAYear, version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await owner.Api.PutAsJsonAsync($"/api/v1/me/goals/{id}", new { title = "Get promoted to principal", targetDate = InAYear, version });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("Get promoted to staff", await app.WithDbAsync(db => db.Goals.Where(g => g.Id == id).Select(g => g.Title).SingleAsync()));

        var fresh = (string)(await first.JsonAsync())["version"]!;
        Assert.Equal(HttpStatusCode.OK, (await owner.Api.PutAsJsonAsync($"/api/v1/me/goals/{id}", new { title = "Get promoted to principal", version = fresh })).StatusCode);
    }

    [Fact]
    public async Task BadInput_Returns400NamingTheField_AndWritesNothing()
    {
        var w = await app.ActiveAsync("BadGoal");
        var stranger = await app.ActiveAsync("Stranger");
        var before = await app.WithDbAsync(db => db.Goals.CountAsync(g => g.OwnerId == w.Mentee.Id));
        var past = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await (await w.Mentee.PostJsonAsync("/api/v1/me/goals", new { title = "" })).AssertNamesFieldAsync("title");
        await (await w.Mentee.PostJsonAsync("/api/v1/me/goals", new { title = new string('t', 201) })).AssertNamesFieldAsync("title");
        await (await w.Mentee.PostJsonAsync("/api/v1/me/goals", new { title = "Ok", targetDate = past })).AssertNamesFieldAsync("targetDate");
        await (await w.Mentee.PostJsonAsync("/api/v1/me/goals", new { title = "Ok", targetDate = "next spring" })).AssertNamesFieldAsync("targetDate");
        await (await w.Mentee.PostJsonAsync("/api/v1/me/goals", new { title = "Ok", whyItMatters = new string('w', 2001) })).AssertNamesFieldAsync("whyItMatters");
        // Someone else's mentorship, and one where I am the mentor, look like no mentorship at all.
        Assert.Equal(HttpStatusCode.NotFound, (await w.Mentee.PostJsonAsync("/api/v1/me/goals", new { title = "Ok", mentorshipIds = new[] { stranger.Id } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Mentor.PostJsonAsync("/api/v1/me/goals", new { title = "Ok", mentorshipIds = new[] { w.Id } })).StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.Goals.CountAsync(g => g.OwnerId == w.Mentee.Id)));
        Assert.False(await app.WithDbAsync(db => db.Goals.AnyAsync(g => g.OwnerId == w.Mentor.Id)));

        var goal = await CreateAsync(w.Mentee, "Lead a team");
        var id = IdOf(goal);
        await (await w.Mentee.Api.PutAsJsonAsync($"/api/v1/me/goals/{id}", new { title = "Lead a team", targetDate = past, version = (string)goal["version"]! })).AssertNamesFieldAsync("targetDate");
        await (await w.Mentee.Api.PutAsJsonAsync($"/api/v1/me/goals/{id}", new { title = "Lead a team" })).AssertNamesFieldAsync("version");
        await (await w.Mentee.PostJsonAsync($"/api/v1/me/goals/{id}/notes", new { text = "" })).AssertNamesFieldAsync("text");
        await (await w.Mentee.PostJsonAsync($"/api/v1/me/goals/{id}/milestones", new { title = "" })).AssertNamesFieldAsync("title");
        await (await w.Mentee.PostJsonAsync($"/api/v1/me/goals/{id}/links", new { })).AssertNamesFieldAsync("mentorshipId");
        Assert.Equal(HttpStatusCode.NotFound, (await w.Mentee.PostJsonAsync($"/api/v1/me/goals/{id}/links", new { mentorshipId = stranger.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Mentee.PostJsonAsync($"/api/v1/mentorships/{stranger.Id}/goals/{id}/notes", new { text = "x" })).StatusCode);

        var stored = await app.WithDbAsync(db => db.Goals.AsNoTracking().Include(g => g.Milestones).Include(g => g.Notes).Include(g => g.Links).SingleAsync(g => g.Id == id));
        Assert.Equal((string)goal["version"]!, stored.Version.ToString());
        Assert.Empty(stored.Milestones);
        Assert.Empty(stored.Notes);
        Assert.Empty(stored.Links);
    }

    [Fact]
    public async Task AGoalCanBeSharedOnlyWithAnActiveMentorship()
    {
        var mentor = await app.MentorAsync("Maria Open");
        var mentee = await app.MenteeAsync("Tom Open");
        var id = (await mentee.ProposeAsync(mentor)).Id();
        var goal = IdOf(await CreateAsync(mentee, "Change careers"));
        Assert.Equal(HttpStatusCode.Conflict, (await mentee.PostJsonAsync($"/api/v1/me/goals/{goal}/links", new { mentorshipId = id })).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Goals.Where(g => g.Id == goal).SelectMany(g => g.Links).AnyAsync()));
    }

    [Fact]
    public async Task DeletingTheAccount_DeletesTheMembersGoals()
    {
        var w = await app.ActiveAsync("Leaving");
        var goal = IdOf(await CreateAsync(w.Mentee, "Something private", w.Id));
        (await w.Mentee.PostJsonAsync($"/api/v1/me/goals/{goal}/milestones", new { title = "Step one" })).EnsureSuccessStatusCode();
        (await w.Mentor.PostJsonAsync($"/api/v1/mentorships/{w.Id}/goals/{goal}/notes", new { text = "Good luck" })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NoContent, (await w.Mentee.PostJsonAsync("/api/v1/me/delete", new { password = Members.GoodPassword })).StatusCode);

        Assert.False(await app.WithDbAsync(db => db.Goals.AnyAsync(g => g.OwnerId == w.Mentee.Id)));
        Assert.False(await app.WithDbAsync(db => db.Set<Trellis.Web.Features.Goals.GoalNote>().AnyAsync(n => n.GoalId == goal)));
        Assert.False(await app.WithDbAsync(db => db.Set<Trellis.Web.Features.Goals.GoalLink>().AnyAsync(l => l.MentorshipId == w.Id)));
        Assert.Empty((await w.Mentor.GetJsonAsync($"/api/v1/mentorships/{w.Id}/goals"))["goals"]!.AsArray());
    }
}
