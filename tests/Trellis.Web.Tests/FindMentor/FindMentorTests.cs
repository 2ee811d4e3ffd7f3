using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Features.FindMentor;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Profiles;

namespace Trellis.Web.Tests.FindMentor;

/// <summary>
/// The app with its matching worker off, so each test decides when embeddings and the index catch up,
/// and one small community shared by the tests of the class.
/// </summary>
public sealed class FindMentorApp : TrellisApp
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private object? _community;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Matching:RunWorker"] = "false" };

    /// <summary>The test class's community, made by the first test that asks (each class has its own app).</summary>
    public async Task<T> OnceAsync<T>(Func<Task<T>> create) where T : class
    {
        await _once.WaitAsync();
        try { return (T)(_community ??= await create()); }
        finally { _once.Release(); }
    }

    /// <summary>Embeds what changed and brings this node's mentor index up to date, as the worker would.</summary>
    public async Task SyncAsync()
    {
        await Services.GetRequiredService<EmbeddingRefresher>().RunAsync(default);
        await Services.GetRequiredService<MentorDirectory>().SyncAsync(default);
    }

    /// <summary>The mentor ids of a result list (search or recommendations), in order.</summary>
    public static async Task<List<Guid>> Ids(HttpClient api, string url)
    {
        var json = await api.GetFromJsonAsync<JsonNode>(url);
        var list = json is JsonArray array ? array : json!["results"]!.AsArray();
        return list.Select(r => r!["mentorId"]!.GetValue<Guid>()).ToList();
    }

    /// <summary>Saves a valid profile (<see cref="ProfileApiTests.ValidBody"/>) with the given fields changed.</summary>
    public async Task<HttpClient> SetProfileAsync(TestMember member, Dictionary<string, JsonNode?> fields)
    {
        var api = await this.ApiAsync(member);
        var body = await ProfileApiTests.ValidBody(api);
        body["displayName"] = member.Email.Split('.')[0];
        foreach (var (key, value) in fields) body[key] = value?.DeepClone();
        var response = await api.PutAsJsonAsync("/api/v1/me/profile", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return api;
    }
}

/// <summary>A small community: one mentee who wants to move into product, and mentors who describe themselves in other words.</summary>
public sealed class FindMentorTests(FindMentorApp app) : IClassFixture<FindMentorApp>
{
    public sealed record Community(TestMember Mentee, HttpClient MenteeApi, TestMember Product, TestMember Payroll, TestMember Closed, TestMember Hidden, TestMember Portuguese);

    private Task<Community> CommunityAsync() => app.OnceAsync(CreateCommunityAsync);

    private async Task<Community> CreateCommunityAsync()
    {
        var mentee = await app.SignedInAsync("Mia Mentee");
        var menteeApi = await app.SetProfileAsync(mentee, new()
        {
            ["field"] = "Software engineering", ["yearsOfExperience"] = 4, ["languages"] = new JsonArray("en"),
            ["seekingMentor"] = true, ["openToMentoring"] = true, ["mentorCapacity"] = 2, // she mentors too, and must never be recommended to herself
            ["menteeGoals"] = "I am a backend developer and I want to move from engineering into product management.",
            ["interests"] = new JsonArray("climbing", "sourdough"), ["timeZone"] = "Europe/Lisbon",
        });
        var product = await Mentor("Paulo Product", "Product management", 14, "Led B2B product teams for a decade after starting out as a software engineer; I help people make the switch from building to deciding what to build.", ["product discovery", "roadmaps"], ["en"], "Europe/London", ["climbing"]);
        var payroll = await Mentor("Petra Payroll", "Finance", 20, "Payroll accounting and year-end tax filings for mid-sized firms.", ["payroll", "tax"], ["en"], "Europe/Berlin", []);
        var closed = await Mentor("Carl Closed", "Product management", 15, "Product leader who took two startups through Series A.", ["product strategy"], ["en"], "Europe/London", [], open: false);
        var hidden = await Mentor("Hanna Hidden", "Product management", 12, "Product manager, formerly an engineer.", ["career change"], ["en"], "Europe/London", [], visibility: "Programs");
        var portuguese = await Mentor("Rui Português", "Product management", 9, "Gestor de produto; ajudo engenheiros a passar para produto.", ["product"], ["pt", "en"], "Europe/Lisbon", []);
        await app.SyncAsync();
        return new Community(mentee, menteeApi, product, payroll, closed, hidden, portuguese);
    }

