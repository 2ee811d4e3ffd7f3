using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Accounts;

[AllowAnonymous]
public sealed class ConfirmEmailChangeModel(UserManager<Member> users, SessionRevocation sessions) : PageModel
{
    public bool Changed { get; private set; }

    public async Task OnGetAsync(Guid userId, string? email, string? code, CancellationToken ct)
    {
        var token = AccountEmails.Decode(code);
        var member = await users.FindByIdAsync(userId.ToString());
        if (member is null || member.IsDeleted || token is null || string.IsNullOrWhiteSpace(email)) return;
        var result = await users.ChangeEmailAsync(member, email, token);
        if (!result.Succeeded) return;
        await users.SetUserNameAsync(member, email);
        // The sign-in name changed: every session starts again with the new one.
        await sessions.RevokeAllAsync(member.Id, ct);
        Changed = true;
    }
}
