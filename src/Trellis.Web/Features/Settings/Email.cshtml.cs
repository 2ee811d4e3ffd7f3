using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Settings;

[Authorize(Policy = Policies.Member)]
public sealed class EmailModel(UserManager<Member> users, AccountEmails emails, TrellisDbContext db) : TrellisPageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public string Current { get; private set; } = "";

    public async Task OnGetAsync() => Current = (await users.GetUserAsync(User))?.Email ?? "";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var member = await users.GetUserAsync(User) ?? throw new InvalidOperationException();
        Current = member.Email ?? "";
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        if (string.Equals(email, member.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.Email", "This is already your e-mail address.");
            return Page();
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError("Input.Email", "Another account uses this e-mail address.");
            return Page();
        }
        await emails.QueueEmailChangeAsync(member, email);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = "Check the new address: we sent it a confirmation link.";
        return RedirectToPage("Index");
    }
}