    [Fact]
    public async Task Search_PutsTheMentorWhoseExpertiseMatchesTheGoalsFirst_WithReasonsInPlainWords()
    {
        var c = await CommunityAsync();
        var results = await c.MenteeApi.GetFromJsonAsync<JsonObject>("/api/v1/mentors");
        var list = results!["results"]!.AsArray();
        var ids = list.Select(r => r!["mentorId"]!.GetValue<Guid>()).ToList();

        Assert.Equal(c.Product.Id, ids[0]);
        Assert.True(ids.IndexOf(c.Product.Id) < ids.IndexOf(c.Payroll.Id));
        var explanation = list[0]!["explanation"]!.GetValue<string>();
        Assert.Contains("matches your goals", explanation, StringComparison.Ordinal);
        Assert.True(list[0]!["emailVerified"]!.GetValue<bool>());
        Assert.InRange(list[0]!["match"]!.GetValue<int>(), 1, 100);
    }

    [Fact]
    public async Task Search_NeverShowsMyself_OrMentorsNotOpen_OrProfilesVisibleOnlyInProgrammes()
    {
        var c = await CommunityAsync();
        var ids = await FindMentorApp.Ids(c.MenteeApi, "/api/v1/mentors?pageSize=100");
        Assert.DoesNotContain(c.Mentee.Id, ids);
        Assert.DoesNotContain(c.Closed.Id, ids);
        Assert.DoesNotContain(c.Hidden.Id, ids);
        Assert.Contains(c.Payroll.Id, ids);
    }

    [Fact]
    public async Task Filters_KeepOnlyMentorsWhoMatchThem()
    {
        var c = await CommunityAsync();
        Assert.Equal([c.Portuguese.Id], await FindMentorApp.Ids(c.MenteeApi, "/api/v1/mentors?languages=pt"));
        Assert.Equal([c.Payroll.Id], await FindMentorApp.Ids(c.MenteeApi, "/api/v1/mentors?field=Finance"));
        Assert.Equal([c.Payroll.Id], await FindMentorApp.Ids(c.MenteeApi, "/api/v1/mentors?minYears=18"));
        var free = await FindMentorApp.Ids(c.MenteeApi, "/api/v1/mentors?q=" + Uri.EscapeDataString("someone who went from writing code to leading a product"));
        Assert.Equal(c.Product.Id, free[0]);
    }

