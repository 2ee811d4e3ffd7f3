using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Profiles;

public sealed class ProfileApiTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task PutThenGet_RoundTripsEveryField_InBothRoles()
    {
        var member = await app.SignedInAsync("Both Roles");
        var api = await app.ApiAsync(member);
        var body = await ValidBody(api);

        var put = await api.PutAsJsonAsync("/api/v1/me/profile", body);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var got = await api.GetFromJsonAsync<JsonObject>("/api/v1/me/profile");
        Assert.Equal("Engineering manager who still writes code", (string?)got!["headline"]);
        Assert.Equal("Europe/Lisbon", (string?)got["timeZone"]);
        Assert.Equal(["en", "pt"], got["languages"]!.AsArray().Select(x => (string?)x));
        Assert.Equal("Acme Robotics", (string?)got["careerHistory"]![0]!["organisation"]);
        Assert.Equal("Move into product management", (string?)got["asMentee"]!["goals"]);
        Assert.Equal(3, (int?)got["asMentor"]!["capacity"]);
        Assert.Equal(["legacy", "learning"], got["asMentor"]!["motivations"]!.AsArray().Select(x => (string?)x));
        Assert.True((bool?)got["asMentor"]!["openToReverseMentoring"]);

        var stored = await app.WithDbAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.MemberId == member.Id));
        Assert.Equal(3, stored.MentorCapacity);
        Assert.Equal("Engineering", stored.Field);
    }

    public static TheoryData<string, object, string> BadFields => new()
    {
        { "timeZone", "Mars/Olympus_Mons", "IANA" },
        { "timeZone", "Pacific Standard Time", "IANA" },
        { "mentorCapacity", -1, "between 0 and 50" },
        { "yearsOfExperience", 71, "between 0 and 70" },
        { "headline", new string('h', 141), "at most 140" },
        { "bio", new string('b', 4001), "at most 4000" },
        { "languages", new[] { "english" }, "ISO 639-1" },
        { "languages", new[] { "zz" }, "ISO 639-1" },
        { "preferredFormats", new[] { "carrier pigeon" }, "not one of" },
        { "skills", Enumerable.Range(0, 31).Select(i => $"skill {i}").ToArray(), "At most 30" },
        { "displayName", "", "required" },
        { "workdayEndHour", 8, "later than the start" },
        { "mentorCapacity", "lots", "wrong type" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Put_WithABadField_Returns400NamingTheField_AndChangesNothing(string field, object value, string message)
    {
        var member = await app.SignedInAsync("Bad Input");
        var api = await app.ApiAsync(member);
        var body = await ValidBody(api);
        body[field] = JsonSerializer.SerializeToNode(value);
        var before = await app.WithDbAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.MemberId == member.Id));

        var response = await api.PutAsJsonAsync("/api/v1/me/profile", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        var errors = problem!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"errors should name {field}: {errors.ToJsonString()}");
        Assert.Contains(message, errors[field]![0]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        var after = await app.WithDbAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.MemberId == member.Id));
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
    }

    [Fact]
    public async Task Put_FromAStaleVersion_Returns409_AndKeepsTheNewerSave()
    {
        var member = await app.SignedInAsync("Two Tabs");
        var api = await app.ApiAsync(member);
        var tabA = await ValidBody(api);
        var tabB = await ValidBody(api);
        tabA["headline"] = "Saved first";
        tabB["headline"] = "Saved second from a stale copy";

        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync("/api/v1/me/profile", tabA)).StatusCode);
        var second = await api.PutAsJsonAsync("/api/v1/me/profile", tabB);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("Saved first", await app.WithDbAsync(db => db.Profiles.Where(p => p.MemberId == member.Id).Select(p => p.Headline).SingleAsync()));
    }

    [Fact]
    public async Task MeProfile_WithoutCredentials_Is401()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/me/profile");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Member_IsVisibleAccordingToTheirVisibility()
    {
        var owner = await app.SignedInAsync("Visible Owner");
        var ownerApi = await app.ApiAsync(owner);
        var viewer = await app.ApiAsync(await app.SignedInAsync("Other Member"));
        var anonymous = app.Anonymous();
        var url = $"/api/v1/members/{owner.Id}";

        await SetVisibility(ownerApi, "Members");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        var seen = await viewer.GetFromJsonAsync<JsonObject>(url);
        Assert.Equal("Visible Owner", (string?)seen!["displayName"]);
        Assert.Null(seen["version"]); // only the owner gets the editing version

        await SetVisibility(ownerApi, "Public");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url)).StatusCode);

        await SetVisibility(ownerApi, "Programs");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ownerApi.GetAsync(url)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/v1/members/{Guid.NewGuid()}")).StatusCode);
    }

    private static async Task SetVisibility(HttpClient api, string visibility)
    {
        var body = await ValidBody(api);
        body["displayName"] = "Visible Owner";
        body["visibility"] = visibility;
        (await api.PutAsJsonAsync("/api/v1/me/profile", body)).EnsureSuccessStatusCode();
    }

    internal static async Task<JsonObject> ValidBody(HttpClient api)
    {
        var current = await api.GetFromJsonAsync<JsonObject>("/api/v1/me/profile");
        return new JsonObject
        {
            ["displayName"] = "Both Roles",
            ["headline"] = "Engineering manager who still writes code",
            ["bio"] = "Twelve years in robotics software; I now lead a team of eight.",
            ["timeZone"] = "Europe/Lisbon",
            ["workdayStartHour"] = 9,
            ["workdayEndHour"] = 18,
            ["languages"] = new JsonArray("en", "pt"),
            ["field"] = "Engineering",
            ["currentRole"] = "Engineering manager",
            ["yearsOfExperience"] = 12,
            ["skills"] = new JsonArray("C#", "hiring", "roadmaps"),
            ["interests"] = new JsonArray("climbing", "sourdough"),
            ["careerHistory"] = new JsonArray(new JsonObject { ["title"] = "Software engineer", ["organisation"] = "Acme Robotics", ["fromYear"] = 2014, ["toYear"] = 2020 }),
            ["visibility"] = "Members",
            ["seekingMentor"] = true,
            ["menteeGoals"] = "Move into product management",
            ["qualitiesSought"] = new JsonArray("direct feedback"),
            ["preferredFormats"] = new JsonArray("video"),
            ["openToMentoring"] = true,
            ["mentorCapacity"] = 3,
            ["hoursPerMonth"] = 4,
            ["mentorTopics"] = new JsonArray("first-time managers"),
            ["qualitiesOffered"] = new JsonArray("patient"),
            ["formatsOffered"] = new JsonArray("video", "phone"),
            ["motivations"] = new JsonArray("legacy", "learning"),
            ["openToPeerMentoring"] = false,
            ["openToReverseMentoring"] = true,
            ["version"] = current!["version"]!.GetValue<Guid>(),
        };
    }
}
