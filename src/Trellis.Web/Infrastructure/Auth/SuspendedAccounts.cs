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

/// <summary>A suspended account cannot sign in by any route (password, two-factor, recovery code).</summary>
public sealed class TrellisSignInManager(
    UserManager<Member> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<Member> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<Member>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<Member> confirmation, ApiSessions apiSessions)
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

    /// <summary>Only someone who knows the password learns that the account is suspended; anyone else gets the
    /// ordinary failure, and wrong guesses still count towards the lockout.</summary>
    public override async Task<SignInResult> CheckPasswordSignInAsync(Member user, string password, bool lockoutOnFailure)
    {
        if (!user.IsSuspended) return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        if (await UserManager.IsLockedOutAsync(user)) return SignInResult.LockedOut;
        if (await UserManager.CheckPasswordAsync(user, password)) return SuspendedSignIn.Instance;
        if (lockoutOnFailure)
        {
            await UserManager.AccessFailedAsync(user);
            if (await UserManager.IsLockedOutAsync(user)) return SignInResult.LockedOut;
        }
        return SignInResult.Failed;
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
