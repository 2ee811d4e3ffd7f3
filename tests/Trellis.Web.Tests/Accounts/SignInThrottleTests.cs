using System.Net;
using Microsoft.Extensions.Time.Testing;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Tests.Accounts;

public sealed class SignInThrottleTests
{
    private static IPAddress Client(int n) => IPAddress.Parse($"203.0.113.{n}");

    [Fact]
    public void OneClient_WaitsLongerAndLonger_WhileOthersAreFree()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var throttle = new SignInThrottle(time);
        for (var i = 0; i < SignInThrottle.ClientFree; i++) throttle.Failed("ada@example.org", Client(1));
        Assert.False(throttle.MustWait("ada@example.org", Client(1)));

        throttle.Failed("ada@example.org", Client(1)); // 4th: 2 s
        Assert.False(throttle.MustWait("ada@example.org", Client(2)));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(throttle.MustWait("ADA@example.org ", Client(1)));
        throttle.Failed("ada@example.org", Client(1)); // 5th: 4 s
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(throttle.MustWait("ada@example.org", Client(1))); // trying while told to wait: the 6th, 8 s from now
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.True(throttle.MustWait("ada@example.org", Client(1))); // the 7th, 16 s from now
        time.Advance(TimeSpan.FromSeconds(16));
        Assert.False(throttle.MustWait("ada@example.org", Client(1)));

        throttle.Succeeded("ada@example.org", Client(1));
        throttle.Failed("ada@example.org", Client(1));
        Assert.False(throttle.MustWait("ada@example.org", Client(1)));
    }

    [Fact]
    public void GuessesFromEverywhere_SlowTheAccount_ButNeverForMoreThanAMinute()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var throttle = new SignInThrottle(time);
        for (var i = 0; i < SignInThrottle.AccountFree; i++) throttle.Failed("bob@example.org", Client(i));
        Assert.False(throttle.MustWait("bob@example.org", Client(200)));
        for (var i = 0; i < 200; i++) throttle.Failed("bob@example.org", Client(i % 250));
        Assert.True(throttle.MustWait("bob@example.org", Client(251)));
        time.Advance(SignInThrottle.AccountMaxWait);
        Assert.False(throttle.MustWait("bob@example.org", Client(251)));
        // Another address is not affected at all, known or not.
        Assert.False(throttle.MustWait("carol@example.org", Client(1)));
    }
}
