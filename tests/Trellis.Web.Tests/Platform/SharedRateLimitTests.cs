using System.Net;
using System.Net.Http.Json;
using Trellis.Web.Infrastructure.Http;
using Trellis.Web.Tests.Accounts;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Platform;

/// <summary>One app node whose rate limits live in the shared Redis (TRELLIS_TEST_REDIS, else the dev server's
/// 127.0.0.1:56900) under the given key prefix, so two nodes made with the same prefix share their counts.</summary>
public sealed class RedisLimitedNode(string prefix) : ClientAddressApp
{
    public static string Redis => Environment.GetEnvironmentVariable("TRELLIS_TEST_REDIS") is { Length: > 0 } redis ? redis : "127.0.0.1:56900";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"{RateLimits.Section}:Redis"] = Redis,
        [$"{RateLimits.Section}:KeyPrefix"] = prefix,
        [$"{RateLimits.Section}:{RateLimits.SignIn}:PermitLimit"] = "3",
        [$"{RateLimits.Section}:{RateLimits.SignIn}:Window"] = "00:05:00",
    };
}

/// <summary>Issue 16 item 3: with Redis configured, N nodes do not allow N times the limit.</summary>
public sealed class SharedRateLimitTests
{
    [Fact]
    public async Task TwoNodesSharingRedis_ShareOneLimit()
    {
        var prefix = "sec-limits-test-" + Guid.NewGuid().ToString("N")[..12];
        await using var first = new RedisLimitedNode(prefix);
        await using var second = new RedisLimitedNode(prefix);
        await first.InitializeAsync();
        await second.InitializeAsync();
        const string address = "198.18.0.7";

        Task<HttpResponseMessage> Guess(RedisLimitedNode node, int i) =>
            node.ApiAt(address).PostAsJsonAsync("/api/v1/auth/login", new { email = Members.NewEmail("shared"), password = "guess " + i });

        Assert.Equal(HttpStatusCode.Unauthorized, (await Guess(first, 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Guess(second, 2)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Guess(first, 3)).StatusCode);
        // Each node has seen at most two attempts; in-process limits of 3 would let both through.
        var onSecond = await Guess(second, 4);
        Assert.Equal(HttpStatusCode.TooManyRequests, onSecond.StatusCode);
        Assert.NotNull(onSecond.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Guess(first, 5)).StatusCode);
        // Another client, on either node, has its own count.
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.ApiAt("198.18.0.8").PostAsJsonAsync("/api/v1/auth/login", new { email = Members.NewEmail("other"), password = "x" })).StatusCode);
    }
}
