using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Programmes.Matching;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Platform;

namespace Trellis.Web.Tests.Programmes;

/// <summary>
/// Issue 12 item 7, the third-member guard extended to programmes. Coordinators see enrolment answers, drafts,
/// statuses and counts, never what is inside a relationship: a coordinator gets 404 from EVERY workspace endpoint and
/// page of a pair their programme made; a coordinator of one programme gets 404 from everything of another; a member
/// sees only their own answers. The endpoints come from the EndpointDataSource (<see cref="EndpointProbe"/>), so a
/// new one is covered the day it is added; the row count of every table is the same afterwards (on PrivacyApp: no
/// background job writes meanwhile).
/// </summary>
public sealed class CoordinatorPrivacyTests(PrivacyApp app) : IClassFixture<PrivacyApp>
{
    private const string ProgrammeApi = "/api/v1/programmes/{id:guid}";

    /// <summary>A published programme's door: any signed-in member may read about it, read its form, enrol, leave
    /// and (an enrolled mentee) find its mentors. These answer a member about their own place only; the guard checks
    /// that no one else's answers come through them.</summary>
    private static readonly HashSet<string> MemberDoor =
    [
        $"{ProgrammeApi}/about", $"{ProgrammeApi}/enrolment-form", $"{ProgrammeApi}/enrol", $"{ProgrammeApi}/leave",
        $"{ProgrammeApi}/mentors", "/Programmes/{slug}", "/Programmes/{slug}/Enrol", "/Programmes/{slug}/Mentors",
    ];

    /// <summary>Everything of one programme: its API and its pages, the coordinators' and the members' door.</summary>
    private EndpointProbe ProgrammeProbe => new(app, [ProgrammeApi], ["/Programmes/{slug}"]);

    private static bool Door(string route) => MemberDoor.Contains(route);

