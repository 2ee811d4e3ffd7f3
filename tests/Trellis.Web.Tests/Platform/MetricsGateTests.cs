using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Platform;

/// <summary>The app behind a proxy on its own machine, every connection from loopback — what a Prometheus on the same
/// machine sees, and what a client coming through the proxy looks like to the app.</summary>
public sealed class LoopbackApp : TrellisApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["App:BehindProxy"] = "true" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddTransient<IStartupFilter, FromLoopback>());
    }

    // The test server gives connections no address; a real loopback connection has this one.
    private sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Issue 16 item 6: <c>/metrics</c> only from loopback (not forwarded) or with the configured token.</summary>
public sealed class MetricsGateTests(LoopbackApp app) : IClassFixture<LoopbackApp>
{
    [Fact]
    public async Task AScraperOnThisMachine_ReadsTheMetrics_WithoutAToken()
    {
        // A request to measure first: run alone, this class's app has served nothing else yet.
        await app.Anonymous().GetAsync("/");
        var response = await app.Anonymous().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("http_server_request_duration_seconds", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")] // a spoof: "I am the machine itself"
    [InlineData("::1")]
    [InlineData("203.0.113.9")]
    public async Task ARequestForwardedByTheProxy_IsNotLoopback_EvenWhenItClaimsToBe(string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", forwardedFor } } };

        var response = await app.Anonymous().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("http_server", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForwardedRequest_WithTheToken_ReadsTheMetrics_AndAWrongTokenDoesNot()
    {
        using var right = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "203.0.113.9" } } };
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TrellisApp.MetricsToken);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "203.0.113.9" } } };
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TrellisApp.MetricsToken + "x");

        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().SendAsync(right)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().SendAsync(wrong)).StatusCode);
    }
}
