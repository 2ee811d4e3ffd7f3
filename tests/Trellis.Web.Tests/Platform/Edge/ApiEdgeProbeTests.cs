using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Tests.Platform.Edge;

/// <summary>
/// The API edge's plumbing (<see cref="ApiEdge"/>, <see cref="CurrentMember"/>) hosted on its own around probe
/// endpoints, for what no real endpoint can show: every real one is behind a policy, and none lets a lost race
/// escape on purpose.
/// </summary>
public sealed class ApiEdgeProbeTests : IAsyncLifetime
{
    private const string MemberHeader = "X-Probe-Member";
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddApiEdge();
        _app = builder.Build();
        _app.UseApiExceptionProblems();
        _app.Use((http, next) =>
        {
            if (http.Request.Headers[MemberHeader] is [{ } id])
                http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "probe"));
            return next(http);
        });
        _app.MapGet("/api/who", (CurrentMember me) => TypedResults.Ok(new { id = me.Id }));
        _app.MapPost("/api/lost-race", () => { throw new DbUpdateConcurrencyException("row changed"); });
        _app.MapPost("/api/broken", () => { throw new DbUpdateException("foreign key"); });
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task CurrentMember_IsTheSignedInMember()
    {
        var id = Guid.NewGuid();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/who") { Headers = { { MemberHeader, id.ToString() } } };
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(id, Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!));
    }

    [Fact]
    public async Task CurrentMember_WithNobodySignedIn_Is401_AProblemDocument()
    {
        var response = await _client.GetAsync("/api/who");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ALostRaceNoHandlerNamed_Is409_NotA500()
    {
        var response = await _client.PostAsync("/api/lost-race", null);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(Trellis.Web.Infrastructure.Data.Conflicts.DefaultDetail, (string)problem["detail"]!);
        Assert.DoesNotContain("row changed", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyOtherDatabaseFailure_StaysA500_WithoutItsMessage()
    {
        var response = await _client.PostAsync("/api/broken", null);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("foreign key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