    [Fact]
    public async Task ACoordinator_Gets404_FromEveryWorkspaceEndpointAndPage_OfAPairTheirProgrammeMade()
    {
        var marker = "PAIRWORDS" + Guid.NewGuid().ToString("N")[..8];
        var (programme, tom, maria, ids) = await ProgrammeWithEverythingAsync("Pair", "plain team");
        var mentorshipId = await ApproveAndAcceptAsync(programme, ids["draftId"], maria);
        var workspace = await WorkspaceSeed.FillAsync(app, maria, tom, mentorshipId, marker);
        var second = await app.MenteeAsync("Colin Cocoordinator");
        (await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/coordinators", new { email = second.Member.Email })).EnsureSuccessStatusCode();
        var before = await SnapshotAsync(mentorshipId);

        var calls = new List<ProbeCall>();
        foreach (var coordinator in new[] { programme.Owner, second })
            calls.AddRange(await WorkspaceSeed.Probe(app).CallEverythingAsync(coordinator, workspace));

        var problems = EndpointProbe.Not404(calls);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(calls.Count > 120, $"only {calls.Count} calls: is the enumeration still finding the endpoints?");
        Assert.Equal(before, await SnapshotAsync(mentorshipId));

        // What they may see of their own programme (every GET of its API and pages) shows the pair, never a word of it.
        var own = await ProgrammeProbe.CallEverythingAsync(programme.Owner, ids, readOnly: true);
        Assert.All(own.Where(c => !Door(RouteOf(c))), c => Assert.Equal(HttpStatusCode.OK, c.Status));
        Assert.DoesNotContain(own, c => c.Body.Contains(marker, StringComparison.Ordinal));
        Assert.Contains(own, c => c.What == $"GET {ProgrammeApi}/drafts" && c.Body.Contains("\"Approved\"", StringComparison.Ordinal));
        Assert.Equal(before, await SnapshotAsync(mentorshipId));
        Report("coordinator of the pair's programme, workspace", calls);
    }

    [Fact]
    public async Task ACoordinatorOfAnotherProgramme_Gets404_FromEverythingOfIt_AndSeesNoAnswers()
    {
        var (programme, _, _, ids) = await ProgrammeWithEverythingAsync("Other", "Payments secret team");
        var other = await app.EnrollingAsync(kind: "Evergreen", name: "Another programme");
        var before = await app.OfEveryTableAsync();

        var calls = await ProgrammeProbe.CallEverythingAsync(other.Owner, ids);

        var problems = EndpointProbe.Not404(calls.Where(c => !Door(RouteOf(c))));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.DoesNotContain(calls, c => c.Body.Contains("Payments secret team", StringComparison.Ordinal));
        Assert.True(calls.Count(c => !Door(RouteOf(c))) > 40, $"only {calls.Count} calls: is the enumeration still finding the endpoints?");
        Assert.Equal(before, await app.OfEveryTableAsync());
        Assert.Equal(HttpStatusCode.OK, (await other.Owner.Api.GetAsync($"{other.Api}/participants")).StatusCode); // their own works
        Report("coordinator of another programme, everything of it", calls);
    }

    [Fact]
    public async Task AMember_SeesOnlyTheirOwnAnswers_AndNothingTheCoordinatorsSee()
    {
        var (programme, _, _, ids) = await ProgrammeWithEverythingAsync("Answers", "Tom's own secret team");
        var tina = await app.MenteeAsync("Tina Enrolled");
        await tina.EnrolledAsync(programme, "Mentee", new() { [Guid.Parse(ids["questionId"])] = ["Tina's own team"] });
        var before = await app.OfEveryTableAsync();

        var calls = await ProgrammeProbe.CallEverythingAsync(tina, ids);
        calls.Add(await GetAsync(tina, "/api/v1/me/programmes"));
        calls.Add(await GetPageAsync(tina, "/Programmes"));

        var problems = EndpointProbe.Not404(calls.Where(c => !Door(RouteOf(c)) && c.What is not ("GET /api/v1/me/programmes" or "GET page /Programmes")));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.DoesNotContain(calls, c => c.Body.Contains("Tom's own secret team", StringComparison.Ordinal)
                                          || c.Body.Contains("Tom&#x27;s own secret team", StringComparison.Ordinal));
        Assert.Equal(before, await app.OfEveryTableAsync());
        // Her own answer she does see, on the programme's page.
        var page = await tina.Member.Browser.GetStringAsync($"/Programmes/{programme.Slug}");
        Assert.Contains("Tina&#x27;s own team", page, StringComparison.Ordinal);
        Report("enrolled member, everything of her programme", calls);
    }

    // --- a programme with something behind every route parameter ------------------------------------

    /// <summary>An evergreen programme matched by hand, with an info question, an enrolled mentee (Tom, answering
    /// <paramref name="tomsAnswer"/>) and mentor (Maria), a pending invitation and a draft pairing them.</summary>
    private async Task<(TestProgramme, Person Tom, Person Maria, Dictionary<string, string> Ids)> ProgrammeWithEverythingAsync(
        string who, string tomsAnswer)
    {
        var programme = await app.EnrollingAsync(kind: "Evergreen", name: $"Programme {who}");
        await programme.SetModeAsync("ByHand");
        var question = await programme.QuestionAsync("team", "ShortText", "Info");
        var tom = await app.MenteeAsync($"Tom {who}");
        var maria = await app.MentorAsync($"Maria {who}");
        await tom.EnrolledAsync(programme, "Mentee", new() { [question] = [tomsAnswer] });
        await maria.EnrolledAsync(programme, "Mentor", new() { [question] = ["Mentoring team"] });
        (await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/invitations",
            new { emails = new[] { $"invited-{Guid.NewGuid():N}@example.org" }, role = "Mentee" })).EnsureSuccessStatusCode();
        var invitation = (await programme.Owner.Api.GetFromJsonAsync<JsonArray>($"{programme.Api}/invitations"))!.Single()!;
        var participants = await programme.ParticipantsAsync();
        var draft = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/drafts", new { menteeId = tom.Id, mentorId = maria.Id });
        Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
        var rule = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/pair-rules", new { menteeId = tom.Id, mentorId = maria.Id, kind = "Forbid" });
        Assert.True(rule.IsSuccessStatusCode, await rule.Content.ReadAsStringAsync());
        // A finished bulk run (a queued one would hold approvals back), as the engine leaves it.
        var run = new BulkRun(programme.Id, programme.Owner.Id, DateTimeOffset.UtcNow);
        run.Finish(1, 1, 0, [new UnmatchedNote(tom.Id, "Every mentor who would suit them is full.")], DateTimeOffset.UtcNow);
        await app.WithDbAsync(async db => { db.BulkRuns.Add(run); await db.SaveChangesAsync(); });
        var ids = new Dictionary<string, string>
        {
            ["ruleId"] = (string)(await rule.Content.ReadFromJsonAsync<JsonObject>())!["id"]!, ["runId"] = run.Id.ToString(),
            ["id"] = programme.Id.ToString(), ["slug"] = programme.Slug, ["questionId"] = question.ToString(),
            ["invitationId"] = (string)invitation["id"]!, ["memberId"] = programme.Owner.Id.ToString(),
            ["participantId"] = (string)participants["participants"]!.AsArray().Single(p => (string)p!["role"]! == "Mentee")!["id"]!,
            ["draftId"] = (string)(await draft.Content.ReadFromJsonAsync<JsonObject>())!["id"]!,
            ["menteeId"] = tom.Id.ToString(), ["mentorId"] = maria.Id.ToString(), ["mentee"] = tom.Id.ToString(), ["mentor"] = maria.Id.ToString(),
            // No pair exists yet: the nudge's guard on a real pair is NudgeTests' (other coordinator, participant, third member).
            ["mentorshipId"] = Guid.NewGuid().ToString(), ["report"] = "enrolment",
        };
        return (programme, tom, maria, ids);
    }

