using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Programmes;

/// <summary>Enrolment through the real API: opening a programme, its questions, members enrolling.</summary>
public static class EnrolmentBuilders
{
    /// <summary>A cohort that is enrolling (a closing day set, then opened), owned by a new coordinator.</summary>
    public static async Task<TestProgramme> EnrollingAsync(this TrellisApp app, string kind = "Cohort", string name = "Spring cohort")
    {
        var programme = await app.ProgrammeAsync(kind: kind, name: name);
        var view = await programme.ViewAsync();
        var details = await programme.Owner.Api.PutAsJsonAsync($"{programme.Api}/details",
            ProgrammeBody.Details(view, d => d["enrolmentClosesOn"] = "2030-01-31"));
        Assert.True(details.IsSuccessStatusCode, await details.Content.ReadAsStringAsync());
        await programme.MoveAsync("Enrolling");
        return programme;
    }

    public static async Task MoveAsync(this TestProgramme programme, string to)
    {
        var moved = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/move",
            new { to, version = (await programme.ViewAsync()).Version() });
        Assert.True(moved.IsSuccessStatusCode, $"{to}: {await moved.Content.ReadAsStringAsync()}");
    }

    /// <summary>Adds a question and returns its id.</summary>
    public static async Task<Guid> QuestionAsync(this TestProgramme programme, string key, string kind, string use,
        string[]? choices = null, string? role = null, bool required = false, string? hardRule = null)
    {
        var added = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/questions", new
        {
            key, text = $"What is your {key}?", kind, use, choices = choices ?? [], role, required, hardRule,
        });
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        return (await added.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    public static async Task SetEnrolmentAsync(this TestProgramme programme, string menteeAccess = "Open",
        string mentorAccess = "Open", string[]? menteeDomains = null, string[]? menteeFields = null, int capacity = 1)
    {
        var saved = await programme.Owner.Api.PutAsJsonAsync($"{programme.Api}/enrolment-settings", new
        {
            menteeAccess, menteeDomains = menteeDomains ?? [], menteeRequiredFields = menteeFields ?? [],
            mentorAccess, mentorDomains = Array.Empty<string>(), mentorRequiredFields = Array.Empty<string>(),
            defaultMentorCapacity = capacity, version = (await programme.ViewAsync()).Version(),
        });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }

    public static Task<HttpResponseMessage> EnrolAsync(this Person who, TestProgramme programme, string role,
        Dictionary<Guid, string[]>? answers = null, int? capacity = null) =>
        who.Api.PostAsJsonAsync($"{programme.Api}/enrol", new
        {
            role, capacity,
            answers = (answers ?? []).Select(a => new { questionId = a.Key, values = a.Value }).ToArray(),
        });

    public static async Task<JsonObject> EnrolledAsync(this Person who, TestProgramme programme, string role,
        Dictionary<Guid, string[]>? answers = null, int? capacity = null)
    {
        var response = await who.EnrolAsync(programme, role, answers, capacity);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonObject> ParticipantsAsync(this TestProgramme programme, string query = "")
    {
        var response = await programme.Owner.Api.GetAsync($"{programme.Api}/participants{query}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonObject> ErrorsAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["errors"]!.AsObject();
    }
}
