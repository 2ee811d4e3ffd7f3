using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Reviews;

namespace Trellis.Web.Tests.Platform;

/// <summary>
/// A mentorship with data in every workspace feature, made by its two members through the real API, and the
/// prefixes under which every endpoint and page about it lives. The privacy guards (third member, coordinator)
/// probe everything under these prefixes.
/// </summary>
public static class WorkspaceSeed
{
    public static readonly string[] ApiPrefixes = ["/api/v1/mentorships/{id:guid}", "/api/v1/me/goals/{goalId:guid}"];
    public static readonly string[] PagePrefixes = ["/Mentorships/{id:guid}", "/Goals/{goalId:guid}"];

    public static EndpointProbe Probe(TrellisApp app) => new(app, ApiPrefixes, PagePrefixes);

    /// <summary>An active mentorship between two new members, with data everywhere.</summary>
    public static async Task<(Person Mentor, Person Mentee, Guid Id, Dictionary<string, string> Ids)> MentorshipAsync(
        TrellisApp app, string who, string words)
    {
        var mentor = await app.MentorAsync($"Maria {who}");
        var mentee = await app.MenteeAsync($"Tom {who}");
        var id = (await mentee.ProposeAsync(mentor)).Id();
        (await mentor.AcceptAsync(id, 1)).EnsureSuccessStatusCode();
        return (mentor, mentee, id, await FillAsync(app, mentor, mentee, id, words));
    }

    /// <summary>Gives the active mentorship <paramref name="id"/> a meeting (agenda, private and shared notes, an
    /// action), a message, a critique with a file, an article and a book, a check-in, a goal with a milestone shared
    /// with it, and a review answer, each carrying <paramref name="words"/> where it holds words. Returns the ids by
    /// route parameter name.</summary>
    public static async Task<Dictionary<string, string>> FillAsync(TrellisApp app, Person mentor, Person mentee, Guid id, string words)
    {
        var ids = new Dictionary<string, string> { ["id"] = id.ToString(), ["mentorshipId"] = id.ToString() };
        var root = $"/api/v1/mentorships/{id}";

        var start = Meetings.MeetingBuilders.FutureLocal(2, DayOfWeek.Tuesday, 10);
        var meeting = await OkAsync(await mentee.Api.PostAsJsonAsync($"{root}/meetings", new { start, timeZone = "Europe/London", minutes = 60 }));
        var meetingId = Meetings.MeetingBuilders.MeetingId(meeting);
        (await mentor.Api.PostAsJsonAsync($"{root}/meetings/{meetingId}/accept", new { version = Meetings.MeetingBuilders.MeetingVersion(meeting) })).EnsureSuccessStatusCode();
        (await mentee.Api.PostAsJsonAsync($"{root}/meetings/{meetingId}/agenda", new { text = $"Agenda {words}" })).EnsureSuccessStatusCode();
        (await mentee.Api.PostAsJsonAsync($"{root}/meetings/{meetingId}/notes", new { text = $"Private note {words}", @private = true })).EnsureSuccessStatusCode();
        (await mentor.Api.PostAsJsonAsync($"{root}/meetings/{meetingId}/notes", new { text = $"Shared note {words}", @private = false })).EnsureSuccessStatusCode();
        var details = await OkAsync(await mentor.Api.PostAsJsonAsync($"{root}/meetings/{meetingId}/actions", new { text = "Send the draft", ownerId = mentee.Id }));
        ids["meetingId"] = meetingId.ToString();
        ids["noteId"] = (string)details["notes"]!.AsArray().First(n => !(bool)n!["private"]!)!["id"]!;
        ids["actionId"] = (string)details["actions"]![0]!["id"]!;

        ids["messageId"] = IdOf(await OkAsync(await mentee.Api.PostAsJsonAsync($"{root}/messages", new { body = $"Message {words}" })));
        var critique = Critiques.CritiqueBuilders.Work(title: "My CV", file: Encoding.UTF8.GetBytes("%PDF-1.4\n%%EOF\n"), fileName: "cv.pdf");
        ids["cid"] = IdOf(await OkAsync(await mentee.Api.PostAsync($"{root}/critiques", critique)));
        await OkAsync(await mentor.Api.PostAsJsonAsync($"{root}/resources/articles", new { url = "https://example.org/mentoring", title = "On mentoring", note = "" }));
        ids["rid"] = IdOf(await OkAsync(await mentor.Api.PostAsJsonAsync($"{root}/resources/books", new { title = "Effective Java", author = "Joshua Bloch", note = "", sendingCopy = false })));
        ids["checkInId"] = IdOf(await OkAsync(await mentee.Api.PostAsJsonAsync($"{root}/checkins", new { text = $"Check-in {words}", urgency = "ThisWeek" })));
        var inAYear = DateOnly.FromDateTime(DateTime.UtcNow.AddYears(1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        ids["goalId"] = IdOf(await OkAsync(await mentee.Api.PostAsJsonAsync("/api/v1/me/goals",
            new { title = $"Goal {words}", whyItMatters = "It matters", targetDate = inAYear, measurableOutcome = "A talk", mentorshipIds = new[] { id } })));
        var goal = await OkAsync(await mentee.Api.PostAsJsonAsync($"/api/v1/me/goals/{ids["goalId"]}/milestones", new { title = "Submit a proposal", dueDate = inAYear }));
        ids["milestoneId"] = (string)goal["milestones"]![0]!["id"]!;

        // A review answer (the review falls due by moving the start back).
        await app.ReviewDueAsync(id);
        var answered = await mentee.AnswerReviewAsync(id, KeepingBuilders.Answer(4, goingWell: $"Going well {words}", shouldChange: $"Change {words}"));
        Assert.True(answered.IsSuccessStatusCode, await answered.Content.ReadAsStringAsync());

        Assert.True(await app.WithDbAsync(db => db.TimelineEntries.AnyAsync(t => t.MentorshipId == id)));
        return ids;
    }

    private static async Task<JsonObject> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static string IdOf(JsonObject node) => (string)node["id"]!;
}
