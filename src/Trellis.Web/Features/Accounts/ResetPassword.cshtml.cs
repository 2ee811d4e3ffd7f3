using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Accounts;

[AllowAnonymous]
public sealed class ResetPasswordModel(UserManager<Member> users, SessionRevocation sessions) : TrellisPageModel
{
    [BindProperty]
    public ResetInput Input { get; set; } = new();

    public sealed class ResetInput
    {
        [Required(ErrorMessage = "Please enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "This does not look like an e-mail address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Please choose a password.")]
        public string Password { get; set; } = "";

        public string Code { get; set; } = "";
    }

    public void OnGet(string? code) => Input = new ResetInput { Code = code ?? "" };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var member = await users.FindByEmailAsync(Input.Email.Trim());
        var token = AccountEmails.Decode(Input.Code);
        if (member is null || member.IsDeleted || token is null)
        {
            ModelState.AddModelError("", "This reset link is not valid or has expired. Ask for a new one.");
            return Page();
        }
        var result = await users.ResetPasswordAsync(member, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "", e.Code == "InvalidToken" ? "This reset link is not valid or has expired. Ask for a new one." : e.Description);
            return Page();
        }
        await sessions.RevokeAllAsync(member.Id, ct);
        // A reset proves control of the mailbox, which also lifts a lockout.
        await users.SetLockoutEndDateAsync(member, null);
        await users.ResetAccessFailedCountAsync(member);
        TempData["Status"] = "Your password is changed. Sign in with the new one.";
        return RedirectToPage("SignIn");
    }
}