    [Theory]
    [InlineData("q", "?q={long}")]
    [InlineData("pageSize", "?pageSize=101")]
    [InlineData("page", "?page=0")]
    [InlineData("languages", "?languages=elvish")]
    [InlineData("formats", "?formats=carrier-pigeon")]
    [InlineData("minYears", "?minYears=ten")]
    [InlineData("maxYears", "?minYears=10&maxYears=5")]
    [InlineData("minOverlapHours", "?minOverlapHours=30")]
    public async Task BadFilters_Get400NamingTheParameter(string parameter, string query)
    {
        var c = await CommunityAsync();
        var response = await c.MenteeApi.GetAsync("/api/v1/mentors" + query.Replace("{long}", new string('x', 501), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(parameter), errors.ToJsonString());
    }

    [Fact]
    public async Task AnUpperExperienceBelowTheLower_IsRefusedInTheFormsOwnWords()
    {
        var c = await CommunityAsync();
        var response = await c.MenteeApi.GetAsync("/api/v1/mentors?minYears=10&maxYears=5");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal("“Experience up to” must be at least “Experience from”.", errors["maxYears"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task SearchWithWords_ShowsOnlyMentorsCloseToThem_AndCountsOnlyThem()
    {
        var c = await CommunityAsync();
        var json = (await c.MenteeApi.GetFromJsonAsync<JsonObject>("/api/v1/mentors?q=" + Uri.EscapeDataString("someone who went from writing code to leading a product")))!;
        var ids = json["results"]!.AsArray().Select(r => r!["mentorId"]!.GetValue<Guid>()).ToList();

        Assert.Equal("Matches", json["state"]!.GetValue<string>());
        Assert.Equal(c.Product.Id, ids[0]);
        Assert.DoesNotContain(c.Payroll.Id, ids);
        Assert.Equal(ids.Count, json["total"]!.GetValue<int>());
        var all = (await c.MenteeApi.GetFromJsonAsync<JsonObject>("/api/v1/mentors"))!;
        Assert.Equal("All", all["state"]!.GetValue<string>());
        Assert.True(all["total"]!.GetValue<int>() > ids.Count, "without words every mentor the filters let through counts");

        var page = await c.Mentee.Browser.GetStringAsync("/Mentors?q=" + Uri.EscapeDataString("someone who went from writing code to leading a product"));
        Assert.Contains($"{ids.Count} mentor{(ids.Count == 1 ? " matches" : "s match")}.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Petra Payroll", page, StringComparison.Ordinal);
        Assert.DoesNotContain("No close match", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("qwxz blorp")]
    [InlineData("recipe for banana bread")]
    public async Task SearchWithWordsNobodyIsCloseTo_SaysNoCloseMatch_AndOffersMentorsNearMyGoals(string words)
    {
        var c = await CommunityAsync();
        var json = (await c.MenteeApi.GetFromJsonAsync<JsonObject>("/api/v1/mentors?q=" + Uri.EscapeDataString(words)))!;
        var near = json["results"]!.AsArray().Select(r => r!["mentorId"]!.GetValue<Guid>()).ToList();

        Assert.Equal("NoCloseMatch", json["state"]!.GetValue<string>());
        Assert.Equal(0, json["total"]!.GetValue<int>());
        // The mentors near my goals are my recommendations, in their order.
        Assert.Equal((await FindMentorApp.Ids(c.MenteeApi, "/api/v1/mentors")).Take(near.Count), near);
        Assert.Equal(c.Product.Id, near[0]);

        var page = await c.Mentee.Browser.GetStringAsync("/Mentors?q=" + Uri.EscapeDataString(words));
        Assert.Contains("No close match — here are mentors near your goals instead.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("mentors match", page, StringComparison.Ordinal);
        Assert.Contains("Paulo Product", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommendations_FollowProfileChanges()
    {
        var c = await CommunityAsync();
        Assert.Equal(c.Product.Id, (await FindMentorApp.Ids(c.MenteeApi, "/api/v1/me/recommendations"))[0]);

        var productApi = await app.ApiAsync(c.Product);
        await SetOpenToMentoring(productApi, false);
        await app.SyncAsync();
        Assert.DoesNotContain(c.Product.Id, await FindMentorApp.Ids(c.MenteeApi, "/api/v1/me/recommendations"));

        // Put the shared community back as it was for the other tests.
        await SetOpenToMentoring(productApi, true);
        await app.SyncAsync();
        Assert.Equal(c.Product.Id, (await FindMentorApp.Ids(c.MenteeApi, "/api/v1/me/recommendations"))[0]);
    }

    /// <summary>Changes one thing and sends every other field back as it is.</summary>
    private static async Task SetOpenToMentoring(HttpClient api, bool open)
    {
        var p = (await api.GetFromJsonAsync<JsonObject>("/api/v1/me/profile"))!;
        JsonNode? Of(string section, string key) => p[section]?[key]?.DeepClone();
        var body = new JsonObject
        {
            ["displayName"] = p["displayName"]!.DeepClone(), ["headline"] = p["headline"]!.DeepClone(), ["bio"] = p["bio"]!.DeepClone(),
            ["timeZone"] = p["timeZone"]!.DeepClone(), ["workdayStartHour"] = p["workdayStartHour"]!.DeepClone(), ["workdayEndHour"] = p["workdayEndHour"]!.DeepClone(),
            ["languages"] = p["languages"]!.DeepClone(), ["field"] = p["field"]!.DeepClone(), ["currentRole"] = p["currentRole"]!.DeepClone(),
            ["yearsOfExperience"] = p["yearsOfExperience"]!.DeepClone(), ["skills"] = p["skills"]!.DeepClone(), ["interests"] = p["interests"]!.DeepClone(),
            ["careerHistory"] = p["careerHistory"]!.DeepClone(), ["visibility"] = p["visibility"]!.DeepClone(),
            ["seekingMentor"] = Of("asMentee", "seekingMentor") ?? false, ["menteeGoals"] = Of("asMentee", "goals") ?? "",
            ["qualitiesSought"] = Of("asMentee", "qualitiesSought") ?? new JsonArray(), ["preferredFormats"] = Of("asMentee", "preferredFormats") ?? new JsonArray(),
            ["openToMentoring"] = open, ["mentorCapacity"] = Of("asMentor", "capacity"), ["hoursPerMonth"] = Of("asMentor", "hoursPerMonth"),
            ["mentorTopics"] = Of("asMentor", "topics"), ["qualitiesOffered"] = Of("asMentor", "qualitiesOffered"), ["formatsOffered"] = Of("asMentor", "formatsOffered"),
            ["motivations"] = Of("asMentor", "motivations"), ["openToPeerMentoring"] = Of("asMentor", "openToPeerMentoring"),
            ["openToReverseMentoring"] = Of("asMentor", "openToReverseMentoring"), ["version"] = p["version"]!.DeepClone(),
        };
        var response = await api.PutAsJsonAsync("/api/v1/me/profile", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Embeddings_AreStoredWithTheirModel_AndRecomputedOnlyWhenTheWordsChange()
    {
        var c = await CommunityAsync();
        var before = await app.WithDbAsync(db => db.ProfileEmbeddings.AsNoTracking().SingleAsync(e => e.MemberId == c.Payroll.Id && e.Role == EmbeddingRole.Mentor));
        Assert.Equal(EmbeddingRefresher.Model, before.Model);
        Assert.Equal(384 * sizeof(float), before.Vector.Length);
        // A mentor's vector is the mean of three unit vectors (the library's recipe): not zero, at most 1 long.
        var norm = Math.Sqrt(before.Floats().Sum(x => (double)x * x));
        Assert.InRange(norm, 0.3, 1.0001);
        var mentee = await app.WithDbAsync(db => db.ProfileEmbeddings.AsNoTracking().SingleAsync(e => e.MemberId == c.Mentee.Id && e.Role == EmbeddingRole.Mentee));
        Assert.InRange(Math.Sqrt(mentee.Floats().Sum(x => (double)x * x)), 0.99, 1.01);

        var api = await app.ApiAsync(c.Payroll);
        var profile = await api.GetFromJsonAsync<JsonObject>("/api/v1/me/profile");
        var body = await ProfileApiTests.ValidBody(api);
        foreach (var key in new[] { "displayName", "field", "headline", "bio", "mentorTopics", "languages", "yearsOfExperience", "timeZone", "interests", "careerHistory" })
            body[key] = profile![key]?.DeepClone();
        body["mentorTopics"] = profile!["asMentor"]!["topics"]!.DeepClone();
        body["hoursPerMonth"] = 9; // not part of the embedded text
        (await api.PutAsJsonAsync("/api/v1/me/profile", body)).EnsureSuccessStatusCode();
        await app.SyncAsync();
        var same = await app.WithDbAsync(db => db.ProfileEmbeddings.AsNoTracking().SingleAsync(e => e.MemberId == c.Payroll.Id && e.Role == EmbeddingRole.Mentor));
        Assert.Equal(before.Vector, same.Vector);
        Assert.True(same.ComputedAt > before.ComputedAt);

        body["bio"] = "Now I coach finance teams through ERP migrations.";
        body["version"] = (await api.GetFromJsonAsync<JsonObject>("/api/v1/me/profile"))!["version"]!.GetValue<Guid>();
        (await api.PutAsJsonAsync("/api/v1/me/profile", body)).EnsureSuccessStatusCode();
        await app.SyncAsync();
        var changed = await app.WithDbAsync(db => db.ProfileEmbeddings.AsNoTracking().SingleAsync(e => e.MemberId == c.Payroll.Id && e.Role == EmbeddingRole.Mentor));
        Assert.NotEqual(before.Vector, changed.Vector);
        Assert.NotEqual(before.TextHash, changed.TextHash);
    }

    [Fact]
    public async Task Pages_ShowResults_TheReasonsOnAProfile_AndRecommendationsOnTheDashboard()
    {
        var c = await CommunityAsync();
        var page = await c.Mentee.Browser.GetStringAsync("/Mentors");
        Assert.True(page.Contains("Paulo Product", StringComparison.Ordinal), page[page.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.DoesNotContain("Carl Closed", page, StringComparison.Ordinal);

        var profile = await c.Mentee.Browser.GetStringAsync($"/Members/{c.Product.Id}");
        Assert.Contains("Why this could be a good match", profile, StringComparison.Ordinal);

        var dashboard = await c.Mentee.Browser.GetStringAsync("/Dashboard");
        Assert.Contains("Recommended for you", dashboard, StringComparison.Ordinal);
        Assert.Contains($"/Members/{c.Product.Id}", dashboard, StringComparison.Ordinal);

        var bad = await c.Mentee.Browser.GetStringAsync("/Mentors?languages=english&minYears=ten");
        Assert.Contains("Please enter a number", Forms.FieldError(bad, "minYears"), StringComparison.Ordinal);
    }

    private async Task<TestMember> Mentor(string name, string field, int years, string bio, string[] topics, string[] languages, string zone, string[] interests,
        bool open = true, string visibility = "Members")
    {
        var member = await app.SignedInAsync(name);
        await app.SetProfileAsync(member, new()
        {
            ["displayName"] = name, ["field"] = field, ["yearsOfExperience"] = years, ["bio"] = bio, ["headline"] = $"{field}, {years} years",
            ["mentorTopics"] = JsonSerializer.SerializeToNode(topics), ["languages"] = JsonSerializer.SerializeToNode(languages),
            ["interests"] = JsonSerializer.SerializeToNode(interests), ["timeZone"] = zone, ["openToMentoring"] = open,
            ["mentorCapacity"] = 3, ["seekingMentor"] = false, ["menteeGoals"] = "", ["visibility"] = visibility,
            ["careerHistory"] = new JsonArray(), ["skills"] = new JsonArray(),
        });
        return member;
    }
}
