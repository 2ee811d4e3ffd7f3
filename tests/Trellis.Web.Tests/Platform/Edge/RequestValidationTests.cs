using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.CheckIns;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Timeline;

namespace Trellis.Web.Tests.Platform.Edge;

/// <summary>Request records carry their rules as annotations; .NET's AddValidation() checks them for the API and the
/// pages check the same record, so a rule and its words exist once.</summary>
public sealed class RequestValidationTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Theory]
    [InlineData("missing text", null, "\"Today\"", "text", "Say what you are facing")]
    [InlineData("blank text", "   ", "\"Today\"", "text", "Say what you are facing")]
    [InlineData("missing urgency", "Help", null, "urgency", "Choose how soon")]
    [InlineData("an urgency no one defined", "Help", "7", "urgency", "Choose one: can wait for the next meeting, this week or today.")]
    public async Task ABadCheckIn_Is400NamingTheField_InWords_AndNothingIsWritten(
        string why, string? text, string? urgencyJson, string field, string words)
    {
        var w = await app.ActiveAsync("Valid" + why.Replace(" ", "", StringComparison.Ordinal));
        var body = new JsonObject();
        if (text is not null) body["text"] = text;
        if (urgencyJson is not null) body["urgency"] = JsonNode.Parse(urgencyJson);

        var response = await w.Mentee.PostJsonAsync($"/api/v1/mentorships/{w.Id}/checkins", body);

        await response.AssertNamesFieldAsync(field);
        var problem = await response.JsonAsync();
        Assert.Equal("One or more fields are not valid.", (string)problem["title"]!);
        var message = (string)problem["errors"]![field]![0]!;
        Assert.StartsWith(words, message, StringComparison.Ordinal);
        Assert.DoesNotContain("CanWaitForNextMeeting", message, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.CheckIns.AnyAsync(c => c.MentorshipId == w.Id)));
        Assert.False(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == w.Mentor.Id && n.Kind == NotificationKind.CheckIn)));
    }

    [Fact]
    public async Task TooLongACheckIn_SaysTheLimit_OnTheApiAndNextToThePagesField_TheSameWords()
    {
        var w = await app.ActiveAsync("Long");
        var text = new string('x', CheckIn.TextMax + 1);

        var api = await w.Mentee.PostJsonAsync($"/api/v1/mentorships/{w.Id}/checkins", new { text, urgency = "Today" });
        await api.AssertNamesFieldAsync("text");
        var apiWords = (string)Assert.Single((await api.JsonAsync())["errors"]!["text"]!.AsArray())!;
        Assert.Equal($"Must be at most {CheckIn.TextMax} characters; this has {CheckIn.TextMax + 1}.", apiWords);

        var page = await w.Mentee.Member.Browser.PostAsync($"/Mentorships/{w.Id}/CheckIns",
            new { Input__Text = text, Input__Urgency = "Today" }, "Raise");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(apiWords, Forms.FieldError(await page.Content.ReadAsStringAsync(), "Input_Text"));
        Assert.False(await app.WithDbAsync(db => db.CheckIns.AnyAsync(c => c.MentorshipId == w.Id)));
    }
}
