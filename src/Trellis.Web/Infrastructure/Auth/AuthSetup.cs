using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Infrastructure.Auth;

public static class Policies
{
    /// <summary>A signed-in member, by cookie (pages) or bearer token (API).</summary>
    public const string Member = "Member";

    /// <summary>A signed-in site administrator; anyone else gets 404 (see <see cref="AdministratorArea"/>).</summary>
    public const string Administrator = "Administrator";
}

public static class AuthSetup
{
    public const string CookieName = "trellis";
    public const string TrellisScheme = "Trellis";

    public static WebApplicationBuilder AddTrellisAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var cookies = SiteCookies.From(builder.Configuration);
        services.AddIdentityApiEndpoints<Member>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                // No lockout anyone could trigger from afar: SignInThrottle slows guessing instead. Two-factor
                // codes keep Identity's lockout (only someone who knows the password gets that far).
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<TrellisDbContext>()
            .AddSignInManager<TrellisSignInManager>()
            .AddPasswordValidator<CommonPasswordValidator>();

        // Identity's own default challenges with the bearer scheme (a bare 401), which suits the API but
        // leaves a page visitor without the sign-in redirect. Pick by the request instead.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = TrellisScheme;
                o.DefaultChallengeScheme = TrellisScheme;
            })
            .AddPolicyScheme(TrellisScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme);

        services.AddSingleton<ITicketStore, DatabaseTicketStore>();
        services.ConfigureApplicationCookie(o =>
        {
            cookies.Apply(o.Cookie, CookieName);
            o.LoginPath = "/Accounts/SignIn";
            o.LogoutPath = "/Accounts/SignOut";
            o.AccessDeniedPath = "/Accounts/SignIn";
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
            // An API caller without credentials gets 401, not a redirect to an HTML page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<ITicketStore>((o, store) => o.SessionStore = store);
        foreach (var (scheme, name) in new[] { (IdentityConstants.TwoFactorUserIdScheme, "trellis-2fa"), (IdentityConstants.TwoFactorRememberMeScheme, "trellis-2fa-remember"), (IdentityConstants.ExternalScheme, "trellis-external") })
            services.PostConfigure<CookieAuthenticationOptions>(scheme, o => cookies.Apply(o.Cookie, name));
        // Password changes and suspensions must reach every session quickly, not after Identity's 30 minutes.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o =>
        {
            o.BearerTokenExpiration = TimeSpan.FromMinutes(30);
            o.Events.OnMessageReceived = BearerTokenRevocation.CheckAsync;
        });

        services.AddAntiforgery(o =>
        {
            cookies.Apply(o.Cookie, "trellis-af", SameSiteMode.Strict);
            o.HeaderName = CookieApiForgery.HeaderName;
        });
        services.AddSingleton(cookies);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Member, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Administrator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator))
            // Anything mapped without an explicit policy still needs a signed-in member; the inventory
            // test makes sure nothing relies on this fallback.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AdministratorArea>();
        services.AddSingleton<IEmailSender<Member>, IdentityApiEmailSender>();
        return builder;
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        // The live-update hub (/hubs) is called by scripts and apps too: a status code, not an HTML page.
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/hubs"))
            ctx.Response.StatusCode = status;
        else
            ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
