using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Infrastructure.Http;
using Trellis.Web.Tests.Accounts;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Messages;

namespace Trellis.Web.Tests.Platform;

/// <summary>The app with low limits for messages and search (every test elsewhere raises them out of the way). Sign-in
/// keeps its raised limit: the builders sign members in.</summary>
public sealed class RateLimitedApp : ClientAddressApp
{
    public const int Messages = 2;
    public const int Searches = 2;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"{RateLimits.Section}:{RateLimits.Messages}:PermitLimit"] = Messages.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{RateLimits.Section}:{RateLimits.Messages}:Window"] = "00:05:00",
        [$"{RateLimits.Section}:{RateLimits.Search}:PermitLimit"] = Searches.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{RateLimits.Section}:{RateLimits.Search}:Window"] = "00:05:00",
    };
}

/// <summary>The app with a low sign-in limit and clients at chosen addresses.</summary>
public sealed class SignInLimitedApp : ClientAddressApp
{
    public const int SignIns = 3;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"{RateLimits.Section}:{RateLimits.SignIn}:PermitLimit"] = SignIns.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{RateLimits.Section}:{RateLimits.SignIn}:Window"] = "00:05:00",
    };
}

/// <summary>Issue 16 item 3: sign-in (pages and API) is limited per client address, 429 with Retry-After.</summary>
public sealed class SignInRateLimitTests(SignInLimitedApp app) : IClassFixture<SignInLimitedApp>
{
    private static int _client;

    private static string NewAddress() => $"203.0.113.{Interlocked.Increment(ref _client)}";

    [Fact]
    public async Task SignIn_FromOneClient_IsLimited_OnTheApiAndThePageAlike_With429AndRetryAfter_AndOtherClientsAreNot()
    {
        var address = NewAddress();
        var api = app.ApiAt(address);
        for (var i = 0; i < SignInLimitedApp.SignIns; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsJsonAsync("/api/v1/auth/login", new { email = Members.NewEmail("guess"), password = "guess " + i })).StatusCode);

        var refused = await api.PostAsJsonAsync("/api/v1/auth/login", new { email = Members.NewEmail("guess"), password = "one more" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Retry-After", (await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var retryAfter = refused.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("no Retry-After");
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        HeadersOnEveryResponseTests.AssertSecurityHeaders(refused, "429 problem document");

        // The page counts towards the same policy: a person gets the "slow down" page, in the layout.
        var browser = app.BrowserAt(address);
        var page = await browser.PostAsync("/Accounts/SignIn", new { Input__Email = Members.NewEmail("guess"), Input__Password = "from the page" });
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Please slow down a little", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(page.Headers.RetryAfter?.Delta);
        HeadersOnEveryResponseTests.AssertSecurityHeaders(page, "429 page");

        // Another client is not affected, and opening the sign-in page never counts.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Accounts/SignIn")).StatusCode);
        var member = await app.SignedInAsync("Rita Ratelimit");
        Assert.Equal(HttpStatusCode.OK, (await app.ApiAt(NewAddress()).PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password })).StatusCode);
    }
}

/// <summary>Issue 16 item 3: named rate limits on pages and API, per member when signed in.</summary>
public sealed class RateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{

    [Fact]
    public async Task Messages_AreCountedPerMember_NotPerAddress_AndARefusedMessageIsNotStored()
    {
        // Both members call from the same address (the test server's): only the member's own count matters.
        var pair = await app.PairAsync("Mira Limit", "Theo Limit");
        for (var i = 0; i < RateLimitedApp.Messages; i++)
            Assert.Equal(HttpStatusCode.Created, (await pair.Mentee.SendAsync(pair.Id, "hello " + i)).StatusCode);

        var refused = await pair.Mentee.SendAsync(pair.Id, "one too many");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        // Reading the conversation does not count; the other member has their own allowance.
        Assert.Equal(HttpStatusCode.OK, (await pair.Mentee.Api.GetAsync(pair.Messages)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await pair.Mentor.SendAsync(pair.Id, "my own allowance")).StatusCode);

        var bodies = await app.WithDbAsync(db => db.Set<Trellis.Web.Features.Messages.Message>().Where(m => m.MentorshipId == pair.Id).Select(m => m.Body).ToListAsync());
        Assert.Equal(RateLimitedApp.Messages + 1, bodies.Count);
        Assert.DoesNotContain("one too many", bodies);
    }

    [Fact]
    public async Task Search_CountsReads()
    {
        var member = await app.MenteeAsync("Sam Searcher");
        for (var i = 0; i < RateLimitedApp.Searches; i++)
            Assert.Equal(HttpStatusCode.OK, (await member.Api.GetAsync("/api/v1/mentors?q=design")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await member.Api.GetAsync("/api/v1/mentors?q=design")).StatusCode);
        // The page is the same search: it counts towards the same allowance.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await member.Member.Browser.GetAsync("/Mentors?q=design")).StatusCode);
    }

    /// <summary>Each policy is on its pages and its API routes — named here, so moving a route without its limit fails.</summary>
    [Fact]
    public void EveryNamedPolicy_IsOnItsPagesAndApiRoutes()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var expectedApi = new Dictionary<string, string>
        {
            ["api/v1/auth/login"] = RateLimits.SignIn,
            ["api/v1/auth/manage/2fa"] = RateLimits.SignIn,
            ["api/v1/auth/register"] = RateLimits.Registration,
            ["api/v1/auth/resendConfirmationEmail"] = RateLimits.Registration,
            ["api/v1/auth/forgotPassword"] = RateLimits.PasswordReset,
            ["api/v1/auth/resetPassword"] = RateLimits.PasswordReset,
            ["api/v1/auth/manage/info"] = RateLimits.EmailChange,
            ["api/v1/reports"] = RateLimits.Reports,
            ["api/v1/mentorships/{id:guid}/messages"] = RateLimits.Messages,
            ["api/v1/mentorships/{id:guid}/messages/{messageId:guid}"] = RateLimits.Messages,
            ["api/v1/mentors"] = RateLimits.Search,
            ["api/v1/guides/{id:guid}/questions"] = RateLimits.Messages,
            ["api/v1/guides/{id:guid}/questions/{questionId:guid}/answers"] = RateLimits.Messages,
        };
        var problems = new List<string>();
        foreach (var (route, policy) in expectedApi)
        {
            var found = endpoints.Where(e => e.RoutePattern.RawText?.Trim('/') == route).ToList();
            if (found.Count == 0) problems.Add($"{route}: no such endpoint");
            foreach (var e in found.Where(e => e.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName != policy))
                problems.Add($"{route} ({e.DisplayName}): {e.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "no limit"}, not {policy}");
        }
        foreach (var (page, policy) in RateLimits.Pages)
        {
            var found = endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath == page).ToList();
            if (found.Count == 0) problems.Add($"page {page}: no such page");
            if (found.Any(e => e.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName != policy)) problems.Add($"page {page}: not {policy}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(RateLimits.Defaults.Keys.Order(), expectedApi.Values.Concat(RateLimits.Pages.Values).Distinct().Order());
    }
}
