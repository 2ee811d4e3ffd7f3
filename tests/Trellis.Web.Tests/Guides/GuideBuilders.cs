using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Programmes;

namespace Trellis.Web.Tests.Guides;

public sealed record TestGuide(Guid Id, string Slug, Guid Version)
{
    public string Api => $"/api/v1/guides/{Id}";
    public string Page => $"/Guides/{Slug}";
}

/// <summary>Guides written through the real API, and a programme with a participant to read programme-only ones.</summary>
public static class GuideBuilders
{
    public static Task<HttpResponseMessage> WriteGuideAsync(this Person writer, string title, string body, string visibility,
        Guid? programmeId) =>
        writer.Api.PostAsJsonAsync("/api/v1/guides", new { title, body, visibility, programmeId });

    public static async Task<TestGuide> GuideAsync(this Person writer, string visibility = "ProgrammeOnly", Guid? programmeId = null,
        string title = "Your first meeting", string body = "Agree **how often** you meet.")
    {
        var response = await writer.WriteGuideAsync(title, body, visibility, programmeId);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var view = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return new TestGuide(view["id"]!.GetValue<Guid>(), (string)view["slug"]!, view["version"]!.GetValue<Guid>());
    }

    /// <summary>An enrolling programme and one enrolled mentee of it.</summary>
    public static async Task<(TestProgramme Programme, Person Participant)> ProgrammeWithParticipantAsync(this TrellisApp app)
    {
        var programme = await app.EnrollingAsync();
        var participant = await app.MenteeAsync("Pat Participant");
        await participant.EnrolledAsync(programme, "Mentee");
        return (programme, participant);
    }
}
