using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Reviews;

/// <summary>The app with the Quartz scheduler off: tests run the review job by hand with a fake clock.</summary>
public sealed class KeepingApp : TrellisApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:Run"] = "false", ["Matching:RunWorker"] = "false" };
}

public sealed record Pair(Person Mentor, Person Mentee, Guid Id);

/// <summary>Builders for running mentorships. Time is moved by moving the mentorship's own dates back
/// (the API's clock stays the real one), and statuses that belong to other features (paused, completed,
/// ended) are set directly in the database.</summary>
public static class KeepingBuilders
{
    public static async Task<Pair> ActiveAsync(this TrellisApp app, string mentorName, string menteeName, Action<JsonObject>? agreement = null)
    {
        var mentor = await app.MentorAsync(mentorName);
        var mentee = await app.MenteeAsync(menteeName);
        var id = (await mentee.ProposeAsync(mentor, agreement)).Id();
        var accepted = await mentor.AcceptAsync(id, 1);
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        return new Pair(mentor, mentee, id);
    }

    /// <summary>As if the mentorship had started at <paramref name="at"/>.</summary>
    public static Task StartedAtAsync(this TrellisApp app, Guid id, DateTimeOffset at) =>
        app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.ActivatedAt, at)));

    /// <summary>A review of the three-monthly agreement is due: it started three months and a day ago.</summary>
    public static Task ReviewDueAsync(this TrellisApp app, Guid id) =>
        app.StartedAtAsync(id, DateTimeOffset.UtcNow.AddMonths(-3).AddDays(-1));

    public static Task SetStatusAsync(this TrellisApp app, Guid id, MentorshipStatus status) =>
        app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, status)
            .SetProperty(m => m.ClosedAt, status is MentorshipStatus.Completed or MentorshipStatus.Ended ? DateTimeOffset.UtcNow : null)));

    public static JsonObject Answer(int? score, string? direction = "KeepGoing", bool revise = false, string goingWell = "", string shouldChange = "") => new()
    {
        ["score"] = score,
        ["goingWell"] = goingWell,
        ["shouldChange"] = shouldChange,
        ["direction"] = direction,
        ["wantsRevision"] = revise,
    };

    public static Task<HttpResponseMessage> AnswerReviewAsync(this Person who, Guid id, JsonObject answer) =>
        who.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/reviews/answer", answer);

    public static async Task<JsonObject> CurrentReviewAsync(this Person who, Guid id)
    {
        var response = await who.Api.GetAsync($"/api/v1/mentorships/{id}/reviews/current");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static Task<HttpResponseMessage> ReviseAsync(this Person who, Guid id, string action, int basedOn, Action<JsonObject>? change = null) =>
        who.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/revisions{action}",
            new JsonObject { ["basedOnVersion"] = basedOn, ["agreement"] = MentorshipBuilders.Agreement(change) });

    /// <summary>What the browser posts from the page's agreement form (the one marked novalidate), with
    /// some fields changed.</summary>
    public static List<KeyValuePair<string, string>> AgreementFormFields(string html, params (string Name, string Value)[] changes)
    {
        var form = html[html.IndexOf("<form method=\"post\" novalidate", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("</form>", StringComparison.Ordinal)];
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match m in Regex.Matches(form, "<input[^>]*>"))
        {
            var tag = m.Value;
            var name = Regex.Match(tag, "name=\"([^\"]+)\"");
            if (!name.Success || name.Groups[1].Value == "__RequestVerificationToken") continue;
            if ((tag.Contains("type=\"checkbox\"", StringComparison.Ordinal) || tag.Contains("type=\"radio\"", StringComparison.Ordinal)) && !tag.Contains("checked=", StringComparison.Ordinal)) continue;
            fields.Add(new(name.Groups[1].Value, WebUtility.HtmlDecode(Regex.Match(tag, "value=\"([^\"]*)\"").Groups[1].Value)));
        }
        foreach (Match m in Regex.Matches(form, "<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline))
        {
            var selected = Regex.Match(m.Groups[2].Value, "<option value=\"([^\"]*)\" selected");
            if (selected.Success) fields.Add(new(m.Groups[1].Value, selected.Groups[1].Value));
        }
        foreach (Match m in Regex.Matches(form, "<textarea[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline))
            fields.Add(new(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value).TrimStart('\n')));
        foreach (var (name, value) in changes)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }
        return fields;
    }
}
