using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Profiles;

namespace Trellis.Web.Tests.Meetings;

public sealed record Pair(Person Mentor, Person Mentee, Guid Id)
{
    public string Meetings => $"/api/v1/mentorships/{Id}/meetings";
}

/// <summary>Active mentorships between members in given time zones, and meetings in them, through the real API.</summary>
public static class MeetingBuilders
{
    public static async Task SetWorkdayAsync(this Person person, string zone, int start = 9, int end = 17)
    {
        var current = await person.Api.GetFromJsonAsync<JsonObject>("/api/v1/me/profile");
        var body = await ProfileApiTests.ValidBody(person.Api);
        body["displayName"] = (string?)current!["displayName"];
        body["timeZone"] = zone;
        body["workdayStartHour"] = start;
        body["workdayEndHour"] = end;
        var put = await person.Api.PutAsJsonAsync("/api/v1/me/profile", body);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
    }

    /// <summary>An active mentorship: the mentor (organiser of the automatic meetings) in London, the mentee in New York by default.</summary>
    public static async Task<Pair> ActivePairAsync(this TrellisApp app, string mentorZone = "Europe/London", string menteeZone = "America/New_York",
        Action<JsonObject>? terms = null, string mentor = "Maria Mentor", string mentee = "Tom Mentee")
    {
        var m = await app.MentorAsync(mentor);
        await m.SetWorkdayAsync(mentorZone);
        var t = await app.MenteeAsync(mentee);
        await t.SetWorkdayAsync(menteeZone);
        var id = (await t.ProposeAsync(m, terms)).Id();
        var accepted = await m.AcceptAsync(id, 1);
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        return new Pair(m, t, id);
    }

    public static async Task<JsonArray> MeetingsAsync(this Person who, Pair pair) =>
        (await who.Api.GetFromJsonAsync<JsonArray>(pair.Meetings))!;

    public static async Task<JsonObject> ProposeMeetingAsync(this Person who, Pair pair, string start, string? zone = null, int minutes = 60)
    {
        var response = await who.Api.PostAsJsonAsync(pair.Meetings, new { start, timeZone = zone, minutes });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static Task<HttpResponseMessage> AcceptMeetingAsync(this Person who, Pair pair, JsonObject meeting) =>
        who.Api.PostAsJsonAsync($"{pair.Meetings}/{meeting.MeetingId()}/accept", new { version = meeting.MeetingVersion() });

    /// <summary>The meeting part of a details answer, or a summary itself.</summary>
    public static JsonObject Meeting(this JsonObject details) => details["meeting"] as JsonObject ?? details;

    public static Guid MeetingId(this JsonObject details) => Guid.Parse((string)details.Meeting()["id"]!);

    public static Guid MeetingVersion(this JsonObject details) => Guid.Parse((string)details.Meeting()["version"]!);

    public static DateTimeOffset Local(this JsonObject details) => DateTimeOffset.Parse((string)details.Meeting()["localStart"]!, System.Globalization.CultureInfo.InvariantCulture);

    public static DateTimeOffset StartsAt(this JsonObject details) => DateTimeOffset.Parse((string)details.Meeting()["startsAt"]!, System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<JsonObject> ReadAsync(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>A weekday at a local time, some weeks ahead, as the API's local "start" text.</summary>
    public static string FutureLocal(int weeksAhead, DayOfWeek day, int hour, int minute = 0)
    {
        var date = DateTime.UtcNow.Date.AddDays(7 * weeksAhead);
        while (date.DayOfWeek != day) date = date.AddDays(1);
        return date.AddHours(hour).AddMinutes(minute).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }
}
