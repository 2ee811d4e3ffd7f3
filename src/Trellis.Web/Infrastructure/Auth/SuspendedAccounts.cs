using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Infrastructure.Auth;

/// <summary>What a suspended member's sign-in gets: "not allowed", told apart from an unconfirmed e-mail.</summary>
public sealed class SuspendedSignIn : SignInResult
{
    public static readonly SuspendedSignIn Instance = new();

    private SuspendedSignIn() => IsNotAllowed = true;

    /// <summary>The API's login endpoint puts this in the problem document's detail.</summary>
    public override string ToString() => "Suspended";
}

/// <summary>Password sign-in that tells an attacker nothing, and a suspended account cannot sign in by any route
/// (password, two-factor, recovery code).</summary>
public sealed class TrellisSignInManager(
    UserManager<Member> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<Member> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<Member>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<Member> confirmation, ApiSessions apiSessions, SignInThrottle throttle, AccountEmails emails,
    TrellisDbContext db, TimeProvider time)
    : SignInManager<Member>(users, http, claims, options, logger, schemes, confirmation)
{
    /// <summary>Every route to a bearer token (password, two-factor code, recovery code) ends here: the tokens
    /// name a new session row, so signing out can end them (ADR 0020).</summary>
    public override async Task SignInWithClaimsAsync(Member user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        if (AuthenticationScheme == IdentityConstants.BearerScheme)
            additionalClaims = additionalClaims.Concat(await apiSessions.OpenAsync(user.Id, Context.RequestAborted)).ToList();
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
    }

    public override async Task<bool> CanSignInAsync(Member user) => !user.IsSuspended && await base.CanSignInAsync(user);

    /// <summary>Every answer to a sign-in that did not succeed takes at least this long, so the time it takes says
    /// nothing about whether the address has an account (see docs/security.md for the measured medians).</summary>
    public static readonly TimeSpan FailureFloor = TimeSpan.FromMilliseconds(300);

    private static string? _placeholderHash;

    /// <summary>
    /// The sign-in page's and the API's password sign-in. An unknown address, an unconfirmed account, a wrong
    /// password and a throttled attempt get the same answer (<see cref="SignInResult.Failed"/>) after the same work
    /// (one password hash) and no sooner than <see cref="FailureFloor"/>. An unconfirmed account whose password was
    /// right is sent a new confirmation link instead of being told so; only the right password for a suspended
    /// account learns that it is suspended. There is no lockout: <see cref="SignInThrottle"/> slows guessing instead.
    /// </summary>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var started = time.GetTimestamp();
        var result = await AttemptAsync((userName ?? "").Trim(), password ?? "", isPersistent);
        if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            var elapsed = time.GetElapsedTime(started);
            if (elapsed < FailureFloor) await Task.Delay(FailureFloor - elapsed, time, Context.RequestAborted);
        }
        return result;
    }

    /// <summary>A signed-in member re-entering their password (to delete the account, to change the password) counts
    /// towards the same throttle as signing in, so a borrowed session cannot guess it without limit.</summary>
    public async Task<bool> CheckReenteredPasswordAsync(Member user, string? password)
    {
        var email = user.Email ?? "";
        var client = Context.Connection.RemoteIpAddress;
        if (throttle.MustWait(email, client)) return false;
        if (!string.IsNullOrEmpty(password) && await UserManager.CheckPasswordAsync(user, password))
        {
            throttle.Succeeded(email, client);
            return true;
        }
        throttle.Failed(email, client);
        return false;
    }

    private async Task<SignInResult> AttemptAsync(string email, string password, bool isPersistent)
    {
        var client = Context.Connection.RemoteIpAddress;
        if (throttle.MustWait(email, client)) return SignInResult.Failed;
        var user = email.Length == 0 ? null : await UserManager.FindByNameAsync(email);
        if (user is null || user.IsDeleted)
        {
            // The same work as for a real account, so the answer takes as long.
            _placeholderHash ??= UserManager.PasswordHasher.HashPassword(new Member(), Guid.NewGuid().ToString());
            UserManager.PasswordHasher.VerifyHashedPassword(new Member(), _placeholderHash, password);
            throttle.Failed(email, client);
            return SignInResult.Failed;
        }
        if (password.Length == 0 || !await UserManager.CheckPasswordAsync(user, password))
        {
            throttle.Failed(email, client);
            return SignInResult.Failed;
        }
        throttle.Succeeded(email, client);
        if (user.IsSuspended) return SuspendedSignIn.Instance;
        if (!await UserManager.IsEmailConfirmedAsync(user))
        {
            await emails.QueueConfirmationAsync(user);
            await db.SaveChangesAsync(Context.RequestAborted);
            return SignInResult.Failed;
        }
        // Identity's own path from here (two-factor, the cookie or bearer token); a lockout set before Trellis
        // stopped locking is answered like any failure.
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: false);
        return result.IsLockedOut || result.IsNotAllowed ? SignInResult.Failed : result;
    }
}

/// <summary>
/// Identity's bearer tokens are self-contained: nothing on the server would notice that their owner was
/// suspended, signed out or changed their password until they expire. Each API request therefore checks the
/// token's session row and security stamp against the database — one primary-key read (ADR 0016, 0020).
/// </summary>
public static class BearerTokenRevocation
{
    public static async Task CheckAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return;
        var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
        // An unreadable token is refused by the handler itself.
        if (ticket is null) return;
        var services = context.HttpContext.RequestServices;
        var stampType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        // One indexed read: the token's session row (signed out? refreshed since?) and its member (suspended?
        // deleted? password changed?) — ADR 0016 and 0020.
        if (!await services.GetRequiredService<ApiSessions>().IsLiveAsync(ticket.Principal, ticket.Principal.FindFirstValue(stampType), context.HttpContext.RequestAborted))
            context.Fail("This token is no longer valid.");
    }
}
