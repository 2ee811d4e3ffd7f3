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
        await WelcomeAsync(notifier, member.Id, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What a confirmed account finds first in its notification centre (no e-mail: they just read one).
    /// Also used by the tests' fast member builder, so a member made without the pages is the same member.</summary>
    internal static Task WelcomeAsync(Notifier notifier, Guid memberId, CancellationToken ct) =>
        notifier.PublishAsync(memberId, NotificationKind.Account, "Welcome to Trellis",
            "Your account is ready. Fill in your profile as a mentee, a mentor, or both, so the right people can find you.", "/Profile/Edit", ct, email: false);
}
