using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Profiles;

namespace Trellis.Web.Tests.Programmes;

public static class MatchingBuilders
{
    /// <summary>A mentee whose profile shares some things with the builders' mentors (pt, roadmaps, climbing, video), not others.</summary>
    public static async Task<Person> ProfiledMenteeAsync(this TrellisApp app, string name, params string[] languages)
    {
        var mentee = await app.MenteeAsync(name);
        var body = await ProfileApiTests.ValidBody(mentee.Api);
        body["displayName"] = name;
        body["openToMentoring"] = false;
        body["languages"] = new JsonArray([.. (languages.Length > 0 ? languages : ["pt", "fr"]).Select(l => (JsonNode)l)]);
        body["skills"] = new JsonArray("roadmaps", "pricing");
        body["interests"] = new JsonArray("climbing", "chess");
        body["field"] = "Product";
        body["yearsOfExperience"] = 3;
        (await mentee.Api.PutAsJsonAsync("/api/v1/me/profile", body)).EnsureSuccessStatusCode();
        return mentee;
    }

    /// <summary>A mentor (the builders' profile) who speaks only the given languages.</summary>
    public static async Task<Person> MentorSpeakingAsync(this TrellisApp app, string name, params string[] languages)
    {
        var mentor = await app.MentorAsync(name);
        var body = await ProfileApiTests.ValidBody(mentor.Api);
        body["displayName"] = name;
        body["languages"] = new JsonArray([.. languages.Select(l => (JsonNode)l)]);
        (await mentor.Api.PutAsJsonAsync("/api/v1/me/profile", body)).EnsureSuccessStatusCode();
        return mentor;
    }

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
