using System.Collections.Concurrent;
using System.Net;

namespace Trellis.Web.Infrastructure.Auth;

/// <summary>
/// Slows password guessing without letting anyone lock a member out from afar (what Identity's lockout allowed:
/// five wrong passwords from anywhere, 15 minutes locked). Failures are counted per address *and client* (strict:
/// after 3, each further try waits 2, 4, 8 … up to 900 seconds) and per address over all clients (loose: after 10,
/// 1, 2, 4 … up to 60 seconds), and a success from that client clears them. While a wait is on, an attempt is
/// answered like a wrong password without the password being checked, so guessing in parallel gains nothing — but
/// the member, from their own device, is at most a minute away from signing in. Keys are the typed address, known
/// or not, so the throttle itself says nothing about which addresses have accounts. Counts live in this node's
/// memory; the rate limiter (shared through Redis when configured) bounds what a client can send to all nodes.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int ClientFree = 3;
    public const int AccountFree = 10;
    public static readonly TimeSpan ClientMaxWait = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan AccountMaxWait = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Forget = TimeSpan.FromHours(1);

    private sealed record Failures(int Count, DateTimeOffset NotBefore, DateTimeOffset Last);

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>Whether an attempt for this address from this client must wait (and be answered as a failure). A
    /// client that keeps trying while told to wait counts a failure each time, so hammering only lengthens its wait;
    /// the address's own wait is not lengthened that way (that would let anyone keep it closed).</summary>
    public bool MustWait(string email, IPAddress? client)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        var clientKey = ClientKey(email, client);
        if (Held(clientKey, now))
        {
            Count(clientKey, now, ClientFree, ClientMaxWait);
            return true;
        }
        return Held(AccountKey(email), now);
    }

    /// <summary>A wrong password (at sign-in or wherever a signed-in member re-enters it).</summary>
    public void Failed(string email, IPAddress? client)
    {
        var now = time.GetUtcNow();
        Count(ClientKey(email, client), now, ClientFree, ClientMaxWait);
        Count(AccountKey(email), now, AccountFree, AccountMaxWait);
    }

    public void Succeeded(string email, IPAddress? client)
    {
        _failures.TryRemove(ClientKey(email, client), out _);
        _failures.TryRemove(AccountKey(email), out _);
    }

    private bool Held(string key, DateTimeOffset now) => _failures.TryGetValue(key, out var f) && f.NotBefore > now;

    private void Count(string key, DateTimeOffset now, int free, TimeSpan max) =>
        _failures.AddOrUpdate(key, _ => new Failures(1, now, now), (_, f) =>
        {
            var count = f.Last + Forget < now ? 1 : f.Count + 1;
            var wait = count <= free ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, count - free), max.TotalSeconds));
            return new Failures(count, now + wait, now);
        });

    private void Sweep(DateTimeOffset now)
    {
        if (_failures.Count < 10_000) return;
        foreach (var (key, f) in _failures)
            if (f.Last + Forget < now) _failures.TryRemove(key, out _);
    }

    private static string AccountKey(string email) => "a:" + email.Trim().ToUpperInvariant();

    private static string ClientKey(string email, IPAddress? client) => "c:" + email.Trim().ToUpperInvariant() + "|" + client;
}
