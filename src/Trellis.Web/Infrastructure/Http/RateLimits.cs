using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Trellis.Web.Infrastructure.Http;

/// <summary>
/// The named rate limits (issue 16), each set once: on its API route group or endpoint (<c>RequireRateLimiting</c>
/// where the group is mapped) and on its pages (<see cref="Pages"/>, applied by one page convention). A limit counts
/// per signed-in member, otherwise per client address, in fixed windows; what it allows comes from configuration
/// (<c>Trellis:RateLimits:{Policy}:PermitLimit</c> / <c>Window</c>, defaults below and in docs/operations.md).
/// With <c>Trellis:RateLimits:Redis</c> set the counts live in Redis, so N nodes do not allow N times the limit;
/// otherwise in this process. Only requests that do something count — POST, PUT, PATCH, DELETE — except for search,
/// where reading is the work. Over the limit: 429 with <c>Retry-After</c>; the body is the status-code pages' (a
/// problem document for programs, the "Please slow down" page for people).
/// </summary>
public static class RateLimits
{
    public const string Section = "Trellis:RateLimits";

    public const string SignIn = "SignIn";
    public const string Registration = "Registration";
    public const string PasswordReset = "PasswordReset";
    public const string EmailChange = "EmailChange";
    public const string Reports = "Reports";
    public const string Messages = "Messages";
    public const string Search = "Search";

    public sealed class Limit
    {
        public int PermitLimit { get; set; }
        public TimeSpan Window { get; set; }
    }

    /// <summary>What each policy allows per member or client unless configured otherwise. Sign-in's per-client count
    /// sits above <see cref="Auth.SignInThrottle"/>, which slows guessing one address; this bounds a client over all
    /// addresses and all nodes.</summary>
    public static readonly IReadOnlyDictionary<string, (int PermitLimit, TimeSpan Window)> Defaults = new Dictionary<string, (int, TimeSpan)>
    {
        [SignIn] = (20, TimeSpan.FromMinutes(1)),
        [Registration] = (10, TimeSpan.FromMinutes(10)),
        [PasswordReset] = (10, TimeSpan.FromMinutes(10)),
        [EmailChange] = (10, TimeSpan.FromMinutes(10)),
        [Reports] = (20, TimeSpan.FromHours(1)),
        [Messages] = (60, TimeSpan.FromMinutes(1)),
        [Search] = (60, TimeSpan.FromMinutes(1)),
    };

    /// <summary>The pages (by their path under Features) that count towards each policy.</summary>
    public static readonly IReadOnlyDictionary<string, string> Pages = new Dictionary<string, string>
    {
        ["/Accounts/SignIn"] = SignIn,
        ["/Accounts/SignInTwoFactor"] = SignIn,
        ["/Accounts/SignInRecoveryCode"] = SignIn,
        ["/Accounts/Register"] = Registration,
        ["/Accounts/ResendConfirmation"] = Registration,
        ["/Accounts/ForgotPassword"] = PasswordReset,
        ["/Accounts/ResetPassword"] = PasswordReset,
        ["/Settings/Email"] = EmailChange,
        ["/Moderation/Report"] = Reports,
        ["/Messages/Index"] = Messages,
        ["/Guides/Guide"] = Messages,
        ["/FindMentor/Index"] = Search,
    };

    public static void ApplyToPages(PageConventionCollection conventions)
    {
        foreach (var (page, policy) in Pages)
            conventions.AddPageApplicationModelConvention(page, m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(policy)));
    }

    public static IServiceCollection AddTrellisRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<RateLimitStore>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration, RateLimitStore>((o, configuration, store) =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            foreach (var (name, fallback) in Defaults)
            {
                var limit = configuration.GetSection($"{Section}:{name}").Get<Limit>() ?? new Limit();
                if (limit.PermitLimit <= 0) limit.PermitLimit = fallback.PermitLimit;
                if (limit.Window <= TimeSpan.Zero) limit.Window = fallback.Window;
                o.AddPolicy(name, new Policy(name, limit, countsReads: name == Search, store));
            }
        });
        return services;
    }

    private sealed class Policy(string name, Limit limit, bool countsReads, RateLimitStore store) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter.Name, out var after) ? after switch
            {
                TimeSpan span => span,
                int seconds => TimeSpan.FromSeconds(seconds), // the Redis limiter's form
                _ => limit.Window,
            } : limit.Window;
            context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return ValueTask.CompletedTask;
        };

        public RateLimitPartition<string> GetPartition(HttpContext context)
        {
            var method = context.Request.Method;
            if (!countsReads && (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)))
                return RateLimitPartition.GetNoLimiter("");
            var who = context.User.MemberIdOrNull() is { } member
                ? "member:" + member
                : "client:" + context.Connection.RemoteIpAddress;
            var key = $"{store.Prefix}:{name}:{who}";
            return store.Redis is { } redis
                ? RedisRateLimitPartition.GetFixedWindowRateLimiter(key, _ => new RedisFixedWindowRateLimiterOptions
                {
                    ConnectionMultiplexerFactory = () => redis.Value,
                    PermitLimit = limit.PermitLimit,
                    Window = limit.Window,
                })
                : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit.PermitLimit,
                    Window = limit.Window,
                    QueueLimit = 0,
                });
        }
    }

    /// <summary>Where the counts live: Redis (one connection per process, made on first use) or this process.</summary>
    public sealed class RateLimitStore(IConfiguration configuration) : IDisposable
    {
        public Lazy<IConnectionMultiplexer>? Redis { get; } = configuration[$"{Section}:Redis"] is { Length: > 0 } connection
            ? new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(connection))
            : null;

        /// <summary>Keeps the counts of several deployments sharing one Redis apart.</summary>
        public string Prefix { get; } = configuration[$"{Section}:KeyPrefix"] is { Length: > 0 } prefix ? prefix : "trellis";

        public void Dispose()
        {
            if (Redis is { IsValueCreated: true }) Redis.Value.Dispose();
        }
    }
}
