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

    public const string FailedMessage = "That e-mail and password do not match an account. If you registered but have not confirmed your address yet, "
        + "we have just sent it a new link. After several wrong tries, wait a minute before the next one.";

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid) return Page();

        // One answer for an unknown address, a wrong password, an unconfirmed account and a throttled attempt
        // (TrellisSignInManager), so the page tells nobody which addresses have accounts.
        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: false);
        if (result.Succeeded) return LocalRedirect(SafeReturn(returnUrl));
        if (result.RequiresTwoFactor)
            return RedirectToPage("SignInTwoFactor", new { returnUrl, rememberMe = Input.RememberMe });
        if (result is Infrastructure.Auth.SuspendedSignIn)
            ModelState.AddModelError("", "This account has been suspended by the site's administrators, so it cannot sign in.");
        else
            ModelState.AddModelError("", FailedMessage);
        return Page();
    }

    /// <summary>Only a path of this site, and never one with control characters: a CR or LF would make the
    /// Location header invalid (a 500, issue 16), and browsers drop tabs, so "/\t/evil" would be "//evil".</summary>
    internal static string SafeReturn(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            && !returnUrl.Any(char.IsControl)
            ? returnUrl : "/Dashboard";
}
