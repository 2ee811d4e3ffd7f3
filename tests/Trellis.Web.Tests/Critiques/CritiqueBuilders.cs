using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Critiques;

public sealed record Pair(Person Mentee, Person Mentor, Guid Id);

public static class CritiqueBuilders
{
    /// <summary>A mentee and a mentor with an active mentorship.</summary>
    public static async Task<Pair> ActivePairAsync(this TrellisApp app, string mentee = "Tom Mentee", string mentor = "Maria Mentor")
    {
        var m = await app.MentorAsync(mentor);
        var e = await app.MenteeAsync(mentee);
        var id = (await e.ProposeAsync(m)).Id();
        var accepted = await m.AcceptAsync(id, 1);
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        return new Pair(e, m, id);
    }

    public static string InAWeek() => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static MultipartFormDataContent Work(string title = "My CV", string feedback = "Is the first page clear enough?", string? due = null,
        string? link = null, byte[]? file = null, string fileName = "cv.pdf", string clientType = "application/pdf")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(title), "title" },
            { new StringContent(feedback), "feedbackWanted" },
            { new StringContent(due ?? InAWeek()), "dueDate" },
        };
        if (link is not null) form.Add(new StringContent(link), "link");
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(clientType);
            form.Add(content, "file", fileName);
        }
        return form;
    }

    public static Task<HttpResponseMessage> SubmitAsync(this Person who, Guid mentorshipId, MultipartFormDataContent form) =>
        who.Api.PostAsync($"/api/v1/mentorships/{mentorshipId}/critiques", form);

    public static async Task<JsonObject> SubmitOkAsync(this Person who, Guid mentorshipId, MultipartFormDataContent form)
    {
        var response = await who.SubmitAsync(mentorshipId, form);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Every file the local store holds for this app (finished or partial).</summary>
    public static string[] StoredFiles(this TrellisApp app)
    {
        var folder = Path.Combine(app.DataDirectory, "files");
        return Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
    }

    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static void AssertNames(JsonObject problem, string field)
    {
        var errors = problem["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(field), $"errors should name {field}: {problem.ToJsonString()}");
    }
}
