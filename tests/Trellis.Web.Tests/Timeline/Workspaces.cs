using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Timeline;

public sealed record Workspace(Person Mentee, Person Mentor, Guid Id);

/// <summary>An active mentorship (the agreement accepted through the real API), and small JSON helpers.</summary>
public static class Workspaces
{
    public static async Task<Workspace> ActiveAsync(this TrellisApp app, string who, Action<JsonObject>? agreement = null)
    {
        var mentor = await app.MentorAsync($"Maria {who}");
        var mentee = await app.MenteeAsync($"Tom {who}");
        return await mentee.WorkWithAsync(mentor, agreement);
    }

    public static async Task<Workspace> WorkWithAsync(this Person mentee, Person mentor, Action<JsonObject>? agreement = null)
    {
        var id = (await mentee.ProposeAsync(mentor, agreement)).Id();
        var accepted = await mentor.AcceptAsync(id, 1);
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        return new Workspace(mentee, mentor, id);
    }

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text)?.AsObject() ?? throw new InvalidOperationException(text);
    }

    public static async Task<JsonObject> GetJsonAsync(this Person who, string url)
    {
        var response = await who.Api.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    /// <summary>Asserts a 400 whose problem document names the field.</summary>
    public static async Task AssertNamesFieldAsync(this HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {body}");
        Assert.True(JsonNode.Parse(body)!["errors"]?.AsObject().ContainsKey(field) == true, $"no error for '{field}' in {body}");
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this Person who, string url, object body) => who.Api.PostAsJsonAsync(url, body);
}
