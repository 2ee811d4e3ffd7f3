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
        { "timeZone", "Mars/Olympus_Mons", "Pick your time zone from the list, or type your city, such as Paris or Europe/Paris." },
        { "timeZone", "Atlantis", "Pick your time zone from the list, or type your city, such as Paris or Europe/Paris." },
        { "mentorCapacity", -1, "between 0 and 50" },
        { "yearsOfExperience", 71, "between 0 and 70" },
        { "headline", new string('h', 141), "at most 140" },
        { "bio", new string('b', 4001), "at most 4000" },
        { "languages", new[] { "Elvish" }, "Write each language by its name or its two-letter code, such as English, Portuguese or fr." },
        { "languages", new[] { "zz" }, "Write each language by its name or its two-letter code" },
        { "preferredFormats", new[] { "carrier pigeon" }, "not one of" },
        { "skills", Enumerable.Range(0, 31).Select(i => $"skill {i}").ToArray(), "At most 30" },
        { "displayName", "", "required" },
        { "workdayEndHour", 8, "later than the start" },
        { "mentorCapacity", "lots", "wrong type" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public Task Put_WithABadField_Returns400NamingTheField_AndChangesNothing(string field, object value, string message) =>
        PutBadAsync(body => body[field] = JsonSerializer.SerializeToNode(value), field, message);

    [Fact]
    public async Task PutThenGet_RoundTripsDirectionLanguagesAskAndMeetingWindows()
    {
        var member = await app.SignedInAsync("Career Changer");
        var api = await app.ApiAsync(member);
        var body = await ValidBody(api);
        body["direction"] = "Move";
        body["targetField"] = " Legal tech ";
        body["targetRole"] = "Founder";
        body["previousFields"] = new JsonArray("Law", "law");
        body["requiredLanguages"] = new JsonArray("PT");
        body["ask"] = "Peer";
        body["meetingWindows"] = new JsonArray(Window("Monday", "19:00", "22:00"), Window("Saturday", "23:00", "01:30"));
        body["requireMeetingOverlap"] = true;

        var put = await api.PutAsJsonAsync("/api/v1/me/profile", body);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var got = (await api.GetFromJsonAsync<JsonObject>("/api/v1/me/profile"))!;
        var mentee = got["asMentee"]!;
        Assert.Equal("Move", (string?)mentee["direction"]);
        Assert.Equal("Legal tech", (string?)mentee["targetField"]);
        Assert.Equal("Founder", (string?)mentee["targetRole"]);
        Assert.Equal(["pt"], mentee["requiredLanguages"]!.AsArray().Select(x => (string?)x));
        Assert.Equal("Peer", (string?)mentee["ask"]);
        Assert.True((bool?)mentee["requireMeetingOverlap"]);
        Assert.Equal(["Law"], got["previousFields"]!.AsArray().Select(x => (string?)x));
        Assert.Equal("Saturday 23:00-01:30", string.Join("", got["meetingWindows"]![1]!.AsObject().Select(kv => kv.Key switch
        {
            "day" => (string?)kv.Value + " ",
            "start" => (string?)kv.Value + "-",
            _ => (string?)kv.Value,
        })));

        var stored = await app.WithDbAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.MemberId == member.Id));
        Assert.Equal(new TimeOnly(19, 0), stored.MeetingWindows[0].Start);
        Assert.Equal(DayOfWeek.Saturday, stored.MeetingWindows[1].Day);

        // Choosing to stay clears the target, so an old one cannot steer matching.
        body = await ValidBody(api);
        body["direction"] = "Stay";
        body["targetField"] = "Legal tech";
        (await api.PutAsJsonAsync("/api/v1/me/profile", body)).EnsureSuccessStatusCode();
        stored = await app.WithDbAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.MemberId == member.Id));
        Assert.Equal("", stored.TargetField);
        Assert.Empty(stored.MeetingWindows);
    }

    [Theory]
    [InlineData("London", "Europe/London")]
    [InlineData("gmt", "UTC")]
    [InlineData("são paulo", "America/Sao_Paulo")]
    [InlineData("New York", "America/New_York")]
    [InlineData("Pacific Standard Time", "America/Los_Angeles")]
    [InlineData("Europe/Paris", "Europe/Paris")]
    public async Task Put_WithATimeZoneAsPeopleSayIt_StoresItsIanaId(string given, string stored)
    {
        var member = await app.SignedInAsync("Zone Namer");
        var api = await app.ApiAsync(member);
        var body = await ValidBody(api);
        body["timeZone"] = given;
        var put = await api.PutAsJsonAsync("/api/v1/me/profile", body);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(stored, await app.WithDbAsync(db => db.Profiles.Where(p => p.MemberId == member.Id).Select(p => p.TimeZone).SingleAsync()));
    }

    [Fact]
    public async Task Put_WithLanguagesByName_StoresTheirCodes_InTheirOrder()
    {
        var member = await app.SignedInAsync("Language Namer");
        var api = await app.ApiAsync(member);
        var body = await ValidBody(api);
        body["languages"] = new JsonArray("English", "français", "PT");
        body["requiredLanguages"] = new JsonArray("Portuguese");
        var put = await api.PutAsJsonAsync("/api/v1/me/profile", body);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var profile = await app.WithDbAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.MemberId == member.Id));
        Assert.Equal(["en", "fr", "pt"], profile.Languages);
        Assert.Equal(["pt"], profile.RequiredLanguages);
    }

    public static TheoryData<string, string, string, string> BadCareerCoachFields => new()
    {
        { "direction", "\"Sideways\"", "direction", "wrong type" },
        { "ask", "\"Boss\"", "ask", "wrong type" },
        { "direction", "\"Move\"", "targetField", "required" },
        { "requiredLanguages", "[\"elvish\"]", "requiredLanguages", "by its name or its two-letter code" },
        { "requiredLanguages", "[\"de\"]", "requiredLanguages", "languages you speak" },
        { "previousFields", "[\"\"]", "previousFields", "cannot be empty" },
        { "meetingWindows", "[{\"day\":\"Monday\",\"start\":\"25:00\",\"end\":\"22:00\"}]", "meetingWindows[0].start", "time such as" },
        { "meetingWindows", "[{\"day\":\"Monday\",\"start\":\"19:00\",\"end\":\"19:00\"}]", "meetingWindows[0].end", "differ from the start" },
        { "meetingWindows", "[{\"day\":\"Funday\",\"start\":\"19:00\",\"end\":\"20:00\"}]", "meetingWindows[0].day", "wrong type" },
    };

    [Theory]
    [MemberData(nameof(BadCareerCoachFields))]
    public Task Put_WithABadCareerCoachField_Returns400NamingTheField_AndChangesNothing(string field, string json, string named, string message) =>
        PutBadAsync(body => body[field] = JsonNode.Parse(json), named, message);

    private async Task PutBadAsync(Action<JsonObject> spoil, string field, string message)
    {
        var member = await app.SignedInAsync("Bad Input");
        var api = await app.ApiAsync(member);
        var body = await ValidBody(api);
        spoil(body);
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

    private static JsonObject Window(string day, string start, string end) => new() { ["day"] = day, ["start"] = start, ["end"] = end };

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
