using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Messages;

/// <summary>An active mentorship and its two members.</summary>
public sealed record Pair(Person Mentor, Person Mentee, Guid Id)
{
    public string Messages => $"/api/v1/mentorships/{Id}/messages";
    public string Page => $"/Mentorships/{Id}/Messages";
}

public static class MessageBuilders
{
    public static async Task<Pair> PairAsync(this TrellisApp app, string mentor = "Maria Mentor", string mentee = "Tom Mentee")
    {
        var m = await app.MentorAsync(mentor);
        var t = await app.MenteeAsync(mentee);
        var id = (await t.ProposeAsync(m)).Id();
        Assert.Equal(HttpStatusCode.OK, (await m.AcceptAsync(id, 1)).StatusCode);
        return new Pair(m, t, id);
    }

    public static Task<HttpResponseMessage> SendAsync(this Person who, Guid mentorshipId, string? body) =>
        who.Api.PostAsJsonAsync($"/api/v1/mentorships/{mentorshipId}/messages", new { body });

    /// <summary>Sends and returns the stored message as the API answers it.</summary>
    public static async Task<JsonObject> SentAsync(this Person who, Guid mentorshipId, string body)
    {
        var response = await who.SendAsync(mentorshipId, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonObject> ListAsync(this Person who, Guid mentorshipId, string query = "")
    {
        var response = await who.Api.GetAsync($"/api/v1/mentorships/{mentorshipId}/messages{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static Guid MessageId(this JsonObject message) => Guid.Parse((string)message["id"]!);

    public static Task PauseAsync(this TrellisApp app, Pair pair) => app.WithDbAsync(async db =>
    {
        var m = await db.Mentorships.SingleAsync(x => x.Id == pair.Id);
        Assert.Null(m.Pause(pair.Mentee.Id, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    });

    public static Task<int> MessageCountAsync(this TrellisApp app, Guid mentorshipId) =>
        app.WithDbAsync(db => db.Messages.CountAsync(m => m.MentorshipId == mentorshipId));

    public static async Task<string> ErrorFieldAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return string.Join(",", problem["errors"]!.AsObject().Select(e => e.Key));
    }
}
