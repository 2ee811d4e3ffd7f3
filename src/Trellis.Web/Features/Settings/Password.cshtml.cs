using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Settings;

[Authorize(Policy = Policies.Member)]
public sealed class PasswordModel(UserManager<Member> users, TrellisSignInManager signIn, SessionRevocation sessions, AccountEmails emails, TrellisDbContext db)
    : TrellisPageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Please enter your current password.")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Please choose a new password.")]
        public string NewPassword { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var member = await users.GetUserAsync(User) ?? throw new InvalidOperationException();
        if (!await signIn.CheckReenteredPasswordAsync(member, Input.CurrentPassword))
        {
            ModelState.AddModelError("Input.CurrentPassword", "Your current password is not correct.");
            return Page();
        }
        var result = await users.ChangePasswordAsync(member, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword",
                    e.Code == "PasswordMismatch" ? "Your current password is not correct." : e.Description);
            return Page();
        }
        // Every session ends (a stolen cookie dies with the old password, a copy of this one too); this
        // browser carries on in a new session with the new security stamp.
        await sessions.ReplaceCurrentAsync(HttpContext, signIn, member, ct);
        emails.QueuePasswordChanged(member);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = "Your password is changed, and your other devices are signed out.";
        return RedirectToPage("Index");
    }
}
