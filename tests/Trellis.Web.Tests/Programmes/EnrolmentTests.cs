using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Programmes;

/// <summary>Members enrol with the programme's form, see and leave their programmes (docs/programmes.md).</summary>
public sealed class EnrolmentTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task AMember_EnrolsWithTheForm_TheCoordinatorSeesTheAnswers_AndNobodyElseDoes()
    {
        var programme = await app.EnrollingAsync();
        var team = await programme.QuestionAsync("team", "ShortText", "Hard", required: true);
        var track = await programme.QuestionAsync("track", "SingleChoice", "Soft", ["Product", "Engineering"]);
        var hopes = await programme.QuestionAsync("hopes", "LongText", "Info", role: "Mentee");
        var tom = await app.MenteeAsync("Tom Enrolling");
        var eve = await app.MenteeAsync("Eve Enrolling");

        var enrolled = await tom.EnrolledAsync(programme, "Mentee", new()
        {
            [team] = ["Payments"], [track] = ["product"], [hopes] = ["Learn to lead a roadmap review."],
        });

        Assert.Equal("Enrolled", (string)enrolled["status"]!);
        var stored = await app.WithDbAsync(db => db.Participants.AsNoTracking().SingleAsync(p => p.MemberId == tom.Id));
        Assert.Equal(ParticipantStatus.Enrolled, stored.Status);
        Assert.Equal(["Product"], stored.Answers.Single(a => a.QuestionId == track).Values); // the choice's own spelling
        var mine = await tom.Api.GetFromJsonAsync<JsonArray>("/api/v1/me/programmes");
        Assert.Equal("Enrolled", (string)mine!.Single()!["participantStatus"]!);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == tom.Id
            && n.Kind == NotificationKind.Programme && n.Title == "You are enrolled in Spring cohort")));

        // The coordinator reads every answer; another member sees only that the programme exists.
        var participants = await programme.ParticipantsAsync();
        var row = participants["participants"]!.AsArray().Single()!;
        Assert.Equal(tom.Member.Email, (string)row["email"]!);
        Assert.Equal("Payments", (string)row["answers"]!.AsArray().Single(a => (string)a!["key"]! == "team")!["values"]![0]!);
        var about = await eve.Api.GetFromJsonAsync<JsonObject>($"{programme.Api}/about");
        Assert.All(about!["roles"]!.AsArray(), r => Assert.Null(r!["mine"]));
        Assert.DoesNotContain("Payments", about.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await eve.Api.GetAsync($"{programme.Api}/participants")).StatusCode);
        Assert.DoesNotContain("Payments", await eve.Member.Browser.GetStringAsync($"/Programmes/{programme.Slug}"),
            StringComparison.Ordinal);
        Assert.Contains("Payments", await tom.Member.Browser.GetStringAsync($"/Programmes/{programme.Slug}"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingAnswersAndProfileFields_Return400NamingEach_AndNothingIsWritten()
    {
        var programme = await app.EnrollingAsync();
        await programme.SetEnrolmentAsync(menteeFields: ["MenteeGoals", "Languages"]);
        var team = await programme.QuestionAsync("team", "ShortText", "Hard", required: true);
        var level = await programme.QuestionAsync("level", "Scale", "Info");
        var tom = await app.MenteeAsync("Tom Incomplete");

        var response = await tom.EnrolAsync(programme, "Mentee", new() { [level] = ["7"] });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await response.ErrorsAsync();
        Assert.Equal(new[] { $"answers.{level}", $"answers.{team}", "profile.languages", "profile.menteeGoals" }
            .Order(StringComparer.Ordinal), errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("1 to 5", (string)errors[$"answers.{level}"]![0]!, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Participants.AnyAsync(p => p.MemberId == tom.Id)));
        Assert.False(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == tom.Id
            && n.Kind == NotificationKind.Programme)));
    }

    [Fact]
    public async Task AMentor_GivesTheirCapacityForTheProgramme_AndMustBeOpenToMentoring()
    {
        var programme = await app.EnrollingAsync();
        var maria = await app.MentorAsync("Maria Enrolling", capacity: 3);
        var tom = await app.MenteeAsync("Tom Not A Mentor");

        var tooMany = await maria.EnrolAsync(programme, "Mentor", capacity: 51);
        var notOpen = await tom.EnrolAsync(programme, "Mentor", capacity: 1);
        var enrolled = await maria.EnrolledAsync(programme, "Mentor", capacity: 2);

        Assert.Contains("between 1 and 50", (string)(await tooMany.ErrorsAsync())["capacity"]![0]!, StringComparison.Ordinal);
        Assert.True((await notOpen.ErrorsAsync()).ContainsKey("profile.openToMentoring"));
        Assert.Equal(2, (int)enrolled["capacity"]!);
        var counts = await programme.Owner.Api.GetFromJsonAsync<JsonObject>($"{programme.Api}/counts");
        Assert.Equal(1, (int)counts!["mentorsEnrolled"]!);
        Assert.Equal(2, (int)counts["mentorPlaces"]!);
        Assert.False(await app.WithDbAsync(db => db.Participants.AnyAsync(p => p.MemberId == tom.Id)));
    }

    [Fact]
    public async Task InvitationOnlyAndDomainRules_AdmitOnlyThosePeople_PerRole()
    {
        var programme = await app.EnrollingAsync();
        await programme.SetEnrolmentAsync(menteeAccess: "Domains", menteeDomains: ["uni.example"], mentorAccess: "InvitationOnly");
        var outsider = await app.MenteeAsync("Olly Outsider");
        var student = new Person(await app.SignedInAsync("Sami Student", email: $"sami.{Guid.NewGuid():N}@cs.uni.example"), null!);
        student = student with { Api = await app.ApiAsync(student.Member) };
        var mentor = await app.MentorAsync("Maria Uninvited");

        var refused = await outsider.EnrolAsync(programme, "Mentee");
        var admitted = await student.EnrolAsync(programme, "Mentee");
        var uninvited = await mentor.EnrolAsync(programme, "Mentor", capacity: 1);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("uni.example", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, uninvited.StatusCode);
        Assert.Contains("by invitation only", await uninvited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal([student.Id], await app.WithDbAsync(db => db.Participants.Where(p => p.ProgrammeId == programme.Id)
            .Select(p => p.MemberId).ToListAsync()));
    }

    [Fact]
    public async Task ADraftProgramme_IsInvisible_AndAClosedOneTakesNobody()
    {
        var draft = await app.ProgrammeAsync();
        var tom = await app.MenteeAsync("Tom Early");

        Assert.Equal(HttpStatusCode.NotFound, (await tom.Api.GetAsync($"{draft.Api}/about")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tom.EnrolAsync(draft, "Mentee")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tom.Member.Browser.GetAsync($"/Programmes/{draft.Slug}")).StatusCode);

        var programme = await app.EnrollingAsync();
        await programme.MoveAsync("Closed");
        var late = await tom.EnrolAsync(programme, "Mentee");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Participants.AnyAsync(p => p.MemberId == tom.Id)));
    }

    [Fact]
    public async Task AMemberLeaves_TheCoordinatorSeesItInTheCounts_AndTheyMayEnrolAgain()
    {
        var programme = await app.EnrollingAsync();
        var tom = await app.MenteeAsync("Tom Leaving");
        await tom.EnrolledAsync(programme, "Mentee");

        var left = await tom.Api.PostAsJsonAsync($"{programme.Api}/leave", new { role = "Mentee" });
        var twice = await tom.Api.PostAsJsonAsync($"{programme.Api}/leave", new { role = "Mentee" });

        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var counts = await programme.Owner.Api.GetFromJsonAsync<JsonObject>($"{programme.Api}/counts");
        Assert.Equal(0, (int)counts!["menteesEnrolled"]!);
        Assert.Equal(1, (int)counts["left"]!);
        Assert.Equal("Left", (string)(await tom.Api.GetFromJsonAsync<JsonArray>("/api/v1/me/programmes"))!.Single()!["participantStatus"]!);

        await tom.EnrolledAsync(programme, "Mentee");
        Assert.Equal(ParticipantStatus.Enrolled, await app.WithDbAsync(db => db.Participants
            .Where(p => p.MemberId == tom.Id).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task TheEnrolmentPage_PutsErrorsNextToTheQuestion_AndEnrols()
    {
        var programme = await app.EnrollingAsync();
        var team = await programme.QuestionAsync("team", "ShortText", "Hard", required: true);
        var tom = await app.MenteeAsync("Tom Page");
        var page = $"/Programmes/{programme.Slug}/Enrol?role=Mentee";

        var bad = await tom.Member.Browser.PostAsync(page, new { Role = "Mentee" });
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("<span id=\"answer-team-error\" class=\"field-error\">Please answer this question.</span>", html,
            StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Participants.AnyAsync(p => p.MemberId == tom.Id)));

        var good = await tom.Member.Browser.PostAsync(page, [new("Role", "Mentee"), new($"Answers[{team}]", "Payments")]);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var answers = await app.WithDbAsync(db => db.Participants.Where(p => p.MemberId == tom.Id)
            .Select(p => p.Answers).SingleAsync());
        Assert.Equal(["Payments"], answers.Single().Values);
        Assert.Contains("Spring cohort", await tom.Member.Browser.GetStringAsync("/Programmes"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoordinatorsWriteTheForm_AndBadQuestionsAreNamed()
    {
        var programme = await app.EnrollingAsync();

        var bad = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/questions", new
        {
            key = "Team Name!", text = "", kind = "SingleChoice", use = "Hard", choices = new[] { "only one" },
        });
        var hardLongText = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/questions", new
        {
            key = "story", text = "Tell us", kind = "LongText", use = "Hard",
        });
        await programme.QuestionAsync("team", "ShortText", "Hard");
        var twice = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/questions", new
        {
            key = "team", text = "Again?", kind = "ShortText", use = "Info",
        });

        Assert.Equal(["choices", "key", "text"], (await bad.ErrorsAsync()).Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.True((await hardLongText.ErrorsAsync()).ContainsKey("use"));
        Assert.Contains("Another question", (string)(await twice.ErrorsAsync())["key"]![0]!, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.EnrolmentQuestions.CountAsync(q => q.ProgrammeId == programme.Id)));
    }
}
