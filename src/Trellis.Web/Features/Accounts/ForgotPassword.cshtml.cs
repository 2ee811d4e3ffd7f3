using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Accounts;

[AllowAnonymous]
public sealed class ForgotPasswordModel(UserManager<Member> users, AccountEmails emails, TrellisDbContext db) : TrellisPageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var member = await users.FindByEmailAsync(Input.Email.Trim());
        if (member is { EmailConfirmed: true, IsDeleted: false })
        {
            await emails.QueuePasswordResetAsync(member);
            await db.SaveChangesAsync(ct);
        }
        Sent = true; // same answer for unknown addresses
        return Page();
    }
}
