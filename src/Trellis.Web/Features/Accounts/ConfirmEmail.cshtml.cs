using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Accounts;

[AllowAnonymous]
public sealed class ConfirmEmailModel(UserManager<Member> users, Notifier notifier, TrellisDbContext db) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(Guid userId, string? code, CancellationToken ct)
    {
        var token = AccountEmails.Decode(code);
        var member = token is null ? null : await users.FindByIdAsync(userId.ToString());
        if (member is null || member.IsDeleted || token is null) return;
        if (member.EmailConfirmed) { Confirmed = true; return; }

        var result = await users.ConfirmEmailAsync(member, token);
        if (!result.Succeeded) return;
        Confirmed = true;
        await notifier.PublishAsync(member.Id, NotificationKind.Account, "Welcome to Trellis",
            "Your account is ready. Fill in your profile as a mentee, a mentor, or both, so the right people can find you.", "/Profile/Edit", ct, email: false);
        await db.SaveChangesAsync(ct);
    }
}
