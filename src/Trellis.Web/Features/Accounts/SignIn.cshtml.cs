using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;

namespace Trellis.Web.Features.Accounts;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<Member> signIn) : TrellisPageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Please enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "This does not look like an e-mail address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Please enter your password.")]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid) return Page();

        // Lockout counts every failure: five wrong passwords lock the account for 15 minutes.
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(SafeReturn(returnUrl));
        if (result.RequiresTwoFactor)
            return RedirectToPage("SignInTwoFactor", new { returnUrl, rememberMe = Input.RememberMe });
        if (result.IsLockedOut)
            ModelState.AddModelError("", "Too many failed attempts: this account is locked for 15 minutes. You can reset your password in the meantime.");
        else if (result is Infrastructure.Auth.SuspendedSignIn)
            ModelState.AddModelError("", "This account has been suspended by the site's administrators, so it cannot sign in.");
        else if (result.IsNotAllowed)
            ModelState.AddModelError("", "Please confirm your e-mail address first: open the link we sent you, or ask for a new one.");
        else
            ModelState.AddModelError("", "That e-mail and password do not match an account.");
        return Page();
    }

    internal static string SafeReturn(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl : "/Dashboard";
}
