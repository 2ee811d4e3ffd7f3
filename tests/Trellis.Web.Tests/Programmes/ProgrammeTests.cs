using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Programmes;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Programmes;

/// <summary>Creating a programme, its states, its settings and its coordinators (docs/programmes.md).</summary>
public sealed class ProgrammeTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task AnAdministrator_CreatesAProgramme_AndItsOwnerIsToldAndCoordinatesIt()
    {
        var admin = await app.AdministratorAsync();
        var owner = await app.MenteeAsync("Olga Owner");
        var slug = ProgrammeBuilders.NewSlug("spring");

        var created = await admin.Api.PostAsJsonAsync("/api/v1/admin/programmes",
            new { slug, name = "Spring cohort 2027", kind = "Cohort", ownerEmail = owner.Member.Email.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Draft", (string)view["status"]!);
        var id = view["id"]!.GetValue<Guid>();
        Assert.True(await app.WithDbAsync(db => db.ProgrammeCoordinators.AnyAsync(c => c.ProgrammeId == id && c.MemberId == owner.Id && c.IsOwner)));
        var mail = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == owner.Member.Email) && m.Subject == "You coordinate Spring cohort 2027");
        Assert.Contains($"/Programmes/{slug}/Manage", mail.Text(), StringComparison.Ordinal);
        var mine = await owner.Api.GetFromJsonAsync<JsonArray>("/api/v1/programmes/coordinated");
        Assert.Contains(mine!, p => (string)p!["slug"]! == slug);
    }

    [Fact]
    public async Task CreatingWithBadInput_Returns400NamingEachField_AndWritesNothing()
    {
        var admin = await app.AdministratorAsync();
        var before = await app.WithDbAsync(db => db.Programmes.CountAsync());

        var response = await admin.Api.PostAsJsonAsync("/api/v1/admin/programmes",
            new { slug = "Not A Slug!", name = "", kind = (string?)null, ownerEmail = "nobody@example.org" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["kind", "name", "ownerEmail", "slug"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(before, await app.WithDbAsync(db => db.Programmes.CountAsync()));
    }

    [Fact]
    public async Task ATakenOrReservedAddress_IsRefusedByName()
    {
        var admin = await app.AdministratorAsync();
        var first = await app.ProgrammeAsync(admin);

        var taken = await admin.Api.PostAsJsonAsync("/api/v1/admin/programmes",
            new { slug = first.Slug, name = "Again", kind = "Cohort", ownerEmail = first.Owner.Member.Email });
        var reserved = await admin.Api.PostAsJsonAsync("/api/v1/admin/programmes",
            new { slug = "invitations", name = "Again", kind = "Cohort", ownerEmail = first.Owner.Member.Email });

        Assert.Contains("already has the address", await ErrorFor(taken, "slug"), StringComparison.Ordinal);
        Assert.Contains("used by Trellis itself", await ErrorFor(reserved, "slug"), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Programmes.CountAsync(p => p.Name == "Again" || p.Slug == first.Slug)));
    }

    [Fact]
    public async Task OnlyAdministrators_ListAndCreateProgrammes_OthersGet404()
    {
        var member = await app.MenteeAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await member.Api.GetAsync("/api/v1/admin/programmes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Api.PostAsJsonAsync("/api/v1/admin/programmes",
            new { slug = "mine-now", name = "Mine", kind = "Cohort", ownerEmail = member.Member.Email })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Member.Browser.GetAsync("/Admin/Programmes")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Programmes.AnyAsync(p => p.Slug == "mine-now")));
    }

    [Fact]
    public async Task AMemberWhoDoesNotCoordinate_Gets404_FromTheProgrammeAndItsPages()
    {
        var programme = await app.ProgrammeAsync();
        var other = await app.MenteeAsync("Otto Other");
        var view = await programme.ViewAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await other.Api.GetAsync(programme.Api)).StatusCode);
        var details = ProgrammeBody.Details(view, d => d["name"] = "Taken over");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Api.PutAsJsonAsync($"{programme.Api}/details", details)).StatusCode);
        foreach (var page in new[] { "", "/Settings", "/Coordinators" })
            Assert.Equal(HttpStatusCode.NotFound, (await other.Member.Browser.GetAsync(programme.Manage + page)).StatusCode);
        Assert.Equal("Spring cohort", (string)(await programme.ViewAsync())["name"]!);
    }

    [Fact]
    public async Task DetailsSavedFromAStaleVersion_Get409_AndTheFirstSaveStays()
    {
        var programme = await app.ProgrammeAsync();
        var view = await programme.ViewAsync();

        var first = await programme.Owner.Api.PutAsJsonAsync($"{programme.Api}/details",
            ProgrammeBody.Details(view, d => d["name"] = "Autumn cohort"));
        var second = await programme.Owner.Api.PutAsJsonAsync($"{programme.Api}/details",
            ProgrammeBody.Details(view, d => d["name"] = "Winter cohort"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("Autumn cohort", (string)(await programme.ViewAsync())["name"]!);
    }

    [Fact]
    public async Task DatesOutOfOrder_AreRefusedByName()
    {
        var programme = await app.ProgrammeAsync();
        var view = await programme.ViewAsync();

        var response = await programme.Owner.Api.PutAsJsonAsync($"{programme.Api}/details", ProgrammeBody.Details(view, d =>
        {
            d["enrolmentOpensOn"] = "2027-03-01";
            d["enrolmentClosesOn"] = "2027-02-01";
            d["runsFrom"] = "2027-04-01";
            d["runsUntil"] = "2027-04-01";
            d["menteeTerm"] = "stud3nt";
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Must not be before the day enrolment opens", await ErrorFor(response, "enrolmentClosesOn"), StringComparison.Ordinal);
        Assert.Equal(view.Version(), (await programme.ViewAsync()).Version());
    }

    [Fact]
    public async Task ACohort_GoesFromDraftToClosed_OnlyAlongItsStates()
    {
        var programme = await app.ProgrammeAsync();
        var view = await programme.ViewAsync();
        Assert.Equal(["Enrolling"], view["nextStates"]!.AsArray().Select(s => (string)s!));

        // A cohort cannot open enrolment without a closing day.
        var noDay = await Move(programme, view, "Enrolling");
        Assert.Contains("closes", await ErrorFor(noDay, "enrolmentClosesOn"), StringComparison.Ordinal);
        (await programme.Owner.Api.PutAsJsonAsync($"{programme.Api}/details",
            ProgrammeBody.Details(view, d => d["enrolmentClosesOn"] = "2030-01-31"))).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Conflict, (await Move(programme, await programme.ViewAsync(), "Running")).StatusCode);
        foreach (var to in new[] { "Enrolling", "Matching", "Running", "Closed" })
        {
            var moved = await Move(programme, await programme.ViewAsync(), to);
            Assert.True(moved.IsSuccessStatusCode, $"{to}: {await moved.Content.ReadAsStringAsync()}");
        }
        var closed = await programme.ViewAsync();
        Assert.Equal("Closed", (string)closed["status"]!);
        Assert.Empty(closed["nextStates"]!.AsArray());

        var archived = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/archive", new { version = closed.Version() });
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        var again = await programme.Owner.Api.PutAsJsonAsync($"{programme.Api}/details", ProgrammeBody.Details(await programme.ViewAsync()));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.True((bool)(await programme.ViewAsync())["archived"]!);
    }

    [Fact]
    public async Task AnEvergreenProgramme_RunsWhileEnrolling_AndCannotBeArchivedWhileRunning()
    {
        var programme = await app.ProgrammeAsync(kind: "Evergreen");
        Assert.True((await Move(programme, await programme.ViewAsync(), "Enrolling")).IsSuccessStatusCode);
        Assert.True((await Move(programme, await programme.ViewAsync(), "Running")).IsSuccessStatusCode);

        var archive = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/archive", new { version = (await programme.ViewAsync()).Version() });

        Assert.Equal(HttpStatusCode.Conflict, archive.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Programmes.AnyAsync(p => p.Id == programme.Id && p.Status == ProgrammeStatus.Running && p.ArchivedAt == null)));
    }

    [Fact]
    public async Task EnrolmentAndMatchingSettings_AreSaved_AndBadOnesNamed()
    {
        var programme = await app.ProgrammeAsync();
        var view = await programme.ViewAsync();

        var enrolment = await programme.Owner.Api.PutAsJsonAsync($"{programme.Api}/enrolment-settings", new
        {
            menteeAccess = "Domains", menteeDomains = new[] { "@Example.org, uni.example" }, menteeRequiredFields = new[] { "MenteeGoals", "Languages" },
            mentorAccess = "InvitationOnly", mentorDomains = Array.Empty<string>(), mentorRequiredFields = new[] { "MentorTopics" },
            defaultMentorCapacity = 2, version = view.Version(),
        });
        Assert.Equal(HttpStatusCode.OK, enrolment.StatusCode);
        var saved = await programme.ViewAsync();
        Assert.Equal(["example.org", "uni.example"], saved["menteeEnrolment"]!["domains"]!.AsArray().Select(d => (string)d!));
        Assert.Equal("InvitationOnly", (string)saved["mentorEnrolment"]!["access"]!);

        var template = saved["template"]!.AsObject();
        template["meetingMinutes"] = 5;
        var bad = await programme.Owner.Api.PutAsJsonAsync($"{programme.Api}/matching-settings", new JsonObject
        {
            ["mode"] = "Bulk", ["bulkMethod"] = "Optimal", ["maxOpenRequests"] = 0, ["startDirectly"] = true,
            ["template"] = template.DeepClone(), ["introSubject"] = "", ["introBody"] = "Hello", ["version"] = saved.Version(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["introSubject", "maxOpenRequests", "template.meetingMinutes"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(saved.Version(), (await programme.ViewAsync()).Version());

        template["meetingMinutes"] = 30;
        var good = await programme.Owner.Api.PutAsJsonAsync($"{programme.Api}/matching-settings", new JsonObject
        {
            ["mode"] = "ByHand", ["bulkMethod"] = "Stable", ["maxOpenRequests"] = 2, ["startDirectly"] = true,
            ["template"] = template.DeepClone(), ["introSubject"] = "Meet {mentor}", ["introBody"] = "Hello", ["version"] = saved.Version(),
        });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var matching = await programme.ViewAsync();
        Assert.Equal(30, (int)matching["template"]!["meetingMinutes"]!);
        Assert.Equal("ByHand", (string)matching["matchingMode"]!);
        Assert.True((bool)matching["startDirectly"]!);
    }

    [Fact]
    public async Task TheOwner_AddsAndRemovesCoordinators_OthersCannot_AndTheLastOwnerStays()
    {
        var programme = await app.ProgrammeAsync();
        var helper = await app.MenteeAsync("Hana Helper");
        var third = await app.MenteeAsync("Theo Third");

        var added = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/coordinators", new { email = helper.Member.Email });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await helper.Api.GetAsync(programme.Api)).StatusCode);

        var byHelper = await helper.Api.PostAsJsonAsync($"{programme.Api}/coordinators", new { email = third.Member.Email });
        Assert.Equal(HttpStatusCode.Forbidden, byHelper.StatusCode);
        var lastOwner = await programme.Owner.Api.DeleteAsync($"{programme.Api}/coordinators/{programme.Owner.Id}");
        Assert.Equal(HttpStatusCode.Conflict, lastOwner.StatusCode);
        var unknown = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/coordinators", new { email = "nobody@example.org" });
        Assert.Contains("No member", await ErrorFor(unknown, "email"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await programme.Owner.Api.DeleteAsync($"{programme.Api}/coordinators/{helper.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await helper.Api.GetAsync(programme.Api)).StatusCode);
        Assert.Equal([programme.Owner.Id], await app.WithDbAsync(db => db.ProgrammeCoordinators.Where(c => c.ProgrammeId == programme.Id).Select(c => c.MemberId).ToListAsync()));
    }

    [Fact]
    public async Task TheCommand_CreatesAProgramme_AndNamesWhatIsWrong()
    {
        var owner = await app.MenteeAsync("Cmd Owner");
        var slug = ProgrammeBuilders.NewSlug("cmd");
        var output = new StringWriter();
        var error = new StringWriter();

        var ok = await ProgrammeCommand.RunAsync(app.Services, ["create", "--slug", slug, "--name", "From the shell", "--kind", "evergreen", "--owner", owner.Member.Email], output, error, default);
        var bad = await ProgrammeCommand.RunAsync(app.Services, ["create", "--slug", slug, "--name", "Again", "--kind", "yearly", "--owner", "nobody@example.org"], output, error, default);

        Assert.Equal(0, ok);
        Assert.Contains($"/Programmes/{slug}", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, bad);
        Assert.Contains("--slug: Another programme already has the address", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--owner: No member", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--kind", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(ProgrammeKind.Evergreen, await app.WithDbAsync(db => db.Programmes.Where(p => p.Slug == slug).Select(p => p.Kind).SingleAsync()));
    }

    [Fact]
    public async Task ThePages_CreateAProgramme_AndPutErrorsNextToTheirFields()
    {
        var admin = await app.AdministratorAsync();
        var owner = await app.MenteeAsync("Page Owner");
        var slug = ProgrammeBuilders.NewSlug("page");

        var bad = await admin.Member.Browser.PostAsync("/Admin/Programmes", new { Input__Name = "Page cohort", Input__Slug = "x", Input__Kind = "Cohort", Input__OwnerEmail = owner.Member.Email });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal("Must be 3 to 40 characters.", Forms.FieldError(await bad.Content.ReadAsStringAsync(), "Input_Slug"));

        var created = await admin.Member.Browser.PostAsync("/Admin/Programmes", new { Input__Name = "Page cohort", Input__Slug = slug, Input__Kind = "Cohort", Input__OwnerEmail = owner.Member.Email });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Page cohort", await admin.Member.Browser.GetStringAsync("/Admin/Programmes"), StringComparison.Ordinal);

        var manage = await owner.Member.Browser.GetStringAsync($"/Programmes/{slug}/Manage");
        Assert.Contains("Open enrolment", manage, StringComparison.Ordinal);
        var settings = await owner.Member.Browser.PostAsync($"/Programmes/{slug}/Manage/Settings", new
        {
            Details__Name = "", Details__Kind = "Cohort", Details__Version = (await app.WithDbAsync(db => db.Programmes.SingleAsync(p => p.Slug == slug))).Version.ToString(),
        }, handler: "Details");
        Assert.Equal("This field is required.", Forms.FieldError(await settings.Content.ReadAsStringAsync(), "Details_Name"));
        Assert.Equal("Page cohort", await app.WithDbAsync(db => db.Programmes.Where(p => p.Slug == slug).Select(p => p.Name).SingleAsync()));
    }

    private static Task<HttpResponseMessage> Move(TestProgramme programme, JsonObject view, string to) =>
        programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/move", new { to, version = view.Version() });

    private static async Task<string> ErrorFor(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors.ToJsonString()}");
        return string.Join(" ", errors[field]!.AsArray().Select(e => (string)e!));
    }
}

/// <summary>Bodies for the settings endpoints, starting from what GET returned.</summary>
public static class ProgrammeBody
{
    public static JsonObject Details(JsonObject view, Action<JsonObject>? change = null)
    {
        var body = new JsonObject
        {
            ["name"] = view["name"]!.DeepClone(), ["description"] = view["description"]!.DeepClone(), ["kind"] = view["kind"]!.DeepClone(),
            ["enrolmentOpensOn"] = view["enrolmentOpensOn"]?.DeepClone(), ["enrolmentClosesOn"] = view["enrolmentClosesOn"]?.DeepClone(),
            ["matchingOn"] = view["matchingOn"]?.DeepClone(), ["runsFrom"] = view["runsFrom"]?.DeepClone(), ["runsUntil"] = view["runsUntil"]?.DeepClone(),
            ["menteeTerm"] = view["menteeTerm"]!.DeepClone(), ["mentorTerm"] = view["mentorTerm"]!.DeepClone(), ["version"] = view["version"]!.DeepClone(),
        };
        change?.Invoke(body);
        return body;
    }
}
