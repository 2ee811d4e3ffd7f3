using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Trellis.Web.Features.Admin;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Programmes;

/// <summary>A programme made through the real API: created by a site administrator, owned by a coordinator.</summary>
public sealed record TestProgramme(Guid Id, string Slug, Person Owner)
{
    public string Api => $"/api/v1/programmes/{Id}";
    public string Manage => $"/Programmes/{Slug}/Manage";
}

public static class ProgrammeBuilders
{
    /// <summary>A member made administrator by the admin command, then signed in afresh (roles travel in the sign-in).</summary>
    public static async Task<Person> AdministratorAsync(this TrellisApp app, string name = "Alex Admin")
    {
        var member = await app.SignedInAsync(name);
        var output = new StringWriter();
        Assert.Equal(0, await AdministratorsCommand.RunAsync(app.Services, ["grant", member.Email], output, output, default));
        var browser = app.Browser();
        await browser.SignInAsync(member.Email, member.Password);
        return new Person(member with { Browser = browser }, await app.ApiAsync(member));
    }

    public static string NewSlug(string stem = "cohort") => $"{stem}-{Guid.NewGuid():N}"[..30];

    /// <summary>An administrator creates a programme owned by a new coordinator.</summary>
    public static async Task<TestProgramme> ProgrammeAsync(this TrellisApp app, Person? admin = null, Person? owner = null,
        string kind = "Cohort", string name = "Spring cohort")
    {
        admin ??= await app.AdministratorAsync();
        owner ??= await app.MenteeAsync("Cora Coordinator");
        var slug = NewSlug();
        var created = await admin.Api.PostAsJsonAsync("/api/v1/admin/programmes",
            new { slug, name, kind, ownerEmail = owner.Member.Email });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        return new TestProgramme(id, slug, owner);
    }

    public static async Task<JsonObject> ViewAsync(this TestProgramme programme, Person? who = null)
    {
        var response = await (who ?? programme.Owner).Api.GetAsync(programme.Api);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static Guid Version(this JsonObject view) => view["version"]!.GetValue<Guid>();
}
