using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Profiles;

namespace Trellis.Web.Tests.Accounts;

public sealed class MemberDataTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task Export_HoldsEverythingAboutMe_AndNothingAboutOthers()
    {
        var me = await app.RegisteredAsync("Exporter");
        var other = await app.RegisteredAsync("Someone Else");
        var api = await app.ApiAsync(me);
        var body = await ProfileApiTests.ValidBody(api);
        body["headline"] = "My very own headline";
        (await api.PutAsJsonAsync("/api/v1/me/profile", body)).EnsureSuccessStatusCode();

        var response = await me.Browser.GetAsync("/Settings/Export");
        Assert.Equal("attachment; filename=trellis-export.json; filename*=UTF-8''trellis-export.json", response.Content.Headers.ContentDisposition?.ToString());
        var export = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(me.Email, (string?)export!["account"]!["email"]);
        Assert.Equal("My very own headline", (string?)export["profile"]!["headline"]);
        Assert.Contains(export["notifications"]!.AsArray(), n => (string?)n!["title"] == "Welcome to Trellis");
        Assert.DoesNotContain(other.Email, export.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(other.Id.ToString(), export.ToJsonString(), StringComparison.Ordinal);

        var viaApi = await api.GetFromJsonAsync<JsonObject>("/api/v1/me/export");
        Assert.Equal(me.Email, (string?)viaApi!["account"]!["email"]);
    }

    [Fact]
    public async Task Delete_WithAWrongPassword_ShowsTheError_AndChangesNothing()
    {
        var me = await app.RegisteredAsync("Almost Gone");
        var response = await me.Browser.PostAsync("/Settings/Delete", new { Input__Password = "not my password" });
        Assert.Contains("not correct", Forms.FieldError(await response.Content.ReadAsStringAsync(), "Input_Password"), StringComparison.Ordinal);
        Assert.Equal("Almost Gone", await app.WithDbAsync(db => db.Users.Where(u => u.Id == me.Id).Select(u => u.DisplayName).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.Profiles.AnyAsync(p => p.MemberId == me.Id)));

        var api = await app.ApiAsync(me);
        var apiResponse = await api.PostAsJsonAsync("/api/v1/me/delete", new { password = "still wrong" });
        Assert.Equal(HttpStatusCode.BadRequest, apiResponse.StatusCode);
        Assert.True((await apiResponse.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("password"));
    }

    [Fact]
    public async Task Delete_RemovesPersonalData_ReplacesTheName_SignsOutEverywhere_AndFreesTheAddress()
    {
        var me = await app.RegisteredAsync("Leaving Soon");
        var response = await me.Browser.PostAsync("/Settings/Delete", new { Input__Password = me.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var row = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == me.Id));
        Assert.Equal("Former member", row.DisplayName);
        Assert.NotEqual(me.Email, row.Email);
        Assert.Null(row.PasswordHash);
        Assert.False(await app.WithDbAsync(db => db.Profiles.AnyAsync(p => p.MemberId == me.Id)));
        Assert.False(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == me.Id)));
        Assert.False(await app.WithDbAsync(db => db.MemberSessions.AnyAsync(s => s.MemberId == me.Id)));

        Assert.Equal(HttpStatusCode.OK, (await app.Browser().SignInAsync(me.Email, me.Password)).StatusCode); // refused: the form comes back
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/api/v1/members/{me.Id}")).StatusCode);

        var again = await app.RegisteredAsync("Came Back", me.Email);
        Assert.NotEqual(me.Id, again.Id);
    }
}
