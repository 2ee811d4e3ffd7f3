using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Mentorships;

public sealed class MentorshipApiTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task ProposeCounterAccept_MakesTheCounterTheAgreementInForce_ForBoth()
    {
        var mentor = await app.MentorAsync("Maria Counter");
        var mentee = await app.MenteeAsync("Tom Counter");

        var proposed = await mentee.ProposeAsync(mentor);
        var id = proposed.Id();
        Assert.Equal("Proposed", (string?)proposed["status"]);
        Assert.Equal(1, (int?)proposed["currentVersion"]);
        var mentorNote = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.MemberId == mentor.Id && n.Kind == NotificationKind.MentorshipRequest));
        Assert.Equal("Tom Counter asks you to be their mentor", mentorNote.Title);
        Assert.Equal($"/Mentorships/{id}", mentorNote.Link);
        await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == mentor.Member.Email) && m.Subject == "Tom Counter asks you to be their mentor");

        var inbox = await mentor.Api.GetFromJsonAsync<JsonArray>("/api/v1/mentorships?role=Mentor");
        Assert.True((bool?)inbox!.Single()!["myTurn"]);
        Assert.Empty((await mentee.Api.GetFromJsonAsync<JsonArray>("/api/v1/mentorships?role=Mentor"))!);

        var counter = await mentor.CounterAsync(id, 1, a => { a["cadenceEvery"] = 2; a["cadenceUnit"] = "Weeks"; a["meetingMinutes"] = 45; });
        Assert.Equal(HttpStatusCode.OK, counter.StatusCode);
        Assert.Equal("Maria Counter suggests changes to your mentorship agreement",
            await app.WithDbAsync(db => db.Notifications.Where(n => n.MemberId == mentee.Id && n.Kind == NotificationKind.CounterProposal).Select(n => n.Title).SingleAsync()));

        var accepted = await mentee.AcceptAsync(id, 2);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        foreach (var side in new[] { mentee, mentor })
        {
            var seen = await side.Api.GetFromJsonAsync<JsonObject>($"/api/v1/mentorships/{id}");
            Assert.Equal("Active", (string?)seen!["status"]);
            Assert.Equal(2, (int?)seen["acceptedVersion"]);
            Assert.Equal(2, (int?)seen["agreementInForce"]!["cadenceEvery"]);
            Assert.Equal("Weeks", (string?)seen["agreementInForce"]!["cadenceUnit"]);
            Assert.Equal(2, seen["versions"]!.AsArray().Count);
            var diff = await side.Api.GetFromJsonAsync<JsonObject>($"/api/v1/mentorships/{id}/diff?from=1&to=2");
            var changes = diff!["changes"]!.AsArray();
            Assert.Equal(["cadence", "meetingMinutes"], changes.Select(c => (string?)c!["field"]));
            Assert.Equal("every month", (string?)changes[0]!["before"]);
            Assert.Equal("every 2 weeks", (string?)changes[0]!["after"]);
        }
        Assert.Equal((1, 1), await app.WithDbAsync(async db => (
            await db.Profiles.Where(p => p.MemberId == mentor.Id).Select(p => p.ActiveMentees).SingleAsync(),
            await db.Profiles.Where(p => p.MemberId == mentee.Id).Select(p => p.ActiveMentors).SingleAsync())));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == mentor.Id && n.Kind == NotificationKind.RequestAnswered)));
    }

    public static TheoryData<string, string, Action<JsonObject>> BadProposals => new()
    {
        { "agreement.goals", "at least one goal", a => a.Remove("goals") },
        { "agreement.startDate", "required", a => a.Remove("startDate") },
        { "agreement.formality", "required", a => a.Remove("formality") },
        { "agreement.confidentiality", "required", a => a["confidentiality"] = "  " },
        { "agreement.reviewEveryMonths", "longer than the planned duration", a => { a["durationMonths"] = 3; a["reviewEveryMonths"] = 6; } },
        { "agreement.startDate", "today or later", a => a["startDate"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
        { "agreement.cadenceEvery", "between 1 and 12", a => a["cadenceEvery"] = 0 },
        { "agreement.meetingMinutes", "between 15 and 240", a => a["meetingMinutes"] = 600 },
        { "agreement.personalNote", "at most 2000", a => a["personalNote"] = new string('n', 2001) },
        { "agreement.confidentiality", "at most 2000", a => a["confidentiality"] = new string('c', 2001) },
        { "agreement.goals", "at most 200", a => a["goals"] = new JsonArray(new string('g', 201)) },
        { "agreement.channels", "one of", a => a["channels"] = new JsonArray("carrier pigeon") },
        { "agreement.medium", "wrong type", a => a["medium"] = "Telepathy" },
        { "agreement.medium", "Phone, Video or InPerson", a => a["medium"] = 7 },
    };

    [Theory]
    [MemberData(nameof(BadProposals))]
    public async Task Propose_WithABadField_Returns400NamingIt_AndWritesNothing(string field, string message, Action<JsonObject> spoil)
    {
        var mentor = await app.MentorAsync("Maria Strict");
        var mentee = await app.MenteeAsync("Tom Sloppy");

        var response = await mentee.Api.PostAsJsonAsync("/api/v1/mentorships", MentorshipBuilders.Proposal(mentor.Id, spoil));

        await AssertProblemNames(response, field, message);
        Assert.False(await app.WithDbAsync(db => db.Mentorships.AnyAsync(m => m.MenteeId == mentee.Id)));
        Assert.False(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == mentor.Id && n.Kind == NotificationKind.MentorshipRequest)));
    }

    [Fact]
    public async Task Propose_WithoutAMentor_OrToMyself_Is400()
    {
        var mentee = await app.MentorAsync("Sam Self");
        await AssertProblemNames(await mentee.Api.PostAsJsonAsync("/api/v1/mentorships", new JsonObject { ["agreement"] = MentorshipBuilders.Agreement() }), "mentorId", "required");
        await AssertProblemNames(await mentee.Api.PostAsJsonAsync("/api/v1/mentorships", MentorshipBuilders.Proposal(mentee.Id)), "mentorId", "own mentor");
        Assert.False(await app.WithDbAsync(db => db.Mentorships.AnyAsync(m => m.MenteeId == mentee.Id)));
    }

    [Fact]
    public async Task Counter_WithABadField_Returns400_AndLeavesTheVersionsAlone()
    {
        var mentor = await app.MentorAsync("Maria Bad Counter");
        var mentee = await app.MenteeAsync("Tom Bad Counter");
        var id = (await mentee.ProposeAsync(mentor)).Id();

        await AssertProblemNames(await mentor.CounterAsync(id, 1, a => a["cadenceEvery"] = 0), "agreement.cadenceEvery", "between 1 and 12");
        await AssertProblemNames(await mentor.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/counter", new JsonObject { ["agreement"] = MentorshipBuilders.Agreement() }), "basedOnVersion", "version");
        await AssertProblemNames(await mentor.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/accept", new { }), "version", "version");
        await AssertProblemNames(await mentor.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/decline", new { message = "no" }), "reason", "reason");
        await AssertProblemNames(await mentor.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/questions", new { text = new string('q', 1001) }), "text", "at most 1000");
        Assert.Equal(1, await app.WithDbAsync(db => db.AgreementVersions.CountAsync(v => v.MentorshipId == id)));
        Assert.Equal(MentorshipStatus.Proposed, await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
        Assert.Empty(await app.WithDbAsync(db => db.MentorshipQuestions.Where(q => q.MentorshipId == id).ToListAsync()));
    }

    [Fact]
    public async Task AThirdMember_Gets404_FromEveryEndpoint_AndChangesNothing()
    {
        var mentor = await app.MentorAsync("Maria Private");
        var mentee = await app.MenteeAsync("Tom Private");
        var nosy = await app.MentorAsync("Nora Nosy");
        var id = (await mentee.ProposeAsync(mentor)).Id();
        var before = await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == id).Select(m => m.Version).SingleAsync());
        var change = new JsonObject { ["basedOnVersion"] = 1, ["agreement"] = MentorshipBuilders.Agreement() };

        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["get"] = await nosy.Api.GetAsync($"/api/v1/mentorships/{id}"),
            ["diff"] = await nosy.Api.GetAsync($"/api/v1/mentorships/{id}/diff?from=1&to=1"),
            ["counter"] = await nosy.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/counter", change),
            ["edit"] = await nosy.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/edit", change),
            ["accept"] = await nosy.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/accept", new { version = 1 }),
            ["decline"] = await nosy.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/decline", new { reason = "NotTheRightFit" }),
            ["withdraw"] = await nosy.Api.PostAsync($"/api/v1/mentorships/{id}/withdraw", null),
            ["questions"] = await nosy.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/questions", new { text = "Who are you two?" }),
        };

        foreach (var (endpoint, response) in responses)
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{endpoint}: {response.StatusCode}");
        Assert.Empty((await nosy.Api.GetFromJsonAsync<JsonArray>("/api/v1/mentorships"))!);
        Assert.Equal(before, await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == id).Select(m => m.Version).SingleAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync($"/api/v1/mentorships/{id}")).StatusCode);
    }

    [Fact]
    public async Task Propose_TwiceToTheSameMentor_IsAConflict()
    {
        var mentor = await app.MentorAsync("Maria Twice");
        var mentee = await app.MenteeAsync("Tom Twice");
        await mentee.ProposeAsync(mentor);

        var again = await mentee.Api.PostAsJsonAsync("/api/v1/mentorships", MentorshipBuilders.Proposal(mentor.Id));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Mentorships.CountAsync(m => m.MenteeId == mentee.Id)));
    }

    [Fact]
    public async Task Propose_ToSomeoneNotOpenToMentoring_IsAConflict()
    {
        var notMentor = await app.MenteeAsync("Nina Not Mentoring");
        var mentee = await app.MenteeAsync("Tom Hopeful");
        var response = await mentee.Api.PostAsJsonAsync("/api/v1/mentorships", MentorshipBuilders.Proposal(notMentor.Id));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mentee.Api.PostAsJsonAsync("/api/v1/mentorships", MentorshipBuilders.Proposal(Guid.NewGuid()))).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Mentorships.AnyAsync(m => m.MenteeId == mentee.Id)));
    }

    [Fact]
    public async Task ActingOnAnOlderVersion_Is409_AndChangesNothing()
    {
        var mentor = await app.MentorAsync("Maria Stale");
        var mentee = await app.MenteeAsync("Tom Editor");
        var id = (await mentee.ProposeAsync(mentor)).Id();
        var edit = await mentee.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/edit",
            new JsonObject { ["basedOnVersion"] = 1, ["agreement"] = MentorshipBuilders.Agreement(a => a["meetingMinutes"] = 30) });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);

        var staleAccept = await mentor.AcceptAsync(id, 1);
        var staleCounter = await mentor.CounterAsync(id, 1, a => a["cadenceEvery"] = 2);

        Assert.Equal(HttpStatusCode.Conflict, staleAccept.StatusCode);
        Assert.Contains("version 2", (await staleAccept.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, staleCounter.StatusCode);
        var stored = await app.WithDbAsync(db => db.Mentorships.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal((MentorshipStatus.Proposed, 2, (int?)null), (stored.Status, stored.CurrentVersion, stored.AcceptedVersion));
        Assert.Equal(HttpStatusCode.OK, (await mentor.AcceptAsync(id, 2)).StatusCode);
    }

    [Fact]
    public async Task WrongMemberForAnAction_Is409()
    {
        var mentor = await app.MentorAsync("Maria Roles");
        var mentee = await app.MenteeAsync("Tom Roles");
        var id = (await mentee.ProposeAsync(mentor)).Id();

        Assert.Equal(HttpStatusCode.Conflict, (await mentee.AcceptAsync(id, 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await mentee.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/decline", new { reason = "Other" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await mentor.Api.PostAsync($"/api/v1/mentorships/{id}/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await mentee.CounterAsync(id, 1)).StatusCode);
        Assert.Equal(MentorshipStatus.Proposed, await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task Decline_TellsTheMentee_WithTheKindReason_AndACoolDownFollows()
    {
        var mentor = await app.MentorAsync("Maria Decliner");
        var mentee = await app.MenteeAsync("Tom Declined");
        var id = (await mentee.ProposeAsync(mentor)).Id();

        var declined = await mentor.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/decline", new { reason = "OutsideMyExperience", message = "Ana knows this far better than I do." });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var note = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.MemberId == mentee.Id && n.Kind == NotificationKind.RequestAnswered));
        Assert.Contains("outside what I know", note.Body, StringComparison.Ordinal);
        Assert.Contains("Ana knows this far better", note.Body, StringComparison.Ordinal);

        var tooSoon = await mentee.Api.PostAsJsonAsync("/api/v1/mentorships", MentorshipBuilders.Proposal(mentor.Id));
        Assert.Equal(HttpStatusCode.Conflict, tooSoon.StatusCode);
        Assert.Contains("ask again from", (await tooSoon.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var longAgo = DateTimeOffset.UtcNow.AddDays(-31);
        await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.ClosedAt, longAgo)));
        await mentee.ProposeAsync(mentor);
    }

    [Fact]
    public async Task Withdraw_TellsTheMentor_AndACoolDownFollows()
    {
        var mentor = await app.MentorAsync("Maria Left");
        var mentee = await app.MenteeAsync("Tom Withdrawer");
        var id = (await mentee.ProposeAsync(mentor)).Id();

        Assert.Equal(HttpStatusCode.OK, (await mentee.Api.PostAsync($"/api/v1/mentorships/{id}/withdraw", null)).StatusCode);

        Assert.Equal("Tom Withdrawer withdrew their request",
            await app.WithDbAsync(db => db.Notifications.Where(n => n.MemberId == mentor.Id && n.Kind == NotificationKind.RequestAnswered).Select(n => n.Title).SingleAsync()));
        Assert.Equal(HttpStatusCode.Conflict, (await mentee.Api.PostAsJsonAsync("/api/v1/mentorships", MentorshipBuilders.Proposal(mentor.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await mentee.Api.PostAsync($"/api/v1/mentorships/{id}/withdraw", null)).StatusCode);
    }

    [Fact]
    public async Task AskQuestion_IsKeptWithTheRequest_AndTellsTheOtherMember()
    {
        var mentor = await app.MentorAsync("Maria Curious");
        var mentee = await app.MenteeAsync("Tom Asked");
        var id = (await mentee.ProposeAsync(mentor)).Id();

        var asked = await mentor.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/questions", new { text = "Would video work instead of phone?" });

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var seen = await mentee.Api.GetFromJsonAsync<JsonObject>($"/api/v1/mentorships/{id}");
        Assert.Equal("Would video work instead of phone?", (string?)seen!["questions"]![0]!["text"]);
        Assert.Equal("Mentor", (string?)seen["questions"]![0]!["askedBy"]);
        Assert.Equal("Proposed", (string?)seen["status"]);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == mentee.Id && n.Kind == NotificationKind.MentorshipQuestion)));
    }

    [Fact]
    public async Task Accept_WhenTheMentorIsAtCapacity_ReturnsConflict_AndConsumesNothing()
    {
        var mentor = await app.MentorAsync("Maria Full", capacity: 1);
        var first = await app.MenteeAsync("Tom First");
        var second = await app.MenteeAsync("Tom Second");
        var a = (await first.ProposeAsync(mentor)).Id();
        var b = (await second.ProposeAsync(mentor)).Id();

        Assert.Equal(HttpStatusCode.OK, (await mentor.AcceptAsync(a, 1)).StatusCode);
        var refused = await mentor.AcceptAsync(b, 1);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("no room", (await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(MentorshipStatus.Proposed, await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == b).Select(m => m.Status).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Profiles.Where(p => p.MemberId == second.Id).Select(p => p.ActiveMentors).SingleAsync()));

        // A full mentor takes no new requests either.
        var third = await app.MenteeAsync("Tom Third");
        Assert.Equal(HttpStatusCode.Conflict, (await third.Api.PostAsJsonAsync("/api/v1/mentorships", MentorshipBuilders.Proposal(mentor.Id))).StatusCode);
    }

    [Fact]
    public async Task Templates_IncludeTheLightAndInformalOne_FromTheSeed()
    {
        var member = await app.MenteeAsync("Tom Templates");
        var templates = await member.Api.GetFromJsonAsync<JsonArray>("/api/v1/mentorships/templates");
        Assert.Equal(["light-and-informal", "structured-programme", "peer-exchange"], templates!.Select(t => (string?)t!["key"]));
        var light = templates![0]!["agreement"]!.AsObject();
        Assert.Equal(("Informal", 1, "Months", 60, "Phone"), ((string?)light["formality"], (int?)light["cadenceEvery"], (string?)light["cadenceUnit"], (int?)light["meetingMinutes"], (string?)light["medium"]));
        Assert.Equal(Agreement.DefaultConfidentiality, (string?)light["confidentiality"]);
    }

    [Fact]
    public async Task OpenApi_DescribesEveryMentorshipEndpoint()
    {
        var doc = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        foreach (var name in new[] { "ListMentorships", "ListAgreementTemplates", "ProposeMentorship", "GetMentorship", "DiffAgreementVersions",
                     "CounterProposeAgreement", "EditProposal", "AcceptAgreement", "DeclineMentorship", "WithdrawMentorship", "AskAboutMentorship" })
            Assert.Contains($"\"operationId\": \"{name}\"", doc, StringComparison.Ordinal);
    }

    private static async Task AssertProblemNames(HttpResponseMessage response, string field, string message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"errors should name {field}: {errors.ToJsonString()}");
        Assert.Contains(message, errors[field]![0]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }
}
