using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Profiles;

namespace Trellis.Web.Tests.Mentorships;

public sealed record Person(TestMember Member, HttpClient Api)
{
    public Guid Id => Member.Id;
}

/// <summary>Builders for mentors, mentees and proposals, through the real API.</summary>
public static class MentorshipBuilders
{
    public static async Task<Person> MentorAsync(this TrellisApp app, string name = "Maria Mentor", int capacity = 3)
    {
        var member = await app.SignedInAsync(name);
        var api = await app.ApiAsync(member);
        var body = await ProfileApiTests.ValidBody(api);
        body["displayName"] = name;
        body["openToMentoring"] = true;
        body["mentorCapacity"] = capacity;
        (await api.PutAsJsonAsync("/api/v1/me/profile", body)).EnsureSuccessStatusCode();
        return new Person(member, api);
    }

    public static async Task<Person> MenteeAsync(this TrellisApp app, string name = "Tom Mentee")
    {
        var member = await app.SignedInAsync(name);
        return new Person(member, await app.ApiAsync(member));
    }

    /// <summary>The "light and informal" template with a goal, as the mentee would send it.</summary>
    public static JsonObject Agreement(Action<JsonObject>? change = null)
    {
        var agreement = new JsonObject
        {
            ["formality"] = "Informal",
            ["cadenceEvery"] = 1,
            ["cadenceUnit"] = "Months",
            ["meetingMinutes"] = 60,
            ["medium"] = "Phone",
            ["channels"] = new JsonArray("email", "messages"),
            ["responseWithinDays"] = 3,
            ["goals"] = new JsonArray("Move from engineering into product management", "Learn to run a roadmap review"),
            ["confidentiality"] = "What we say stays between us.",
            ["startDate"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["durationMonths"] = 12,
            ["reviewEveryMonths"] = 3,
            ["menteeCommitments"] = "I'll come to each call with a question or two.",
            ["personalNote"] = "I loved your talk on leading B2B product teams.",
        };
        change?.Invoke(agreement);
        return agreement;
    }

    public static JsonObject Proposal(Guid mentorId, Action<JsonObject>? change = null) =>
        new() { ["mentorId"] = mentorId, ["agreement"] = Agreement(change) };

    public static async Task<JsonObject> ProposeAsync(this Person mentee, Person mentor, Action<JsonObject>? change = null)
    {
        var response = await mentee.Api.PostAsJsonAsync("/api/v1/mentorships", Proposal(mentor.Id, change));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static Task<HttpResponseMessage> CounterAsync(this Person who, Guid id, int basedOn, Action<JsonObject>? change = null, string? note = null) =>
        who.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/counter", new JsonObject { ["basedOnVersion"] = basedOn, ["agreement"] = Agreement(change), ["note"] = note });

    public static Task<HttpResponseMessage> AcceptAsync(this Person who, Guid id, int version) =>
        who.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/accept", new { version });

    public static Guid Id(this JsonObject mentorship) => Guid.Parse((string)mentorship["id"]!);
}