    /// <summary>The coordinator approves the draft, the mentor accepts: an active pair of the programme.</summary>
    private async Task<Guid> ApproveAndAcceptAsync(TestProgramme programme, string draftId, Person mentor)
    {
        var drafts = await programme.Owner.Api.GetFromJsonAsync<JsonArray>($"{programme.Api}/drafts");
        var version = drafts!.Single(d => (string)d!["id"]! == draftId)!["version"];
        (await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/drafts/{draftId}/approve", new { version })).EnsureSuccessStatusCode();
        var id = await app.WithDbAsync(db => db.Mentorships.Where(m => m.ProgrammeId == programme.Id).Select(m => m.Id).SingleAsync());
        (await mentor.AcceptAsync(id, 1)).EnsureSuccessStatusCode();
        Assert.Equal(MentorshipStatus.Active, await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
        return id;
    }

    private static async Task<ProbeCall> GetAsync(Person who, string url)
    {
        using var response = await who.Api.GetAsync(url);
        return new ProbeCall($"GET {url}", response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<ProbeCall> GetPageAsync(Person who, string url)
    {
        using var response = await who.Member.Browser.GetAsync(url);
        return new ProbeCall($"GET page {url}", response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>"GET page /Programmes/{slug}/Manage" → "/Programmes/{slug}/Manage".</summary>
    private static string RouteOf(ProbeCall call) => call.What.Split(' ').First(p => p.StartsWith('/'));

    private async Task<string> SnapshotAsync(Guid mentorshipId)
    {
        var m = await app.WithDbAsync(db => db.Mentorships.AsNoTracking().SingleAsync(x => x.Id == mentorshipId));
        return await app.OfEveryTableAsync() + $"\nmentorship={m.Status}/{m.CurrentVersion}/{m.Version}";
    }

    /// <summary>The guard's counts, for the closing note of issue 12 (shown with --output Detailed).</summary>
    private static void Report(string who, List<ProbeCall> calls)
    {
        var api = calls.Count(c => !c.What.StartsWith("GET page", StringComparison.Ordinal) && !c.What.StartsWith("POST page", StringComparison.Ordinal));
        var pages = calls.Count(c => c.What.StartsWith("GET page", StringComparison.Ordinal));
        var forms = calls.Count(c => c.What.StartsWith("POST page", StringComparison.Ordinal));
        var notFound = calls.Count(c => c.Status == HttpStatusCode.NotFound);
        var line = $"privacy guard [{who}]: {calls.Count} calls ({api} API route×method, {pages} pages, {forms} page form handlers), " +
                   $"{notFound} answered 404, {calls.Count - notFound} member-door answers checked for others' words; row counts unchanged";
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Console.WriteLine(line);
    }
}
