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
    IUserConfirmation<Member> confirmation)
    : SignInManager<Member>(users, http, claims, options, logger, schemes, confirmation)
{
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
/// suspended (or changed their password) until they expire. Each API request therefore compares the
/// token's security stamp with the member's current one — one primary-key read (ADR 0016).
/// </summary>
public static class BearerTokenRevocation
{
    public static async Task CheckAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return;
        var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
        // An unreadable token is refused by the handler itself.
        if (ticket is null || !Guid.TryParse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var memberId)) return;
        var services = context.HttpContext.RequestServices;
        var stampType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = ticket.Principal.FindFirstValue(stampType);
        var db = services.GetRequiredService<TrellisDbContext>();
        var current = await db.Users.AsNoTracking().Where(u => u.Id == memberId)
            .Select(u => new { u.SecurityStamp, u.SuspendedAt })
            .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (current is null || current.SuspendedAt is not null || current.SecurityStamp != stamp)
            context.Fail("This token is no longer valid.");
    }
}
