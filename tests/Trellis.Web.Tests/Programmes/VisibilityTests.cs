using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Profiles;

namespace Trellis.Web.Tests.Programmes;

/// <summary>"Only people in my programmes" and Find a mentor inside a mentee-choice programme (docs/programmes.md).</summary>
public sealed class VisibilityTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task AProgrammesOnlyProfile_IsSeenAndAskedByCoMembers_AndIs404ToEveryoneElse()
    {
        var programme = await app.EnrollingAsync(kind: "Evergreen");
        var maria = await app.ProgrammesOnlyMentorAsync("Maria Programmes-Only");
        var tom = await app.MenteeAsync("Tom Co-member");
        var eve = await app.MenteeAsync("Eve Outsider");
        await maria.EnrolledAsync(programme, "Mentor", capacity: 2);
        await tom.EnrolledAsync(programme, "Mentee");
        var profile = $"/api/v1/members/{maria.Id}";

        var seen = await tom.Api.GetFromJsonAsync<JsonObject>(profile);
        Assert.Equal("Maria Programmes-Only", (string)seen!["displayName"]!);
        Assert.Contains("Maria Programmes-Only", await tom.Member.Browser.GetStringAsync($"/Members/{maria.Id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await eve.Api.GetAsync(profile)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await eve.Member.Browser.GetAsync($"/Members/{maria.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync(profile)).StatusCode);

        // Asking follows seeing: the co-member's request is made, the outsider's finds nobody and writes nothing.
        var outsider = await eve.Api.PostAsJsonAsync("/api/v1/mentorships", MentorshipBuilders.Proposal(maria.Id));
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Mentorships.Count(m => m.MenteeId == eve.Id))));
        var request = await tom.ProposeAsync(maria);
        Assert.Equal("Proposed", (string)request["status"]!);

        // Leaving ends the visibility; the mentorship request is Tom's and stays.
        (await tom.Api.PostAsJsonAsync($"{programme.Api}/leave", new { role = "Mentee" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await tom.Api.GetAsync(profile)).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.Mentorships.Count(m => m.MenteeId == tom.Id))));
    }

    [Fact]
    public async Task AClosedProgramme_NoLongerMakesItsMembersVisibleToEachOther()
    {
        var programme = await app.EnrollingAsync(kind: "Evergreen");
        var maria = await app.ProgrammesOnlyMentorAsync("Maria Closed");
        var tom = await app.MenteeAsync("Tom Closed");
        await maria.EnrolledAsync(programme, "Mentor");
        await tom.EnrolledAsync(programme, "Mentee");
        Assert.Equal(HttpStatusCode.OK, (await tom.Api.GetAsync($"/api/v1/members/{maria.Id}")).StatusCode);

        await programme.MoveAsync("Closed");

        Assert.Equal(HttpStatusCode.NotFound, (await tom.Api.GetAsync($"/api/v1/members/{maria.Id}")).StatusCode);
    }

    [Fact]
    public async Task FindAMentor_InAMenteeChoiceProgramme_ShowsOnlyItsMentors_ToItsMentees()
    {
        var programme = await app.EnrollingAsync(kind: "Evergreen");
        await programme.SetModeAsync("MenteeChoice");
        var maria = await app.ProgrammesOnlyMentorAsync("Maria In Programme");
        var mark = await app.MentorAsync("Mark In Programme");
        var olga = await app.MentorAsync("Olga Elsewhere");
        var tom = await app.MenteeAsync("Tom Choosing");
        var eve = await app.MenteeAsync("Eve Not Enrolled");
        await maria.EnrolledAsync(programme, "Mentor");
        await mark.EnrolledAsync(programme, "Mentor");
        await tom.EnrolledAsync(programme, "Mentee");

        var found = await tom.Api.GetFromJsonAsync<JsonObject>($"{programme.Api}/mentors");

        var mentors = found!["mentors"]!["results"]!.AsArray();
        Assert.Equal(new[] { maria.Id, mark.Id }.Order(), mentors.Select(m => m!["mentorId"]!.GetValue<Guid>()).Order());
        Assert.Equal(2, (int)found["mentors"]!["total"]!);
        Assert.All(mentors, m => Assert.False(string.IsNullOrWhiteSpace((string)m!["explanation"]!)));
        Assert.DoesNotContain(olga.Id.ToString(), found.ToJsonString(), StringComparison.Ordinal);
        var page = await tom.Member.Browser.GetStringAsync($"/Programmes/{programme.Slug}/Mentors");
        Assert.Contains("Maria In Programme", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Olga Elsewhere", page, StringComparison.Ordinal);
        Assert.Contains($"/Programmes/{programme.Slug}/Mentors", await tom.Member.Browser.GetStringAsync($"/Programmes/{programme.Slug}"),
            StringComparison.Ordinal);

        // Not a mentee of the programme (an outsider, or one of its mentors): as if it did not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await eve.Api.GetAsync($"{programme.Api}/mentors")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mark.Api.GetAsync($"{programme.Api}/mentors")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await eve.Member.Browser.GetAsync($"/Programmes/{programme.Slug}/Mentors")).StatusCode);
        var bad = await tom.Api.GetAsync($"{programme.Api}/mentors?pageSize=1000");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("pageSize", (await bad.ErrorsAsync()).Select(e => e.Key));
    }

    [Fact]
    public async Task FindAMentor_InAProgrammeWhoseCoordinatorsMatch_Is409()
    {
        var programme = await app.EnrollingAsync(kind: "Evergreen");
        await programme.SetModeAsync("Bulk");
        var tom = await app.MenteeAsync("Tom Waiting");
        await tom.EnrolledAsync(programme, "Mentee");

        var response = await tom.Api.GetAsync($"{programme.Api}/mentors");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("coordinators make the matches", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public static class VisibilityBuilders
{
    /// <summary>A mentor whose profile is visible only to people in their programmes.</summary>
    public static async Task<Person> ProgrammesOnlyMentorAsync(this TrellisApp app, string name)
    {
        var mentor = await app.MentorAsync(name);
        var body = await ProfileApiTests.ValidBody(mentor.Api);
        body["displayName"] = name;
        body["openToMentoring"] = true;
        body["mentorCapacity"] = 3;
        body["visibility"] = "Programs";
        (await mentor.Api.PutAsJsonAsync("/api/v1/me/profile", body)).EnsureSuccessStatusCode();
        return mentor;
    }

    public static async Task SetModeAsync(this TestProgramme programme, string mode, int maxOpenRequests = 3, bool startDirectly = false)
    {
        var view = await programme.ViewAsync();
        var saved = await programme.Owner.Api.PutAsJsonAsync($"{programme.Api}/matching-settings", new JsonObject
        {
            ["mode"] = mode, ["bulkMethod"] = "Optimal", ["maxOpenRequests"] = maxOpenRequests, ["startDirectly"] = startDirectly,
            ["template"] = view["template"]!.DeepClone(), ["introSubject"] = view["introSubject"]!.DeepClone(),
            ["introBody"] = view["introBody"]!.DeepClone(), ["version"] = view.Version(),
        });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }
}
