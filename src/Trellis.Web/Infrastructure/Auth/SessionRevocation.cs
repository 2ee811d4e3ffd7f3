using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Infrastructure.Auth;

/// <summary>Ends a member's sessions — browsers and API token families alike — on every node at once (they are rows).</summary>
public sealed class SessionRevocation(TrellisDbContext db)
{
    public Task<int> RevokeAllAsync(Guid memberId, CancellationToken ct) =>
        db.MemberSessions.Where(s => s.MemberId == memberId).ExecuteDeleteAsync(ct);

    /// <summary>
    /// After a password change: every session ends, this browser's included, and this browser gets a new one — so a
    /// copy of its old cookie is worth nothing either. Identity's <c>RefreshSignInAsync</c> would keep the old session id.
    /// </summary>
    public async Task ReplaceCurrentAsync(HttpContext context, SignInManager<Member> signIn, Member member, CancellationToken ct)
    {
        var current = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        await RevokeAllAsync(member.Id, ct);
        // Marks this request's cookie handler as signed out, so it does not write the old cookie back at the end.
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        var principal = await signIn.CreateUserPrincipalAsync(member);
        // Signed in with a second factor stays so (Identity keeps the same "amr" claim on a refresh).
        if (current.Principal?.FindFirst("amr") is { } amr)
            ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new System.Security.Claims.Claim("amr", amr.Value));
        // The request's handler remembers the old session id and would only renew it; a fresh handler (which finds
        // that session gone) stores a new one.
        var fresh = await new AuthenticationHandlerProvider(context.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>())
            .GetHandlerAsync(context, IdentityConstants.ApplicationScheme) as IAuthenticationSignInHandler
            ?? throw new InvalidOperationException("The application cookie scheme cannot sign in.");
        await fresh.SignInAsync(principal, current.Properties ?? new AuthenticationProperties());
    }
}
